import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';

/** A stored object, read as a stream. */
export interface StoredBlob {
  body: Readable;
  size: number;
}

/**
 * Where attachment bytes live. Keys are random and server-made (never a client's file name);
 * nothing here decides who may read what: callers check access before they ask.
 */
export interface BlobStore {
  readonly kind: 'folder' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** null when there is no such object. */
  get(key: string): Promise<StoredBlob | null>;
  delete(key: string): Promise<void>;
  close(): void;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/._-]{0,200}$/;
function checkedKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe blob key ${JSON.stringify(key)}`);
  return key;
}

/** A folder on this machine: the default, for one instance. */
export class FolderBlobStore implements BlobStore {
  readonly kind = 'folder';
  constructor(private readonly root: string) {}

  private fileOf(key: string): string {
    return path.join(this.root, ...checkedKey(key).split('/'));
  }

  async put(key: string, body: Buffer): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside then renamed: a reader never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, body, { mode: 0o600 });
    await rename(partial, file);
  }

  async get(key: string): Promise<StoredBlob | null> {
    const file = this.fileOf(key);
    try {
      const { size } = await stat(file);
      return { body: createReadStream(file), size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }

  close(): void {}
}

export interface S3Location {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Reads S3_URL: `http(s)://ACCESS_KEY:SECRET@host[:port]/bucket[?region=…]`, path-style, so it
 * fits MinIO, Garage, Ceph, s3rver and AWS alike. Throws a message naming what is wrong.
 */
export function parseS3Url(value: string): S3Location {
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error('S3_URL must start with http:// or https://');
  const bucket = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, ''));
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error('S3_URL must name a bucket as its path');
  if (!url.username || !url.password) throw new Error('S3_URL must carry ACCESS_KEY:SECRET@ before the host');
  return {
    endpoint: `${url.protocol}//${url.host}`,
    region: url.searchParams.get('region') ?? 'us-east-1',
    bucket,
    accessKeyId: decodeURIComponent(url.username),
    secretAccessKey: decodeURIComponent(url.password),
  };
}

/** S3-compatible object storage: every instance reads what any instance wrote. */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(location: S3Location) {
    this.bucket = location.bucket;
    this.client = new S3Client({
      endpoint: location.endpoint,
      region: location.region,
      forcePathStyle: true,
      credentials: { accessKeyId: location.accessKeyId, secretAccessKey: location.secretAccessKey },
    });
  }

  /** Creates the bucket when it is missing (a fresh MinIO or test server). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    }
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: checkedKey(key), Body: body, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<StoredBlob | null> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }));
      return { body: result.Body as Readable, size: result.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkedKey(key) }));
  }

  close(): void {
    this.client.destroy();
  }
}

/** S3 when S3_URL is set, else a folder under the data directory. */
export async function openBlobStore(options: { s3Url?: string; dataDir: string }): Promise<BlobStore> {
  if (options.s3Url) {
    const store = new S3BlobStore(parseS3Url(options.s3Url));
    await store.ensureBucket();
    return store;
  }
  return new FolderBlobStore(path.join(options.dataDir, 'attachments'));
}
