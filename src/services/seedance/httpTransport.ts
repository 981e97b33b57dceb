/**
 * The client's HTTP transport: one request, answered with the status, headers and body text (at most
 * `maxAnswerBytes`, counted as bytes arrive: over it, reading stops, the socket is destroyed and `text()`
 * rejects with AnswerTooLargeError). node:http(s), with keep-alive agents for status queries. Client CPU per
 * small loopback GET (keep-alive, 20,000 requests, 2-core machine): global fetch 145 µs, this transport 50 µs,
 * undici 6 `request` with `maxResponseSize` 36 µs. undici is cheaper and maintained, but it would be a new
 * dependency for 15 µs a query (0.15 % of a core at 100 queries a second) and a second error vocabulary;
 * the cap here is twenty lines. Move to undici if this file has to grow again (proxies, HTTP/2, body timeouts).
 * Failures look like fetch's (a TypeError whose `cause` carries the system code; an AbortError on abort), so
 * the client classifies both the same way, and tests may pass `fetch` itself (or a function returning
 * `Response`s; those answers are not capped).
 */
import { request as httpRequest, Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';

export interface TransportInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** What the client reads of an answer (a fetch `Response` has all of it). */
export interface TransportAnswer {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type Transport = (url: string, init: TransportInit) => Promise<TransportAnswer>;

/** The default answer cap (SEEDANCE_MAX_ANSWER_BYTES): the vendor's answers are a few KB of JSON. */
export const DEFAULT_MAX_ANSWER_BYTES = 1024 * 1024;

/** An answer body over the cap: reading stopped and the connection was dropped, nothing past the cap was kept. */
export class AnswerTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the answer is larger than ${limitBytes} bytes`);
    this.name = 'AnswerTooLargeError';
  }
}

const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
const aborted = (signal: AbortSignal) =>
  signal.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError');

export function createHttpTransport(options: { maxAnswerBytes?: number } = {}): Transport {
  const cap = options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
  // Queries reuse idle connections (dropped after 4 s idle, before the usual 5 s server keep-alive closes them).
  // Anything else (a create) opens its own: on a pooled socket the server has just closed, the request fails
  // after it may have been sent, and a create in doubt is never repeated, so the member would lose it.
  const pooled = {
    'http:': new HttpAgent({ keepAlive: true, timeout: 4000 }),
    'https:': new HttpsAgent({ keepAlive: true, timeout: 4000 }),
  };
  const fresh = { 'http:': new HttpAgent({ keepAlive: false }), 'https:': new HttpsAgent({ keepAlive: false }) };
  return (url, init) =>
    new Promise<TransportAnswer>((resolve, reject) => {
      let target: URL;
      try {
        target = new URL(url);
      } catch (err) {
        reject(fetchFailed(err));
        return;
      }
      const protocol = target.protocol;
      if (protocol !== 'http:' && protocol !== 'https:') {
        reject(fetchFailed(Object.assign(new Error(`unsupported protocol ${protocol}`), { code: 'ERR_INVALID_URL' })));
        return;
      }
      if (init.signal.aborted) {
        reject(aborted(init.signal));
        return;
      }
      const body = init.body === undefined ? undefined : Buffer.from(init.body);
      const send = protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(target, {
        method: init.method,
        agent: (init.method === 'GET' ? pooled : fresh)[protocol],
        headers: body ? { ...init.headers, 'content-length': String(body.length) } : init.headers,
      });
      const onAbort = () => req.destroy(aborted(init.signal));
      init.signal.addEventListener('abort', onAbort, { once: true });
      req.once('error', (err) => {
        init.signal.removeEventListener('abort', onAbort);
        reject(init.signal.aborted ? aborted(init.signal) : fetchFailed(err));
      });
      req.once('response', (res: IncomingMessage) => {
        const text = new Promise<string>((ok, fail) => {
          // Bytes are counted as they arrive: over the cap, reading stops and the socket is destroyed (never
          // pooled again), so at most the cap plus one chunk is ever held. A declared length over it is not read.
          const chunks: Buffer[] = [];
          let size = 0;
          let tooLarge = false;
          const refuse = () => {
            tooLarge = true;
            chunks.length = 0;
            fail(new AnswerTooLargeError(cap));
            res.destroy();
            req.destroy();
          };
          const declared = Number(res.headers['content-length'] ?? Number.NaN);
          if (Number.isFinite(declared) && declared > cap) {
            refuse();
            return;
          }
          res.on('data', (chunk: Buffer) => {
            if (tooLarge) return;
            size += chunk.length;
            if (size > cap) refuse();
            else chunks.push(chunk);
          });
          res.once('end', () => ok(Buffer.concat(chunks, size).toString('utf8')));
          res.once('error', (err) => fail(init.signal.aborted ? aborted(init.signal) : fetchFailed(err)));
          res.once('close', () => {
            if (!res.complete) fail(init.signal.aborted ? aborted(init.signal) : fetchFailed(new Error('cut off')));
          });
        }).finally(() => init.signal.removeEventListener('abort', onAbort));
        // Read at once, whether or not the caller asks: the socket goes back to the pool when the body ends.
        text.catch(() => {});
        const status = res.statusCode ?? 0;
        resolve({
          status,
          ok: status >= 200 && status < 300,
          headers: {
            get: (name) => {
              const v = res.headers[name.toLowerCase()];
              return v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v);
            },
          },
          text: () => text,
        });
      });
      req.end(body);
    });
}
