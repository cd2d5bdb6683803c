import decodeHeic from 'heic-decode';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Sharp } from 'sharp';

export enum MediaKind {
  IMAGE = 'IMAGE',
  PDF = 'PDF',
}

/** Why an upload is refused, as a stable code and the HTTP status it answers with. */
export const MediaErrorCode = {
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  TooManyFiles: 'TOO_MANY_FILES',
  BadUserInput: 'BAD_USER_INPUT',
} as const;
export type MediaErrorCode = (typeof MediaErrorCode)[keyof typeof MediaErrorCode];

const STATUS: Record<MediaErrorCode, number> = {
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_FILES: 413,
  BAD_USER_INPUT: 400,
};

export class MediaError extends Error {
  readonly status: number;
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaError';
    this.status = STATUS[code];
  }
}

/** What goes into the store: the re-encoded image (or the PDF as sent) and a thumbnail for images. */
export interface PreparedMedia {
  kind: MediaKind;
  contentType: string;
  body: Buffer;
  width: number | null;
  height: number | null;
  thumbnail: { body: Buffer; contentType: string } | null;
}

/** Longest side of a stored image and of its thumbnail. */
export const IMAGE_MAX_SIDE = 2048;
export const THUMBNAIL_SIDE = 320;
/** Refuses decompression bombs before decoding: 50 megapixels is beyond any phone photo. */
const MAX_PIXELS = 50_000_000;

/** Accepted types, told from the bytes; what a stored image is re-encoded to. */
const IMAGE_OUTPUT: Record<string, 'jpeg' | 'png' | 'webp'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'jpeg',
  'image/heif': 'jpeg',
};
const CONTENT_TYPE = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

/** Names what the bytes are (never the file name or the declared type); refuses anything else. */
export async function sniffMedia(bytes: Buffer): Promise<{ kind: MediaKind; mime: string }> {
  const type = await fileTypeFromBuffer(bytes);
  if (type && type.mime in IMAGE_OUTPUT) return { kind: MediaKind.IMAGE, mime: type.mime };
  if (type?.mime === 'application/pdf') return { kind: MediaKind.PDF, mime: type.mime };
  throw new MediaError(
    MediaErrorCode.UnsupportedMediaType,
    'Only photos (JPEG, PNG, WebP, HEIC) and PDF documents can be attached.',
  );
}

/** HEIC (iPhone photos) is outside sharp's prebuilt decoders: libheif (WebAssembly) decodes it to pixels. */
async function decoderOf(bytes: Buffer, mime: string): Promise<() => Sharp> {
  if (mime === 'image/heic' || mime === 'image/heif') {
    let image: Awaited<ReturnType<typeof decodeHeic>>;
    try {
      image = await decodeHeic({ buffer: bytes });
    } catch {
      throw new MediaError(MediaErrorCode.UnsupportedMediaType, 'The HEIC photo could not be read.');
    }
    if (image.width * image.height > MAX_PIXELS) {
      throw new MediaError(MediaErrorCode.PayloadTooLarge, 'The photo has too many pixels.');
    }
    const pixels = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    return () => sharp(pixels, { raw: { width: image.width, height: image.height, channels: 4 } });
  }
  return () => sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS });
}

/**
 * Re-encodes an image so that nothing the phone wrote into it survives (EXIF, GPS, maker notes,
 * XMP, comments: sharp keeps no metadata unless told to), turned upright by its orientation,
 * at most {@link IMAGE_MAX_SIDE} pixels on its longest side, with a thumbnail. PDFs are kept as
 * sent (they are served for download only, sandboxed).
 */
export async function prepareMedia(bytes: Buffer): Promise<PreparedMedia> {
  const { kind, mime } = await sniffMedia(bytes);
  if (kind === MediaKind.PDF) {
    return { kind, contentType: 'application/pdf', body: bytes, width: null, height: null, thumbnail: null };
  }
  const format = IMAGE_OUTPUT[mime]!;
  const decode = await decoderOf(bytes, mime);
  try {
    const full = await decode()
      .autoOrient()
      .resize({ width: IMAGE_MAX_SIDE, height: IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .toFormat(format, { quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await decode()
      .autoOrient()
      .resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside', withoutEnlargement: true })
      .toFormat(format, { quality: 70 })
      .toBuffer();
    return {
      kind,
      contentType: CONTENT_TYPE[format],
      body: full.data,
      width: full.info.width,
      height: full.info.height,
      thumbnail: { body: thumbnail, contentType: CONTENT_TYPE[format] },
    };
  } catch (error) {
    if (error instanceof MediaError) throw error;
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message))
      throw new MediaError(MediaErrorCode.PayloadTooLarge, 'The photo has too many pixels.');
    throw new MediaError(
      MediaErrorCode.UnsupportedMediaType,
      'The photo could not be read: the file is damaged or not an image.',
    );
  }
}
