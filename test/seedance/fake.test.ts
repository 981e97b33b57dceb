import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSeedance, type FakeSeedance } from '../../src/dev/fake-seedance/index.js';
import { smallMp4 } from '../../src/dev/fake-seedance/mp4.js';

// The fake itself, spoken to with plain fetch: what the client tests and the e2e tests rely on.
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
