/**
 * WebSocket text frames (RFC 6455, section 5.2) for live deliveries, written straight to the TCP
 * socket.
 *
 * Why not `ws.send` for these: it frames each message on its own — a byte-length scan of the
 * string, a header buffer, and the string encoded again for every socket — while an event's
 * payload is the same bytes for every subscriber of an audience. Here the payload is encoded once
 * per audience and each socket's batch becomes one buffer and one write. This is safe beside ws's
 * own sender because the server runs without permessage-deflate (see websocket.ts): ws then never
 * queues frames of its own, so both write synchronously, in call order, to the same socket, and
 * `bufferedAmount` still counts what waits. Frames from a server are never masked.
 */
export function textFrames(head: Uint8Array, payloads: readonly Uint8Array[], tail: Uint8Array): Buffer {
  let total = 0;
  for (const payload of payloads) {
    const length = head.length + payload.length + tail.length;
    total += headerLength(length) + length;
  }
  const frames = Buffer.allocUnsafe(total);
  let at = 0;
  for (const payload of payloads) {
    const length = head.length + payload.length + tail.length;
    frames[at++] = 0x81; // FIN, text
    if (length < 126) {
      frames[at++] = length;
    } else if (length < 0x1_0000) {
      frames[at++] = 126;
      at = frames.writeUInt16BE(length, at);
    } else {
      frames[at++] = 127;
      at = frames.writeUInt32BE(0, at);
      at = frames.writeUInt32BE(length, at);
    }
    frames.set(head, at);
    at += head.length;
    frames.set(payload, at);
    at += payload.length;
    frames.set(tail, at);
    at += tail.length;
  }
  return frames;
}

function headerLength(length: number): number {
  return length < 126 ? 2 : length < 0x1_0000 ? 4 : 10;
}
