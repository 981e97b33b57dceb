/**
 * The client's HTTP transport: one request, answered with the status, headers and body text (at most
 * `maxAnswerBytes`, counted as bytes arrive: over it, reading stops, the socket is destroyed and `text()`
 * rejects with AnswerTooLargeError). Status queries (GET) go through undici's keep-alive pools, creates through
 * node:http(s) on a connection of their own. Client CPU per small loopback GET (keep-alive, 20,000 requests,
 * 2-core machine, whole `getTask`): node:http agent 56 µs, undici `Agent.request` 40 µs; then (50,000 requests,
 * 32 at once, six runs each in turn) `Agent.request` 35–50 µs, mean 42, and `Agent.dispatch` with the handler below
 * 30–44 µs, mean 37, less in each pair: the poller's largest cost after the store (issue 21: 0.3 ms CPU per query
 * in all). undici comes with discord.js; it is a dependency of its own here (package.json) so the two stay free
 * to move.
 * Failures look like fetch's (a TypeError whose `cause` carries the system code; an AbortError on abort), so
 * the client classifies both the same way, and tests may pass `fetch` itself (or a function returning
 * `Response`s; those answers are not capped).
 */
import { request as httpRequest, Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { type Dispatcher, Agent as UndiciAgent } from 'undici';

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
  // No header/body timers of undici's own: the client's deadline (an abort) covers the whole exchange.
  const pooled = new UndiciAgent({
    keepAliveTimeout: 4000,
    keepAliveMaxTimeout: 4000,
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const fresh = { 'http:': new HttpAgent({ keepAlive: false }), 'https:': new HttpsAgent({ keepAlive: false }) };
  return (url, init) => {
    const split = init.method === 'GET' ? ORIGIN_AND_PATH.exec(url) : null;
    return split ? query(pooled, split[1]!, split[2] || '/', init, cap) : once(url, init);
  };

  /** One request on a connection of its own (node:http), and any URL the pooled path does not take. */
  function once(url: string, init: TransportInit): Promise<TransportAnswer> {
    return new Promise<TransportAnswer>((resolve, reject) => {
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
        agent: fresh[protocol],
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
}

/**
 * `http(s)://host[:port]` and the path after it, for URLs the pooled path can send as they are: no userinfo, no
 * fragment, printable ASCII only (anything else goes through node:http, which encodes it as `new URL` does).
 */
const ORIGIN_AND_PATH = /^(https?:\/\/[A-Za-z0-9.:[\]-]+)((?:\/[\x21\x22\x24-\x7e]*)?)$/;

/**
 * A status query on a pooled keep-alive connection (undici), through `Dispatcher#dispatch` and a handler of
 * its own: the same answers, cap and failures as `once`. `Agent#request` wraps every answer in a Readable
 * stream, an async resource and a parsed headers object; the poller reads a few hundred bytes of JSON and at
 * most one header, hundreds of times a second, so the answer's chunks are taken as they come and the raw
 * headers are read only when asked (the poller's largest cost after the store: issue 21).
 */
function query(
  agent: UndiciAgent,
  origin: string,
  path: string,
  init: TransportInit,
  cap: number,
): Promise<TransportAnswer> {
  const { signal } = init;
  if (signal.aborted) return Promise.reject(aborted(signal));
  return new Promise<TransportAnswer>((resolve, reject) => {
    /** undici's way to stop this request (given once it is on a connection). */
    let abort: ((reason: Error) => void) | undefined;
    /** Why it was stopped before it had a connection (applied when it gets one). */
    let stopped: Error | undefined;
    let answered = false;
    let settled = false;
    let chunks: Buffer[] = [];
    let size = 0;
    let ok: (text: string) => void = () => {};
    let fail: (err: unknown) => void = () => {};
    const text = new Promise<string>((resolveText, rejectText) => {
      ok = resolveText;
      fail = rejectText;
    });
    // Read at once, whether or not the caller asks: the connection goes back to the pool when the body ends.
    text.catch(() => {});
    const stop = (reason: Error) => {
      if (abort) abort(reason);
      else stopped = reason;
    };
    const onAbort = () => stop(aborted(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    const finish = (err: unknown) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      chunks = [];
      const error = err instanceof AnswerTooLargeError ? err : signal.aborted ? aborted(signal) : fetchFailed(err);
      if (answered) fail(error);
      else reject(error);
    };
    const handler: Dispatcher.DispatchHandlers = {
      onConnect(abortRequest) {
        abort = abortRequest;
        if (stopped) abortRequest(stopped);
      },
      onError: finish,
      onHeaders(status, rawHeaders) {
        // An informational answer (100 Continue, 103 Early Hints): the real one follows.
        if (status < 200) return true;
        const headers = readRawHeaders(rawHeaders as unknown as Buffer[]);
        // Bytes are counted as they arrive: over the cap, the request is aborted (which closes the connection),
        // so at most the cap plus one chunk is ever held. A declared length over it is not read.
        const declared = Number(headers.get('content-length') ?? Number.NaN);
        answered = true;
        resolve({ status, ok: status >= 200 && status < 300, headers, text: () => text });
        if (Number.isFinite(declared) && declared > cap) stop(new AnswerTooLargeError(cap));
        return true;
      },
      onData(chunk) {
        if (settled) return false;
        size += chunk.length;
        if (size > cap) {
          stop(new AnswerTooLargeError(cap));
          return false;
        }
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        const body = Buffer.concat(chunks, size).toString('utf8');
        chunks = [];
        // Answered once undici has taken the connection back (on the next turn, in an immediate it queues after
        // this call returns): a caller that queries again at once then reuses it instead of opening another
        // (answered sooner, a pool holds twice the connections).
        process.nextTick(() => setImmediate(ok, body));
      },
    };
    try {
      agent.dispatch({ origin, path, method: 'GET', headers: init.headers }, handler);
    } catch (err) {
      finish(err);
    }
  });
}

/** Headers as undici hands them over (name, value, name, value…), read only when asked. */
function readRawHeaders(raw: readonly Buffer[]): TransportAnswer['headers'] {
  return {
    get(name) {
      const wanted = name.toLowerCase();
      let value: string | null = null;
      for (let i = 0; i + 1 < raw.length; i += 2) {
        const key = raw[i]!;
        if (key.length !== wanted.length || key.toString('latin1').toLowerCase() !== wanted) continue;
        const v = raw[i + 1]!.toString('latin1');
        value = value === null ? v : `${value}, ${v}`;
      }
      return value;
    },
  };
}
