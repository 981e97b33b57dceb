/**
 * The client's HTTP transport: one request, answered with the status, headers and body text. The default is
 * node:http(s), with keep-alive agents for status queries: the poller makes hundreds of status queries a second, and the global
 * fetch spends about 0.3 ms of CPU on each (WHATWG streams, abort plumbing), node:http about 0.05 ms (measured
 * on this project's 2-core machine, loopback, small JSON answers). Failures look like fetch's (a TypeError
 * whose `cause` carries the system code; an AbortError on abort), so the client classifies both the same way,
 * and tests may pass `fetch` itself (or a function returning `Response`s).
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

const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
const aborted = (signal: AbortSignal) =>
  signal.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError');

export function createHttpTransport(): Transport {
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
          let s = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            s += chunk;
          });
          res.once('end', () => ok(s));
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
