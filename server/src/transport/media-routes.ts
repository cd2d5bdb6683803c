import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import busboy from 'busboy';
import { Router, type Request, type Response } from 'express';
import { Attachment } from '../dialogue/attachment.entity.js';
import { AttachmentService, cleanFileName, type UploadedFile } from '../dialogue/attachment.service.js';
import type { Services } from '../shared/context.js';
import { AppError } from '../shared/errors.js';
import { isUuid } from '../shared/ids.js';
import { MediaError, MediaErrorCode, prepareMedia } from '../shared/media/media-file.js';
import type { BlobVariant } from '../shared/media/signed-urls.js';
import { tokenFrom, type ContextFactory } from '../shared/request-context.js';

export const UPLOAD_PATH = '/uploads';
/** Room for the multipart boundaries and headers around the files themselves. */
const MULTIPART_OVERHEAD = 64 * 1024;

interface ReceivedFile {
  name: string;
  bytes: Buffer;
}

/**
 * Streams a multipart body through busboy, keeping at most `maxFiles` files of at most
 * `maxBytes` each in memory (sharp needs the whole image); anything beyond is read and dropped.
 */
function receiveFiles(req: IncomingMessage, maxFiles: number, maxBytes: number): Promise<ReceivedFile[]> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: maxFiles, fileSize: maxBytes, fields: 10, parts: maxFiles + 10 },
      });
    } catch {
      reject(new MediaError(MediaErrorCode.BadUserInput, 'Send the files as multipart/form-data.'));
      return;
    }
    const files: ReceivedFile[] = [];
    let failure: MediaError | null = null;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        failure ??= new MediaError(MediaErrorCode.BadUserInput, 'Send each file in a field named "file".');
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure ??= new MediaError(
          MediaErrorCode.PayloadTooLarge,
          `Each file must be at most ${Math.floor(maxBytes / 1024 / 1024) || maxBytes / 1024} ${maxBytes >= 1024 * 1024 ? 'MB' : 'KB'}.`,
        );
        chunks.length = 0;
      });
      stream.on('end', () => {
        if (!stream.truncated) files.push({ name: info.filename ?? '', bytes: Buffer.concat(chunks) });
      });
    });
    parser.on('filesLimit', () => {
      failure ??= new MediaError(MediaErrorCode.TooManyFiles, `At most ${maxFiles} files can be attached.`);
    });
    parser.on('error', () => reject(new MediaError(MediaErrorCode.BadUserInput, 'The upload could not be read.')));
    parser.on('close', () => {
      if (failure) reject(failure);
      else if (files.length === 0) reject(new MediaError(MediaErrorCode.BadUserInput, 'No file was sent.'));
      else resolve(files);
    });
    req.pipe(parser);
  });
}

function sendError(res: Response, status: number, code: string, message: string, extra: object = {}): void {
  if (!res.headersSent) res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
  else res.destroy();
}

const statusOfAppError = (error: AppError): number =>
  ({ UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429 })[error.code as string] ?? 400;

/** What an upload answers: enough to show it in the draft and to name it in the post. */
const uploadView = (row: Attachment) => ({
  id: row.id,
  kind: row.kind,
  contentType: row.contentType,
  byteSize: row.byteSize,
  width: row.width ?? null,
  height: row.height ?? null,
  fileName: row.fileName,
});

/**
 * POST /uploads (multipart, field `file`, up to ATTACHMENTS_PER_POST files): sniffs, re-encodes
 * and stores them as pending attachments, answering their ids for `postFeedback` and
 * `replyToThread`. GET /attachments/:id[/thumbnail] serves one only with a valid signed link,
 * which the API gives only to whom the thread rule lets read it.
 */
export function mediaRouter(orm: MikroORM, services: Services, createContext: ContextFactory): Router {
  const { config, log, media } = services;
  const { maxFileBytes, maxFilesPerPost } = config.media;
  const router = Router();

  router.post(UPLOAD_PATH, async (req: Request, res: Response) => {
    const requestId = (req as Request & { requestId?: string }).requestId ?? 'upload';
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxFilesPerPost * maxFileBytes + MULTIPART_OVERHEAD) {
      res.setHeader('connection', 'close');
      sendError(res, 413, MediaErrorCode.PayloadTooLarge, 'The upload is larger than the files allowed together.');
      return;
    }
    try {
      const ctx = await createContext({
        token: tokenFrom(req.headers.authorization),
        clientIp: req.ip ?? 'unknown',
        requestId,
      });
      await services.limits.consume('uploads', ctx.viewer ? `account:${ctx.viewer.id}` : `address:${ctx.clientIp}`);
      const received = await receiveFiles(req, maxFilesPerPost, maxFileBytes);
      const prepared: UploadedFile[] = [];
      // One at a time: image decoding is CPU- and memory-heavy and the machine is shared.
      for (const file of received) {
        prepared.push({ fileName: cleanFileName(file.name), media: await prepareMedia(file.bytes) });
      }
      const rows = await new AttachmentService(ctx.em, services).store(prepared, ctx.viewer);
      res.status(201).json({ attachments: rows.map(uploadView) });
    } catch (error) {
      if (error instanceof MediaError) {
        if (!req.readableEnded) res.setHeader('connection', 'close');
        sendError(res, error.status, error.code, error.message);
      } else if (error instanceof AppError) {
        res.setHeader('connection', 'close');
        sendError(res, statusOfAppError(error), error.code, error.message, {
          ...(error.extensions.retryAfter ? { retryAfter: error.extensions.retryAfter } : {}),
        });
      } else {
        log.error({ err: error, requestId }, 'upload failed');
        sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.', { requestId });
      }
    }
  });

  const serve = (variant: BlobVariant) => async (req: Request, res: Response) => {
    const id = String(req.params.id);
    if (!isUuid(id) || !media.urls.verify(id, variant, req.query.expires, req.query.signature)) {
      sendError(res, 403, 'FORBIDDEN', 'This link is not valid or has expired. Open the thread again.');
      return;
    }
    try {
      const row = await orm.em.fork().findOne(Attachment, id);
      const key = variant === 'full' ? row?.storageKey : row?.thumbnailKey;
      const blob = row?.thread && key ? await media.blobs.get(key) : null;
      if (!row || !blob) {
        sendError(res, 404, 'NOT_FOUND', 'Attachment not found.');
        return;
      }
      const disposition = row.contentType.startsWith('image/') ? 'inline' : 'attachment';
      res.status(200);
      res.setHeader('content-type', row.contentType);
      res.setHeader('content-length', String(blob.size));
      res.setHeader('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(row.fileName)}`);
      res.setHeader('cache-control', `private, max-age=${media.urls.ttlSeconds}`);
      res.setHeader('content-security-policy', "default-src 'none'; sandbox");
      res.setHeader('cross-origin-resource-policy', 'same-origin');
      res.setHeader('x-content-type-options', 'nosniff');
      await pipeline(blob.body, res);
    } catch (error) {
      log.error({ err: error, attachment: id }, 'serving an attachment failed');
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
    }
  };
  router.get('/attachments/:id', serve('full'));
  router.get('/attachments/:id/thumbnail', serve('thumbnail'));
  return router;
}
