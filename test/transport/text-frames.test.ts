import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import { textFrames } from '../../server/src/transport/text-frames.js';

/** ws's frame parser, which @types/ws does not declare. */
interface FrameReader {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  write(bytes: Buffer, done: () => void): void;
}
const Receiver = (ws as unknown as { Receiver: new (options: { isServer: boolean }) => FrameReader }).Receiver;

/** What a WebSocket client reads from the bytes: ws's own frame parser, as in every Node client. */
function read(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const messages: string[] = [];
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) reject(new Error('binary frame'));
      messages.push(data.toString());
    });
    receiver.on('error', reject);
    receiver.write(bytes, () => resolve(messages));
  });
}

describe('live text frames', () => {
  const head = Buffer.from('{"id":"ä1","type":"next","payload":');
  const tail = Buffer.from('}');

  // Message lengths around where a frame header grows from 2 to 4 to 10 bytes.
  const around = [0, 1, 125, 126, 200, 65_535, 65_536, 300_000].map((length) => Math.max(0, length - head.length - 1));
  it.each(around)('a %i-byte payload reads back whole', async (size) => {
    const payload = Buffer.from('x'.repeat(size));
    const [message] = await read(textFrames(head, [payload], tail));
    expect(message).toBe(`${head.toString()}${payload.toString()}}`);
  });

  it('a batch is several messages in order, with Vietnamese text intact', async () => {
    const payloads = ['{"a":"Nghe dân nói"}', '{"b":"nói dân hiểu"}', '{"c":"làm dân tin"}'].map((text) =>
      Buffer.from(text),
    );
    const messages = await read(textFrames(head, payloads, tail));
    expect(messages.map((message) => JSON.parse(message.replace('"ä1"', '"x"')).payload)).toEqual([
      { a: 'Nghe dân nói' },
      { b: 'nói dân hiểu' },
      { c: 'làm dân tin' },
    ]);
  });
});
