/** How the fake writes an answer under the byte-level faults: cut in half, trickled, or huge and streamed. */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Readable, pipeline } from 'node:stream';

/** The full head (with the whole content-length), the first half of the body, then the socket is destroyed. */
export function writeTruncated(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  head: OutgoingHttpHeaders,
  body: Buffer,
): void {
  res.writeHead(status, head);
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());
}

/**
 * The answer written `bytesPerSec` bytes a second (in ticks of at most a tenth of that, at least one byte), stopping
 * when the client goes away. The response's 'finish' tells the caller the whole answer was written.
 */
export function writeSlow(
  res: ServerResponse,
  status: number,
  head: OutgoingHttpHeaders,
  body: Buffer,
  bytesPerSec: number,
): void {
  const rate = Math.max(bytesPerSec, 1e-3);
  const chunk = Math.max(1, Math.round(rate / 10));
  const tickMs = (1000 * chunk) / rate;
  let at = 0;
  let timer: NodeJS.Timeout | undefined;
  res.writeHead(status, head);
  res.flushHeaders();
  const tick = () => {
    const part = body.subarray(at, at + chunk);
    at += part.length;
    if (at >= body.length) res.end(part);
    else {
      res.write(part);
      timer = setTimeout(tick, tickMs);
    }
  };
  res.once('close', () => clearTimeout(timer));
  timer = setTimeout(tick, tickMs);
}

const HUGE_HEAD = Buffer.from('{"code":"20000","data":{"pad":"');
const HUGE_TAIL = Buffer.from('"}}');
const HUGE_CHUNK = 64 * 1024;

/**
 * 200 application/json, exactly `bytes` bytes (chunked, no content-length): `{"code":"20000","data":{"pad":"aaa…"}}`,
 * valid JSON when `bytes` leaves room for both ends. Made in 64 KiB chunks from one buffer, so 100 MB costs the fake
 * no memory; the stream stops when the client goes away.
 */
export function writeHuge(res: ServerResponse, bytes: number): void {
  const pad = Buffer.alloc(HUGE_CHUNK, 'a');
  const fits = bytes >= HUGE_HEAD.length + HUGE_TAIL.length;
  let left = Math.max(0, Math.floor(bytes));
  let stage: 'head' | 'pad' | 'tail' = 'head';
  const source = new Readable({
    read() {
      if (stage === 'head') {
        stage = 'pad';
        const head = HUGE_HEAD.subarray(0, Math.min(left, HUGE_HEAD.length));
        left -= head.length;
        if (head.length) return void this.push(head);
      }
      const padLeft = fits ? left - HUGE_TAIL.length : left;
      if (stage === 'pad' && padLeft > 0) {
        const n = Math.min(padLeft, HUGE_CHUNK);
        left -= n;
        return void this.push(n === HUGE_CHUNK ? pad : pad.subarray(0, n));
      }
      if (stage === 'pad' && fits) {
        stage = 'tail';
        left = 0;
        return void this.push(HUGE_TAIL);
      }
      this.push(null);
    },
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  pipeline(source, res, () => {});
}
