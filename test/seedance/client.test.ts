import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSeedance, type FakeSeedance } from '../../src/dev/fake-seedance/index.js';
import { SeedanceClient, parseRetryAfter } from '../../src/services/seedance/client.js';
import { SeedanceError } from '../../src/services/seedance/errors.js';

const KEY = 'sk_test_0123456789abcdef';
let fake: FakeSeedance;
let clock: number;
let logLines: string[];

function client(extra: Partial<ConstructorParameters<typeof SeedanceClient>[0]> = {}) {
  // A plain pino logger, without the app's scrubbing, so a key written by the client would show up here.
  const destination = new Writable({
    write: (c, _e, done) => {
      logLines.push(String(c));
      done();
    },
  });
  return new SeedanceClient({
    baseUrl: fake.url,
    apiKey: KEY,
    timeoutMs: 300,
    retryMinDelayMs: 10,
    retryMaxDelayMs: 40,
    allowInsecureVideoUrls: true,
    logger: pino({ level: 'debug' }, destination),
    ...extra,
  });
}

async function rejection(p: Promise<unknown>): Promise<SeedanceError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(SeedanceError);
    return err as SeedanceError;
  }
  throw new Error('expected a rejection');
}

const body = { model: 'seedance2.0-mini-sp', prompt: 'a fox', duration: 5 };

beforeEach(async () => {
  clock = 1_800_000_000_000;
  logLines = [];
  fake = await startFakeSeedance({ apiKey: KEY, now: () => clock });
});
afterEach(async () => {
  await fake.close();
});

describe('create', () => {
  it('sends the body with the bearer key and returns the task id', async () => {
    const created = await client().createTask(body);
    expect(created.taskId).toMatch(/^task_/);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/api/open-api/v1/seedance/videos', body });
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });
  it('a refused key is an auth error and is not retried', async () => {
    const err = await rejection(client({ apiKey: 'wrong' }).createTask(body));
    expect(err).toMatchObject({ kind: 'auth', httpStatus: 401, code: '20001', mayHaveReachedServer: false });
    expect(fake.createCount()).toBe(1);
  });
  it('an insufficient balance answer is a quota error that proves no task was made', async () => {
    fake.injectFault('create', { kind: 'code', code: '40003', msg: 'insufficient balance' });
    const err = await rejection(client().createTask(body));
    expect(err).toMatchObject({ kind: 'quota', code: '40003', mayHaveReachedServer: false, retryable: false });
    expect(fake.createCount()).toBe(1);
  });
  it.each([500, 502, 503] as const)('HTTP %s: server error, outcome unknown, sent exactly once', async (status) => {
    fake.injectFault('create', { status });
    const err = await rejection(client().createTask(body));
    expect(err).toMatchObject({ kind: 'server', httpStatus: status, mayHaveReachedServer: true });
    expect(fake.createCount()).toBe(1);
  });
  it('no answer in time: timeout, outcome unknown, sent exactly once', async () => {
    fake.injectFault('create', { kind: 'timeout' });
    const err = await rejection(client().createTask(body));
    expect(err).toMatchObject({ kind: 'timeout', mayHaveReachedServer: true });
    expect(fake.createCount()).toBe(1);
  });
  it('connection refused: network error, the request never left', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const err = await rejection(
      new SeedanceClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY, timeoutMs: 300 }).createTask(body),
    );
    expect(err).toMatchObject({ kind: 'network', mayHaveReachedServer: false });
  });
  it('a malformed answer: outcome unknown, sent exactly once', async () => {
    fake.injectFault('create', { kind: 'malformed' });
    const err = await rejection(client().createTask(body));
    expect(err).toMatchObject({ kind: 'malformed', mayHaveReachedServer: true });
    expect(fake.createCount()).toBe(1);
  });
  it('a reset connection: network error, outcome unknown, sent exactly once', async () => {
    fake.injectFault('create', { kind: 'reset' });
    const err = await rejection(client().createTask(body));
    expect(err).toMatchObject({ kind: 'network', mayHaveReachedServer: true });
    expect(fake.createCount()).toBe(1);
  });
  it('business code -1: server error, outcome unknown, sent exactly once', async () => {
    fake.injectFault('create', { kind: 'code', code: '-1', msg: 'internal error' });
    const err = await rejection(client().createTask(body));
    expect(err).toMatchObject({
      kind: 'server',
      code: '-1',
      upstreamMsg: 'internal error',
      mayHaveReachedServer: true,
      retryable: true,
    });
    expect(fake.createCount()).toBe(1);
  });
  it('429: rate limited with the Retry-After delay, not retried', async () => {
    fake.injectFault('create', { status: 429, retryAfterSec: 7 });
    const err = await rejection(client().createTask(body));
    expect(err).toMatchObject({
      kind: 'rate_limited',
      httpStatus: 429,
      retryAfterMs: 7000,
      mayHaveReachedServer: false,
    });
    expect(fake.createCount()).toBe(1);
  });
  it('the fake refuses a body without a prompt: invalid request, HTTP 400', async () => {
    const err = await rejection(client().createTask({ model: 'seedance2.0-mini-sp' }));
    expect(err).toMatchObject({
      kind: 'invalid_request',
      httpStatus: 400,
      code: '20002',
      mayHaveReachedServer: false,
      retryable: false,
    });
    expect(fake.tasks.size).toBe(0);
  });
  it('a 20002 business code is an invalid request with the upstream message', async () => {
    fake.injectFault('create', { kind: 'code', code: '20002', msg: 'duration out of range' });
    const err = await rejection(client().createTask(body));
    expect(err).toMatchObject({
      kind: 'invalid_request',
      code: '20002',
      upstreamMsg: 'duration out of range',
      mayHaveReachedServer: false,
    });
  });
});

describe('query retries transient faults', () => {
  it.each([
    ['HTTP 500', { status: 500 as const }],
    ['HTTP 502', { status: 502 as const }],
    ['malformed JSON', { kind: 'malformed' as const }],
    ['code -1', { kind: 'code' as const, code: '-1', msg: 'busy' }],
    ['connection reset', { kind: 'reset' as const }],
    ['timeout', { kind: 'timeout' as const }],
  ])('%s then success', async (_name, fault) => {
    const { taskId } = await client().createTask(body);
    fake.injectFault('query', fault);
    const snap = await client().getTask(taskId);
    expect(snap.state).toBe('pending');
    expect(fake.queryCount()).toBe(2);
  });
  it('429 waits at least Retry-After before the next try', async () => {
    const { taskId } = await client().createTask(body);
    fake.injectFault('query', { status: 429, retryAfterSec: 1 });
    const started = Date.now();
    await client({ retryMaxDelayMs: 5000 }).getTask(taskId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.queryCount()).toBe(2);
  });
  it('a Retry-After longer than the longest backoff is capped, so no caller hangs for an hour', async () => {
    const { taskId } = await client().createTask(body);
    fake.injectFault('query', { status: 429, retryAfterSec: 3600 });
    const started = Date.now();
    await client({ retryMaxDelayMs: 200 }).getTask(taskId);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fake.queryCount()).toBe(2);
  });
  it('gives up after its retries with the last error', async () => {
    const { taskId } = await client().createTask(body);
    fake.injectFault('query', { status: 503 }, 10);
    const err = await rejection(client({ queryRetries: 2 }).getTask(taskId));
    expect(err.kind).toBe('server');
    expect(fake.queryCount()).toBe(3);
  });
  it('20002 and auth failures are not retried', async () => {
    const { taskId } = await client().createTask(body);
    fake.injectFault('query', { kind: 'code', code: '20002', msg: 'bad id' });
    expect((await rejection(client().getTask(taskId))).kind).toBe('invalid_request');
    expect(fake.queryCount()).toBe(1);
    expect((await rejection(client({ apiKey: 'nope' }).getTask(taskId))).kind).toBe('auth');
    expect(fake.queryCount()).toBe(2);
  });
  it('429 every time: gives up as rate_limited after its retries', async () => {
    const { taskId } = await client().createTask(body);
    fake.injectFault('query', { status: 429, retryAfterSec: 0 }, 10);
    const err = await rejection(client({ queryRetries: 1 }).getTask(taskId));
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 0 });
    expect(fake.queryCount()).toBe(2);
  });
  it('an empty 200 answer is malformed and retried', async () => {
    let calls = 0;
    const answers = ['', JSON.stringify({ code: '20000', data: { task_id: 't1', status: 'queued' } })];
    const c = client({ fetch: async () => new Response(answers[calls++] ?? '', { status: 200 }) });
    expect((await c.getTask('t1')).state).toBe('pending');
    expect(calls).toBe(2);
  });
  it('the task id is URL-encoded into the query path', async () => {
    const err = await rejection(client().getTask('a/b c?d'));
    expect(err.kind).toBe('not_found');
    expect(fake.requests[0]!.path).toBe('/api/open-api/v1/videos/a%2Fb%20c%3Fd');
  });
  it('an unknown task id ends as not_found after a few tries', async () => {
    const err = await rejection(client().getTask('task_missing'));
    expect(err.kind).toBe('not_found');
    expect(fake.queryCount()).toBe(3);
  });
});

describe("one status query (the poller's, no retries) on the pooled transport fails as a create does", () => {
  it.each([
    ['connection reset', { kind: 'reset' as const }, { kind: 'network', mayHaveReachedServer: true }],
    ['no answer in time', { kind: 'timeout' as const }, { kind: 'timeout', mayHaveReachedServer: true }],
    ['an answer cut off mid-body', { kind: 'truncated' as const }, { kind: 'network', mayHaveReachedServer: true }],
    ['a malformed answer', { kind: 'malformed' as const }, { kind: 'malformed', mayHaveReachedServer: true }],
    ['HTTP 503', { status: 503 as const }, { kind: 'server', httpStatus: 503, mayHaveReachedServer: true }],
    // The one header the client reads (from the raw headers undici hands over).
    [
      'HTTP 429 with Retry-After',
      { status: 429 as const, retryAfterSec: 7 },
      { kind: 'rate_limited', httpStatus: 429, retryAfterMs: 7000 },
    ],
  ])('%s', async (_name, fault, expected) => {
    const c = client();
    const { taskId } = await c.createTask(body);
    // A pooled connection is open (and idle) before the fault, as on a busy poller.
    expect((await c.getTask(taskId, { retries: 0 })).state).toBe('pending');
    fake.injectFault('query', fault);
    expect(await rejection(c.getTask(taskId, { retries: 0 }))).toMatchObject(expected);
    // The next query works (a new connection where the failed one was dropped).
    expect((await c.getTask(taskId, { retries: 0 })).state).toBe('pending');
    expect(fake.queryCount()).toBe(3);
  });
  it('connection refused: network error, the query never left', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const err = await rejection(
      new SeedanceClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY, timeoutMs: 300 }).getTask('t1', {
        retries: 0,
      }),
    );
    expect(err).toMatchObject({ kind: 'network', mayHaveReachedServer: false });
  });
  it('queries send the bearer key and, one at a time, all reuse one keep-alive connection', async () => {
    let connections = 0;
    const auth: Array<string | undefined> = [];
    const server = createHttpServer((req, res) => {
      auth.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: '20000', msg: 'ok', data: { n: auth.length } }));
    }).on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const c = new SeedanceClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      apiKey: KEY,
    });
    try {
      for (let i = 1; i <= 20; i += 1)
        expect(await c.call('GET', '/api/open-api/v1/videos/t1')).toMatchObject({ data: { n: i } });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(auth).toEqual(Array(20).fill(`Bearer ${KEY}`));
    // One query at a time: every one goes out on the same connection.
    expect(connections).toBe(1);
  });
});

describe('lifecycle on the fake clock', () => {
  it('queued → processing with progress → completed with a real MP4', async () => {
    fake.enqueueScript({ kind: 'succeed', queuedMs: 1000, runMs: 10_000 });
    const c = client();
    const { taskId } = await c.createTask(body);
    expect((await c.getTask(taskId)).state).toBe('pending');
    clock += 6000;
    const mid = await c.getTask(taskId);
    expect(mid.state).toBe('running');
    expect(mid.progress).toBe(50);
    clock += 6000;
    const done = await c.getTask(taskId);
    expect(done.state).toBe('succeeded');
    const file = Buffer.from(await (await fetch(done.videoUrl!)).arrayBuffer());
    expect(file.subarray(4, 8).toString('ascii')).toBe('ftyp');
  });
  it('a failing script ends failed with its reason and kind', async () => {
    fake.enqueueScript({ kind: 'fail', afterMs: 500, reason: 'PROVIDER_MODERATION_ERROR: TRADEMARK' });
    const c = client();
    const { taskId } = await c.createTask(body);
    clock += 1000;
    expect(await c.getTask(taskId)).toMatchObject({
      state: 'failed',
      errorMessage: 'PROVIDER_MODERATION_ERROR: TRADEMARK',
      failureKind: 'moderation',
    });
  });
  it('flat answers (no envelope) are read too', async () => {
    await fake.close();
    fake = await startFakeSeedance({
      apiKey: KEY,
      now: () => clock,
      envelope: 'flat',
      defaultScript: { kind: 'succeed', queuedMs: 0, runMs: 0 },
    });
    const c = client();
    const { taskId } = await c.createTask(body);
    expect((await c.getTask(taskId)).state).toBe('succeeded');
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['3', 3000],
    [' 0 ', 0],
    ['1.5', 1500],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %s ms', (header, ms) => expect(parseRetryAfter(header, now)).toBe(ms));
});

describe('unknown status words', () => {
  it('are treated as running and logged once per process, with the task id', async () => {
    const word = `warming_up_${Date.now()}`;
    const answer = () => new Response(JSON.stringify({ code: '20000', data: { task_id: 'x', status: word } }));
    const a = client({ fetch: async () => answer() });
    const b = client({ fetch: async () => answer() });
    expect(await a.getTask('task_one')).toMatchObject({ state: 'running', known: false, rawStatus: word });
    await a.getTask('task_one');
    await b.getTask('task_two');
    const warnings = logLines.filter((l) => l.includes(word));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({ level: 40, upstreamTaskId: 'task_one', status: word });
  });
});

describe('logs', () => {
  it('never contain the API key, even on failures', async () => {
    fake.injectFault('create', { status: 500 });
    await rejection(client().createTask(body));
    await rejection(client({ apiKey: `${KEY}x` }).getTask('nope'));
    fake.injectFault('query', { kind: 'reset' });
    await rejection(client({ queryRetries: 0 }).getTask('nope'));
    const { taskId } = await client().createTask(body);
    await client().getTask(taskId);
    expect(logLines.length).toBeGreaterThanOrEqual(6);
    const all = logLines.join('');
    expect(all).not.toContain(KEY);
    // The lines say what happened: path, HTTP status, business code and duration.
    expect(all).toContain('/api/open-api/v1/seedance/videos');
    expect(logLines.some((l) => /"status":500/.test(l) && /"ms":\d+/.test(l))).toBe(true);
    expect(logLines.some((l) => /"code":"20001"/.test(l))).toBe(true);
  });
});
