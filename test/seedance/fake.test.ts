import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSeedance, type FakeSeedance, type Fault } from '../../src/dev/fake-seedance/index.js';
import { smallMp4 } from '../../src/dev/fake-seedance/mp4.js';

// The fake itself, spoken to with plain fetch (and node:http where a fault cuts an answer short): what the client
// tests, the e2e tests and the chaos soak rely on.
const KEY = 'fake-key-123456';
let fake: FakeSeedance;
let clock: number;

beforeEach(async () => {
  clock = 1_800_000_000_000;
  fake = await startFakeSeedance({ apiKey: KEY, now: () => clock });
});
afterEach(async () => {
  await fake.close();
});

const auth = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };

async function create(prompt: string, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${fake.url}/api/open-api/v1/seedance/videos`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ model: 'm1', prompt, ...extra }),
  });
  return {
    status: res.status,
    json: (await res.json()) as {
      code: string;
      msg: string;
      data: { task_id: string; status: string; model: string; created_at: number };
    },
  };
}
async function query(taskId: string) {
  const res = await fetch(`${fake.url}/api/open-api/v1/videos/${encodeURIComponent(taskId)}`, { headers: auth });
  return {
    status: res.status,
    json: (await res.json()) as {
      code: string;
      msg: string;
      data: Record<string, unknown> & { result: { video_url?: string } };
    },
  };
}

const CREATE_PATH = '/api/open-api/v1/seedance/videos';
const queryPath = (id: string) => `/api/open-api/v1/videos/${encodeURIComponent(id)}`;

/**
 * One request over node:http, keeping whatever arrived: the head, the bytes, whether the body was complete, or
 * the socket error. `stopAfter`: the client goes away once that many body bytes have arrived.
 */
function raw(method: 'GET' | 'POST', path: string, body?: unknown, stopAfter?: number) {
  return new Promise<{
    status?: number;
    headers?: Record<string, unknown>;
    bytes: Buffer;
    received: number;
    complete: boolean;
    error?: string;
  }>((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(`${fake.url}${path}`, { method, headers: auth, agent: false });
    req.on('error', (err) => resolve({ bytes: Buffer.concat(chunks), received, complete: false, error: err.message }));
    req.on('response', (res) => {
      const done = (error?: string) =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          bytes: Buffer.concat(chunks),
          received,
          complete: res.complete,
          ...(error ? { error } : {}),
        });
      res.on('data', (c: Buffer) => {
        received += c.length;
        if (received <= 1024 * 1024) chunks.push(c); // keep the head of a huge answer only
        if (stopAfter !== undefined && received >= stopAfter) {
          res.destroy();
          done('client went away');
        }
      });
      res.on('end', () => done());
      res.on('error', (err) => done(err.message));
      res.on('close', () => done(res.complete ? undefined : 'cut off'));
    });
    req.end(text);
  });
}

/** Walks the top-level boxes of an MP4 and returns their types; throws when a size does not add up. */
function boxes(file: Buffer): string[] {
  const types: string[] = [];
  for (let at = 0; at < file.length; ) {
    const size = file.readUInt32BE(at);
    if (size < 8 || at + size > file.length) throw new Error(`bad box size ${size} at ${at}`);
    types.push(file.subarray(at + 4, at + 8).toString('ascii'));
    at += size;
  }
  return types;
}

describe('create', () => {
  it('answers the documented envelope and records the request', async () => {
    const { status, json } = await create('a fox', { duration: 5 });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      code: '20000',
      msg: 'ok',
      data: { status: 'queued', model: 'm1', created_at: 1_800_000_000 },
    });
    expect(fake.tasks.get(json.data.task_id)).toMatchObject({ model: 'm1', prompt: 'a fox' });
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/open-api/v1/seedance/videos',
      body: { model: 'm1', prompt: 'a fox', duration: 5 },
      at: clock,
    });
    expect(fake.createCount()).toBe(1);
  });
  it('a wrong key is HTTP 401 with code 20001', async () => {
    const res = await fetch(`${fake.url}/api/open-api/v1/seedance/videos`, {
      method: 'POST',
      headers: { ...auth, authorization: 'Bearer nope' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: '20001', msg: 'invalid api key' });
  });
  it.each([
    ['no prompt', JSON.stringify({ model: 'm1' })],
    ['no model', JSON.stringify({ prompt: 'p' })],
    ['not JSON', 'model=m1'],
  ])('%s is HTTP 400 with code 20002', async (_name, body) => {
    const res = await fetch(`${fake.url}/api/open-api/v1/seedance/videos`, { method: 'POST', headers: auth, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: '20002' });
    expect(fake.tasks.size).toBe(0);
  });
  it('the flat envelope answers without the wrapper', async () => {
    await fake.close();
    fake = await startFakeSeedance({ apiKey: KEY, now: () => clock, envelope: 'flat' });
    const { json } = await create('p');
    expect(json).toMatchObject({ task_id: expect.stringMatching(/^task_/), status: 'queued' });
    expect(json).not.toHaveProperty('code');
  });
});

describe('lifecycles on the injected clock', () => {
  it('the default script: queued ~2 s, then processing with rising progress, then completed', async () => {
    const id = (await create('p')).json.data.task_id;
    expect((await query(id)).json.data).toMatchObject({
      status: 'queued',
      progress: 0,
      completed_at: 0,
      error_message: '',
    });
    clock += 3000;
    const early = (await query(id)).json.data.progress as number;
    clock += 2000;
    const late = (await query(id)).json.data;
    expect(late.status).toBe('processing');
    expect(late.progress as number).toBeGreaterThan(early);
    clock += 3000;
    const done = (await query(id)).json.data;
    expect(done).toMatchObject({ status: 'completed', progress: 100, completed_at: 1_800_000_007 });
    expect(done.result.video_url).toBe(`${fake.url}/files/${id}.mp4`);
    expect(fake.queryCount()).toBe(4);
  });
  it.each([
    ['[fail:moderation] a logo', 'failed', /PROVIDER_MODERATION_ERROR/],
    ['[fail] anything', 'failed', /s3 upload failed/],
    ['[stuck] forever', 'queued', /^$/],
  ])('prompt marker %s → %s', async (prompt, status, reason) => {
    const id = (await create(prompt)).json.data.task_id;
    clock += 3_600_000;
    const data = (await query(id)).json.data;
    expect(data.status).toBe(status);
    expect(data.error_message).toMatch(reason);
  });
  it('[slow] stays queued for many seconds, then runs for a minute', async () => {
    const id = (await create('[slow] a river')).json.data.task_id;
    clock += 15_000;
    expect((await query(id)).json.data.status).toBe('queued');
    clock += 35_000;
    expect((await query(id)).json.data).toMatchObject({ status: 'processing', progress: 50 });
    clock += 31_000;
    expect((await query(id)).json.data.status).toBe('completed');
  });
  it('enqueued scripts come first, in order, then the prompt marker applies again', async () => {
    fake.enqueueScript({ kind: 'fail', afterMs: 10, reason: 'first' });
    fake.enqueueScript({ kind: 'succeed', queuedMs: 0, runMs: 10 });
    const a = (await create('[stuck]')).json.data.task_id;
    const b = (await create('[stuck]')).json.data.task_id;
    const c = (await create('[stuck]')).json.data.task_id;
    clock += 100;
    expect((await query(a)).json.data).toMatchObject({ status: 'failed', error_message: 'first' });
    expect((await query(b)).json.data.status).toBe('completed');
    expect((await query(c)).json.data.status).toBe('queued');
  });
  it('finishTask forces an outcome', async () => {
    const id = (await create('[stuck]')).json.data.task_id;
    fake.finishTask(id, { status: 'failed', reason: 'operator' });
    expect((await query(id)).json.data).toMatchObject({ status: 'failed', error_message: 'operator' });
  });
  it('an unknown task is HTTP 404 with code 20002', async () => {
    const { status, json } = await query('task_nope');
    expect(status).toBe(404);
    expect(json).toEqual({ code: '20002', msg: 'task not found' });
  });
});

describe('files', () => {
  it('the small MP4 is well formed, starts with ftyp and has a Content-Length', async () => {
    expect(boxes(smallMp4())).toEqual(['ftyp', 'free', 'mdat']);
    fake.enqueueScript({ kind: 'succeed', queuedMs: 0, runMs: 0 });
    const id = (await create('p')).json.data.task_id;
    const res = await fetch((await query(id)).json.data.result.video_url!);
    const file = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(Number(res.headers.get('content-length'))).toBe(file.length);
    expect(file.subarray(4, 8).toString('ascii')).toBe('ftyp');
    expect(file.subarray(8, 12).toString('ascii')).toBe('isom');
    expect(boxes(file)).toEqual(['ftyp', 'free', 'mdat']);
  });
  it('a large video is streamed at exactly the asked size, still a well-formed MP4', async () => {
    const size = 12 * 1024 * 1024 + 3;
    fake.enqueueScript({ kind: 'succeed', queuedMs: 0, runMs: 0, videoBytes: size });
    const id = (await create('p')).json.data.task_id;
    const res = await fetch(`${fake.url}/files/${id}.mp4`);
    expect(Number(res.headers.get('content-length'))).toBe(size);
    const file = Buffer.from(await res.arrayBuffer());
    expect(file.length).toBe(size);
    expect(boxes(file)).toEqual(['ftyp', 'mdat']);
  });
  it('an unknown file is 404', async () => {
    expect((await fetch(`${fake.url}/files/task_nope.mp4`)).status).toBe(404);
  });
});

describe('faults', () => {
  it('are consumed once each, in order, per route', async () => {
    const id = (await create('p')).json.data.task_id;
    fake.injectFault('query', { status: 502 }, 2);
    fake.injectFault('query', { kind: 'code', code: '-1', msg: 'busy' });
    fake.injectFault('query', { status: 429, retryAfterSec: 4 });
    expect((await query(id)).status).toBe(502);
    expect((await query(id)).status).toBe(502);
    expect(await query(id)).toEqual({ status: 200, json: { code: '-1', msg: 'busy' } });
    const limited = await fetch(`${fake.url}/api/open-api/v1/videos/${id}`, { headers: auth });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('4');
    expect((await query(id)).json.code).toBe('20000');
    // Query faults never touch the create route.
    expect((await create('p')).status).toBe(200);
  });
  it('malformed answers are not JSON', async () => {
    fake.injectFault('create', { kind: 'malformed' });
    const res = await fetch(`${fake.url}/api/open-api/v1/seedance/videos`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ model: 'm', prompt: 'p' }),
    });
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });
  it('reset drops the connection', async () => {
    fake.injectFault('create', { kind: 'reset' });
    await expect(create('p')).rejects.toThrow(/fetch failed/);
    expect(fake.createCount()).toBe(1);
  });
  it('close() ends promptly while a "timeout" request hangs', async () => {
    fake.injectFault('query', { kind: 'timeout' });
    const hung = fetch(`${fake.url}/api/open-api/v1/videos/x`, { headers: auth }).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await fake.close();
    expect(Date.now() - started).toBeLessThan(500);
    expect(await hung).toBe('dropped');
    fake = await startFakeSeedance({ apiKey: KEY }); // for afterEach
  });
});

describe('faults for a chaos soak', () => {
  const body = { model: 'm1', prompt: 'a fox' };

  it('resetAfterCreate: the task is created (with its script), then the socket dies unanswered', async () => {
    fake.enqueueScript({ kind: 'fail', afterMs: 10, reason: 'scripted' });
    fake.injectFault('create', { kind: 'resetAfterCreate' });
    const got = await raw('POST', CREATE_PATH, body);
    expect(got).toMatchObject({ received: 0, complete: false, error: expect.any(String) });
    expect(got.status).toBeUndefined();
    expect(fake.creates()).toEqual([
      {
        taskId: expect.stringMatching(/^task_/),
        model: 'm1',
        prompt: 'a fox',
        at: clock,
        answered: false,
        apiKey: KEY,
      },
    ]);
    const id = fake.creates()[0]!.taskId;
    clock += 100;
    expect((await query(id)).json.data).toMatchObject({ status: 'failed', error_message: 'scripted' });
    // Elsewhere it is a plain reset.
    fake.injectFault('query', { kind: 'resetAfterCreate' });
    expect(await raw('GET', queryPath(id))).toMatchObject({ received: 0, complete: false, error: expect.any(String) });
    expect(fake.faultCounts()).toEqual({ resetAfterCreate: 2 });
  });

  it('truncated: the full content-length, half of the bytes, then the socket dies; a create still makes its task', async () => {
    fake.injectFault('create', { kind: 'truncated' });
    const got = await raw('POST', CREATE_PATH, body);
    const length = Number(got.headers?.['content-length']);
    expect(got.status).toBe(200);
    expect(length).toBeGreaterThan(50);
    expect(got.bytes.length).toBe(Math.floor(length / 2));
    expect(got.complete).toBe(false);
    expect(got.bytes.toString()).toMatch(/^\{"code":"20000"/);
    const [created] = fake.creates();
    expect(created).toMatchObject({ answered: false });
    expect(got.bytes.toString()).toContain(created!.taskId.slice(0, 5));
    fake.injectFault('query', { kind: 'truncated' });
    const cut = await raw('GET', queryPath(created!.taskId));
    expect(cut.bytes.length).toBe(Math.floor(Number(cut.headers?.['content-length']) / 2));
    expect(cut.complete).toBe(false);
    expect((await query(created!.taskId)).status).toBe(200);
    expect(fake.faultCounts()).toEqual({ truncated: 2 });
  });

  it('huge: 100 MB of JSON-looking bytes streamed at little cost, no task created; stops when the client goes away', async () => {
    const bytes = 100 * 1024 * 1024;
    fake.injectFault('create', { kind: 'huge', bytes });
    const heapBefore = process.memoryUsage().heapUsed;
    const got = await raw('POST', CREATE_PATH, body);
    const grew = process.memoryUsage().heapUsed - heapBefore;
    expect(got).toMatchObject({ status: 200, received: bytes, complete: true });
    expect(got.headers?.['content-type']).toBe('application/json');
    expect(got.bytes.subarray(0, 40).toString()).toBe('{"code":"20000","data":{"pad":"aaaaaaaaa');
    // The fake and this client share the process: neither held the 100 MB.
    expect(grew).toBeLessThan(30 * 1024 * 1024);
    expect(fake.creates()).toEqual([]);
    expect(fake.tasks.size).toBe(0);

    // A small one is valid JSON of exactly the asked size.
    fake.injectFault('query', { kind: 'huge', bytes: 100 });
    const small = await raw('GET', queryPath('task_x'));
    expect(small.bytes.length).toBe(100);
    expect(JSON.parse(small.bytes.toString())).toMatchObject({ code: '20000', data: { pad: expect.any(String) } });

    // The client leaves after 1 MB: the server side lets go of the socket at once.
    const handles = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;
    const before = handles();
    fake.injectFault('query', { kind: 'huge', bytes });
    const left = await raw('GET', queryPath('task_x'), undefined, 1024 * 1024);
    expect(left).toMatchObject({ status: 200, complete: false, error: 'client went away' });
    expect(left.received).toBeLessThan(bytes / 4);
    for (let i = 0; i < 50 && handles() > before; i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(handles()).toBeLessThanOrEqual(before);
    expect(fake.faultCounts()).toEqual({ huge: 3 });
  });

  it('slow: the whole answer at bytesPerSec (task created first, answered once written); a client that leaves stops it', async () => {
    fake.injectFault('create', { kind: 'slow', bytesPerSec: 400 });
    const started = Date.now();
    const got = await raw('POST', CREATE_PATH, body);
    const took = Date.now() - started;
    expect(got.complete).toBe(true);
    const length = got.bytes.length;
    expect(took).toBeGreaterThanOrEqual((length / 400) * 1000 * 0.8);
    const answer = JSON.parse(got.bytes.toString()) as { data: { task_id: string } };
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.creates()).toMatchObject([{ taskId: answer.data.task_id, answered: true }]);

    // One byte a second; the client leaves after two: the task exists, its answer was never written whole.
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const timersBefore = timers();
    fake.injectFault('create', { kind: 'slow', bytesPerSec: 1 });
    const t0 = Date.now();
    const left = await raw('POST', CREATE_PATH, body, 2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1800);
    await new Promise((r) => setTimeout(r, 20));
    expect(timers()).toBeLessThanOrEqual(timersBefore); // the fake's next tick was cancelled
    expect(left).toMatchObject({ status: 200, received: 2, complete: false });
    expect(left.bytes.toString()).toBe('{"');
    expect(fake.creates()).toHaveLength(2);
    expect(fake.creates()[1]).toMatchObject({ answered: false });
    expect(fake.faultCounts()).toEqual({ slow: 2 });
  }, 10_000);

  it('backwards: a query answers an earlier status than the truth; other routes ignore it', async () => {
    fake.enqueueScript({ kind: 'succeed', queuedMs: 1000, runMs: 1000 });
    fake.injectFault('create', { kind: 'backwards' });
    const id = (await create('p')).json.data.task_id;
    const backwards = async () => {
      fake.injectFault('query', { kind: 'backwards' });
      return (await query(id)).json.data;
    };
    expect(await backwards()).toMatchObject({ status: 'queued', progress: 0 });
    clock += 1500;
    expect(await backwards()).toMatchObject({ status: 'queued', progress: 0 });
    expect((await query(id)).json.data).toMatchObject({ status: 'processing' });
    clock += 1000;
    const earlier = await backwards();
    expect(earlier).toMatchObject({ task_id: id, model: 'm1', status: 'processing', progress: 50, completed_at: 0 });
    expect(earlier.result).toEqual({});
    expect((await query(id)).json.data).toMatchObject({ status: 'completed', progress: 100 });
    expect(fake.faultCounts()).toEqual({ backwards: 3 });
  });

  it('the hook is asked when no queued fault claims a request (task id on queries); queued faults come first', async () => {
    const asked: Array<[string, { taskId?: string }]> = [];
    let next: Fault | undefined;
    fake.setFaultHook((route, info) => {
      asked.push([route, info]);
      const f = next;
      next = undefined;
      return f;
    });
    next = { status: 500 };
    expect((await create('p')).status).toBe(500);
    const id = (await create('p')).json.data.task_id;
    next = { status: 429, retryAfterSec: 2 };
    expect((await query(id)).status).toBe(429);
    fake.injectFault('query', { status: 503 });
    next = { status: 502 };
    expect((await query(id)).status).toBe(503); // the queued one; the hook was not asked
    expect((await query(id)).status).toBe(502);
    next = { kind: 'delay', ms: 150 };
    const started = Date.now();
    expect((await query(id)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    next = { kind: 'malformed' };
    await expect((await fetch(`${fake.url}${queryPath(id)}`, { headers: auth })).json()).rejects.toThrow();
    expect(asked).toEqual([
      ['create', {}],
      ['create', {}],
      ['query', { taskId: id }],
      ['query', { taskId: id }],
      ['query', { taskId: id }],
      ['query', { taskId: id }],
    ]);
    fake.setFaultHook(undefined);
    expect((await query(id)).status).toBe(200);
    expect(asked).toHaveLength(6);
    expect(fake.faultCounts()).toEqual({ '500': 1, '429': 1, '503': 1, '502': 1, delay: 1, malformed: 1 });
    expect(fake.creates()).toMatchObject([{ taskId: id, answered: true }]);
  });

  it('recordRequests: false keeps no bodies, only the counters and the create ledger', async () => {
    await fake.close();
    fake = await startFakeSeedance({ apiKey: KEY, now: () => clock, recordRequests: false });
    const id = (await create('p')).json.data.task_id;
    await query(id);
    await query(id);
    fake.injectFault('create', { kind: 'reset' });
    await expect(create('p')).rejects.toThrow(/fetch failed/);
    expect(fake.requests).toEqual([]);
    expect(fake.createCount()).toBe(2);
    expect(fake.createCountFor(KEY)).toBe(2);
    expect(fake.createCountFor('other')).toBe(0);
    expect(fake.queryCount()).toBe(2);
    expect(fake.creates()).toMatchObject([{ taskId: id, prompt: 'p', answered: true }]);
    expect(fake.faultCounts()).toEqual({ reset: 1 });
  });
});
