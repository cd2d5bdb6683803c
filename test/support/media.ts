import sharp from 'sharp';
import type { TestServer } from './server.js';

export interface UploadFile {
  name: string;
  bytes: Buffer;
  /** What the client claims; the server must not believe it. */
  type?: string;
}

export interface UploadAnswer {
  status: number;
  body: {
    attachments?: Array<{ id: string; kind: string; contentType: string; width: number | null; height: number | null }>;
    errors?: Array<{ message: string; extensions: { code: string } }>;
  };
}

/** POSTs files to /uploads as a browser form would. */
export async function upload(server: TestServer, files: UploadFile[], token?: string): Promise<UploadAnswer> {
  const form = new FormData();
  for (const file of files) {
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/jpeg' }), file.name);
  }
  const response = await fetch(`${server.url}/uploads`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as UploadAnswer['body'] };
}

/** Uploads and returns the ids, failing loudly. */
export async function uploadIds(server: TestServer, files: UploadFile[], token?: string): Promise<string[]> {
  const answer = await upload(server, files, token);
  if (answer.status !== 201) throw new Error(`upload failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.attachments!.map((row) => row.id);
}

/** EXIF orientation 6: the camera was turned; the picture must come back upright (taller than wide). */
export async function phonePhoto(width = 600, height = 400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '11/1 50/1 1800/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '108/1 19/1 5700/100',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export const pngImage = () =>
  sharp({ create: { width: 50, height: 30, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } })
    .png()
    .toBuffer();

/** The smallest well-formed PDF: one empty page. */
export function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Whether raw EXIF holds a GPS directory (tag 0x8825), in either byte order. */
export const hasGpsTag = (exif: Buffer | undefined) =>
  !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
