/**
 * HTTP client of the jimmyai open API's Seedance routes: create a task, query a task.
 * Bearer key, per-request timeout, typed errors that keep the upstream `code`/`msg`, tolerant parsing.
 * Queries are retried with backoff and jitter (p-retry); creates never are (see createTask).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pRetry, { AbortError } from 'p-retry';
import type { Logger } from '../../logging/logger.js';
import { SeedanceError, isSeedanceError } from './errors.js';
import { AnswerTooLargeError, createHttpTransport, type Transport, type TransportAnswer } from './httpTransport.js';
import { parseCreated, parseEnvelope, parseTaskSnapshot, type TaskSnapshot } from './parse.js';

export interface SeedanceClientOptions {
  baseUrl: string;
  apiKey: string;
  createPath?: string;
  queryPath?: string;
  timeoutMs?: number;
  /** The largest answer body read (SEEDANCE_MAX_ANSWER_BYTES, default 1 MiB); a larger one fails as `malformed`. */
  maxAnswerBytes?: number;
  /** Extra attempts of a status query after the first (default 3). */
  queryRetries?: number;
  retryMinDelayMs?: number;
  retryMaxDelayMs?: number;
  relativeUrlBase?: string;
  /** Accept http:// video URLs (loopback fakes in tests and the sandbox only). */
  allowInsecureVideoUrls?: boolean;
  logger?: Logger;
  /** The HTTP transport (default: node:http(s) with keep-alive, see httpTransport.ts); `fetch` works too. */
  fetch?: Transport;
  /** Told of every HTTP exchange (metrics): which route, how long, and `ok` or the error's kind. */
  onExchange?: (e: { route: 'create' | 'query'; ms: number; outcome: string }) => void;
  // Callers may spread a wider config object in; unknown keys are ignored.
  [other: string]: unknown;
}

/** Reads a Retry-After header (delay in seconds, or an HTTP date) as milliseconds from `now`. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** Error codes of a connection that was never made, so no request bytes reached the server. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
]);

/** The system error codes behind a fetch failure (undici wraps them in `cause`, sometimes in an AggregateError). */
function causeCodes(err: unknown): string[] {
  const cause = (err as { cause?: { code?: unknown; errors?: unknown } }).cause;
  const nested = Array.isArray(cause?.errors) ? (cause.errors as Array<{ code?: unknown }>) : [];
  return [cause?.code, ...nested.map((e) => e?.code)].filter((c): c is string => typeof c === 'string');
}

/** Every process logs a given unknown status word once, whichever client saw it first (at most 100 words kept). */
const unknownStatusesLogged = new Set<string>();
const MAX_UNKNOWN_STATUSES = 100;

const isAbort = (err: unknown) => err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');

export class SeedanceClient {
  private readonly base: string;
  private readonly createPath: string;
  private readonly queryPath: string;
  private readonly timeoutMs: number;
  private readonly doFetch: Transport;
  /** The headers of a request without a body (every status query), built once. */
  private readonly bodylessHeaders: Record<string, string>;

  constructor(private readonly options: SeedanceClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.createPath = options.createPath ?? '/api/open-api/v1/seedance/videos';
    this.queryPath = options.queryPath ?? '/api/open-api/v1/videos/{taskId}';
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.doFetch = options.fetch ?? createHttpTransport({ maxAnswerBytes: options.maxAnswerBytes });
    this.bodylessHeaders = { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' };
  }

  /**
   * Creates one video task. Never retried here: the endpoint is not idempotent (no idempotency key), so
   * repeating a request that may have reached the server could create, and charge, a second video.
   * The error's `mayHaveReachedServer` tells the caller whether the outcome is unknown.
   */
  async createTask(body: Record<string, unknown>): Promise<{ taskId: string; status?: string }> {
    const json = await this.request('POST', this.createPath, body);
    const created = parseCreated(json);
    if (!created) {
      throw new SeedanceError({
        kind: 'malformed',
        message: 'the create answer has no task id',
        mayHaveReachedServer: true,
      });
    }
    return created;
  }

  /** Reads a task's state; transient failures are retried with exponential backoff and jitter. */
  /**
   * `beforeSend` is awaited right before each attempt's request goes out (a query budget): what it limits is
   * when requests actually start, not when the caller asked.
   */
  async getTask(
    taskId: string,
    options: { retries?: number; beforeSend?: () => Promise<void> } = {},
  ): Promise<TaskSnapshot> {
    const path = this.queryPath.replace('{taskId}', encodeURIComponent(taskId));
    const once = async (): Promise<TaskSnapshot> => {
      const json = await this.request('GET', path, undefined, options.beforeSend);
      const snap = parseTaskSnapshot(json, taskId, this.options);
      if (!snap)
        throw new SeedanceError({
          kind: 'malformed',
          message: 'the query answer could not be read',
          mayHaveReachedServer: true,
        });
      if (
        !snap.known &&
        !unknownStatusesLogged.has(snap.rawStatus) &&
        unknownStatusesLogged.size < MAX_UNKNOWN_STATUSES
      ) {
        unknownStatusesLogged.add(snap.rawStatus);
        this.options.logger?.warn(
          { upstreamTaskId: taskId, status: snap.rawStatus },
          'unknown upstream status; treating the task as still running',
        );
      }
      return snap;
    };
    const retries = options.retries ?? this.options.queryRetries ?? 3;
    // The poller's queries (no retries, hundreds a second): one attempt, without the retry machinery.
    if (retries === 0) return once();
    let notFound = 0;
    return pRetry(
      async () => {
        try {
          return await once();
        } catch (err) {
          if (isSeedanceError(err) && (err.kind === 'auth' || err.kind === 'quota' || err.kind === 'invalid_request'))
            throw new AbortError(err);
          if (isSeedanceError(err) && err.kind === 'not_found' && ++notFound > 2) throw new AbortError(err);
          throw err;
        }
      },
      {
        retries,
        minTimeout: this.options.retryMinDelayMs ?? 1000,
        maxTimeout: this.options.retryMaxDelayMs ?? 30_000,
        factor: 2,
        randomize: true,
        onFailedAttempt: async ({ error, retriesLeft }) => {
          // Honour Retry-After, but never hold a caller longer than the longest backoff (the poller, which
          // queries with no retries, slows the whole queue instead).
          if (retriesLeft > 0 && isSeedanceError(error) && error.retryAfterMs)
            await sleep(Math.min(error.retryAfterMs, this.options.retryMaxDelayMs ?? 30_000));
        },
      },
    );
  }

  /**
   * One call to another route of the same API (the media review, services/seedance/assets.ts): the same key,
   * time limit and typed errors; the parsed answer is returned as it came. Never retried here.
   */
  async call(
    method: 'GET' | 'POST',
    pathAndQuery: string,
    body?: unknown,
    beforeSend?: () => Promise<void>,
  ): Promise<unknown> {
    return this.request(method, pathAndQuery, body, beforeSend);
  }

  /**
   * One HTTP exchange with a deadline covering the answer's body too. A plain timer that is cleared at once
   * (rather than AbortSignal.timeout, which keeps its timer and signal alive for the whole timeout) keeps
   * memory flat at hundreds of queries per second.
   */
  private async request(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    beforeSend?: () => Promise<void>,
  ): Promise<unknown> {
    // Waiting for the budget is not part of the request's time limit.
    if (beforeSend) await beforeSend();
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`no answer within ${this.timeoutMs} ms`, 'TimeoutError')),
      this.timeoutMs,
    );
    const started = performance.now();
    let outcome = 'ok';
    try {
      return await this.exchange(method, path, body, controller.signal);
    } catch (err) {
      outcome = isSeedanceError(err) ? err.kind : 'network';
      throw err;
    } finally {
      clearTimeout(timer);
      this.options.onExchange?.({
        route: method === 'POST' ? 'create' : 'query',
        ms: performance.now() - started,
        outcome,
      });
    }
  }

  private async exchange(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const started = Date.now();
    const log = this.options.logger;
    let res: TransportAnswer;
    try {
      res = await this.doFetch(`${this.base}${path}`, {
        method,
        headers:
          body === undefined ? this.bodylessHeaders : { ...this.bodylessHeaders, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (err) {
      const codes = causeCodes(err);
      const cause = codes[0];
      // Refused / unresolvable / a port fetch will not use: the request never left. A timeout or a reset:
      // it may have been received (a timeout while still connecting is counted so too, to be safe).
      const neverSent =
        (codes.length > 0 && codes.every((c) => NEVER_SENT.has(c))) ||
        (err as { cause?: { message?: unknown } }).cause?.message === 'bad port';
      const kind = isAbort(err) ? 'timeout' : 'network';
      log?.warn({ method, path, kind, cause, ms: Date.now() - started }, 'upstream request failed');
      throw new SeedanceError({
        kind,
        message:
          kind === 'timeout' ? `no answer within ${this.timeoutMs} ms` : `network error${cause ? ` (${cause})` : ''}`,
        mayHaveReachedServer: !neverSent,
      });
    }

    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      // Too big to be a real answer: a failed query (tried again later), and a create that may have been made.
      if (err instanceof AnswerTooLargeError) {
        log?.warn({ method, path, status: res.status, limitBytes: err.limitBytes }, 'upstream answer too large');
        throw new SeedanceError({
          kind: 'malformed',
          message: err.message,
          httpStatus: res.status,
          mayHaveReachedServer: true,
        });
      }
      throw new SeedanceError({
        kind: isAbort(err) ? 'timeout' : 'network',
        message: 'the answer was cut off',
        httpStatus: res.status,
        mayHaveReachedServer: true,
      });
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const env = json === undefined ? undefined : parseEnvelope(json);
    const code = env && !env.ok ? env.code : undefined;
    const upstreamMsg = env && !env.ok ? env.msg : undefined;
    log?.debug({ method, path, status: res.status, code, ms: Date.now() - started }, 'upstream answered');

    const fail = (
      kind: SeedanceError['kind'],
      message: string,
      mayHaveReachedServer: boolean,
      extra: { retryAfterMs?: number } = {},
    ) => {
      log?.warn(
        { method, path, status: res.status, code, upstreamMsg, kind, ms: Date.now() - started },
        'upstream refused the request',
      );
      return new SeedanceError({
        kind,
        message,
        httpStatus: res.status,
        code,
        upstreamMsg,
        mayHaveReachedServer,
        ...extra,
      });
    };
    if (res.status === 401 || res.status === 403)
      throw fail('auth', `the API key was refused${upstreamMsg ? `: ${upstreamMsg}` : ''}`, false);
    if (res.status === 402)
      throw fail('quota', `the account is out of balance${upstreamMsg ? `: ${upstreamMsg}` : ''}`, false);
    if (res.status === 429)
      throw fail('rate_limited', 'rate limited by the video service', false, {
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
      });
    if (res.status === 404) throw fail('not_found', upstreamMsg ?? 'not found', false);
    if (res.status === 400 || res.status === 422)
      throw fail('invalid_request', upstreamMsg ?? `HTTP ${res.status}`, false);
    if (res.status >= 500)
      throw fail(
        'server',
        `the video service failed (HTTP ${res.status})${upstreamMsg ? `: ${upstreamMsg}` : ''}`,
        true,
      );
    if (!res.ok) throw fail('server', `unexpected HTTP ${res.status}`, true);
    if (json === undefined || !env) throw fail('malformed', 'the answer is not JSON', true);
    if (!env.ok) {
      if (env.kind === 'auth') throw fail('auth', `the API key was refused: ${env.msg}`, false);
      if (env.kind === 'quota') throw fail('quota', `the account is out of balance or quota: ${env.msg}`, false);
      if (env.kind === 'invalid_request') throw fail('invalid_request', env.msg, false);
      throw fail('server', env.msg, true);
    }
    return json;
  }
}
