import { session } from '../accounts/session';
import { config } from '../config';

/** Where files are uploaded: next to the GraphQL endpoint. */
const uploadUrl = () => new URL('/uploads', new URL(config.httpUrl, location.origin)).toString();

export const MAX_FILES = 5;
export const ACCEPTED_TYPES = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,application/pdf';

/** Why an upload failed: a server code (UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE, …) or OFFLINE. */
export class UploadError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'UploadError';
  }
}

/**
 * Sends the chosen files to POST /uploads in one multipart request and returns their ids for the
 * post. The server re-encodes photos (no EXIF or GPS survives) and checks every file's bytes.
 */
export async function uploadFiles(files: readonly File[]): Promise<string[]> {
  if (files.length === 0) return [];
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  const token = session.token();
  let response: Response;
  try {
    response = await fetch(uploadUrl(), {
      method: 'POST',
      body: form,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new UploadError('OFFLINE');
  }
  const body = (await response.json().catch(() => ({}))) as {
    attachments?: Array<{ id: string }>;
    errors?: Array<{ extensions?: { code?: string } }>;
  };
  if (response.status !== 201 || !body.attachments) {
    throw new UploadError(body.errors?.[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  }
  return body.attachments.map((row) => row.id);
}
