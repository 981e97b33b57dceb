import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSeedance, startFakeSeedance } from '../../src/dev/fake-seedance/index.js';
import { createKeyPool, keyFingerprint, splitKeys } from '../../src/services/seedance/keyPool.js';

const K1 = 'sk_live_first_account_key';
const K2 = 'sk_live_second_account_key';
const K3 = 'sk_live_third_account_key';
const body = { model: 'seedance2.0-mini-sp', prompt: 'a fox', duration: 5 };

const FP1 = keyFingerprint(K1);
const FP2 = keyFingerprint(K2);
let fake: FakeSeedance;
let clock: number;
beforeEach(async () => {
  clock = Date.now();
  fake = await startFakeSeedance({ apiKey: K1, apiKeys: [K2, K3], now: () => clock });
});
afterEach(async () => {
  await fake.close();
});

const pool = (keys = [K1, K2, K3]) =>
  createKeyPool({
    baseUrl: fake.url,
    apiKeys: keys,
    cooldownMs: 10 * 60_000,
    timeoutMs: 1000,
    now: () => clock,
    retryMinDelayMs: 1,
    retryMaxDelayMs: 2,
  });
const rejection = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as { kind: string; mayHaveReachedServer: boolean; message: string };
  }
  throw new Error('expected a rejection');
};

describe('keys and fingerprints', () => {
  it('SEEDANCE_API_KEY holds one key or several separated by commas (blanks and repeats dropped)', () => {
    expect(splitKeys('one')).toEqual(['one']);
    expect(splitKeys(` ${K1} , ${K2},,${K1} `)).toEqual([K1, K2]);
    expect(splitKeys(undefined)).toEqual([]);
  });
  it('a fingerprint is the first 8 hex digits of the key’s SHA-256, and never contains the key', () => {
    expect(keyFingerprint(K1)).toBe(createHash('sha256').update(K1).digest('hex').slice(0, 8));
    expect(keyFingerprint(K1)).toMatch(/^[0-9a-f]{8}$/);
    expect(pool().fingerprints).toEqual([K1, K2, K3].map(keyFingerprint));
  });
});

describe('new tasks go to the key with the fewest tasks in flight', () => {
  it('spreads creates over the keys and counts what each still has in flight', async () => {
    const p = pool();
    p.hold('a', keyFingerprint(K1));
    p.hold('b', keyFingerprint(K1));
    p.hold('c', keyFingerprint(K2));
    const created = await p.createTask(body);
    expect(created.key).toBe(keyFingerprint(K3));
    p.hold('d', created.key);
    // Now K2 and K3 have one each, K1 two: the first least busy in order is K2.
    expect((await p.createTask(body)).key).toBe(keyFingerprint(K2));
    p.release('a');
    p.release('b');
    expect(p.states().map((s) => s.inFlight)).toEqual([0, 1, 1]);
    expect((await p.createTask(body)).key).toBe(keyFingerprint(K1));
    expect([K1, K2, K3].map((k) => fake.createCountFor(k))).toEqual([1, 1, 1]);
  });

  it('a task created with holdAs counts at once: one after the other, creates alternate', async () => {
    const p = pool([K1, K2]);
    const keys = [];
    for (const id of ['t1', 't2', 't3', 't4']) keys.push((await p.createTask(body, { holdAs: id })).key);
    expect(keys).toEqual([FP1, FP2, FP1, FP2]);
    p.release('t1');
    expect((await p.createTask(body)).key).toBe(FP1);
  });

  it('creates under way count too: three at once go to three keys', async () => {
    const p = pool();
    const created = await Promise.all([p.createTask(body), p.createTask(body), p.createTask(body)]);
    expect(new Set(created.map((c) => c.key)).size).toBe(3);
  });

  it('a task is queried with the key that created it (another account does not know it)', async () => {
    const p = pool();
    p.hold('x', keyFingerprint(K1));
    const created = await p.createTask(body);
    expect(created.key).toBe(keyFingerprint(K2));
    const snap = await p.getTask(created.taskId, { key: created.key, retries: 0 });
    expect(snap.taskId).toBe(created.taskId);
    const queries = fake.requests.filter((r) => r.method === 'GET');
    expect(queries.map((r) => r.headers.authorization)).toEqual([`Bearer ${K2}`]);
    // With another key the fake answers 404, as separate accounts would.
    expect((await rejection(p.getTask(created.taskId, { key: keyFingerprint(K3), retries: 0 }))).kind).toBe(
      'not_found',
    );
  });
});

describe('a key refused or out of balance is set aside', () => {
  it('20001 sets the key aside for the cooldown and the request goes to the next key', async () => {
    fake.setKeyState(K1, 'refused');
    const p = pool();
    const created = await p.createTask(body);
    expect(created.key).toBe(keyFingerprint(K2));
    expect(fake.createCountFor(K1)).toBe(1);
    expect(p.states()[0]).toMatchObject({ available: false, asideFor: 'auth' });
    // Set aside: not asked again until the cooldown is over ...
    await p.createTask(body);
    await p.createTask(body);
    expect(fake.createCountFor(K1)).toBe(1);
    // ... then tried again (and used when the account works again).
    fake.setKeyState(K1, 'ok');
    clock += 10 * 60_000 + 1;
    expect((await p.createTask(body)).key).toBe(keyFingerprint(K1));
  });

  it('media reviews go to the review key (the first), and a create pinned to it never moves to another key', async () => {
    const p = pool();
    expect(p.reviewKey).toBe(FP1);
    // The first key is the busiest: an unpinned create goes elsewhere, a pinned one still goes to it.
    p.hold('x', FP1);
    p.hold('y', FP1);
    expect((await p.createTask(body, { holdAs: 'a' })).key).not.toBe(FP1);
    expect((await p.createTask(body, { key: FP1 })).key).toBe(FP1);
    // The review's own calls carry the review key.
    await p.call('POST', '/api/open-api/v1/seedance/assets/audit', { imageUrls: ['https://example.com/a.png'] });
    const audit = fake.requests.filter((r) => r.path.endsWith('/assets/audit'));
    expect(audit.map((r) => r.headers.authorization)).toEqual([`Bearer ${K1}`]);
    // The account that owns the assets refuses: the pinned create fails rather than use another account.
    fake.setKeyState(K1, 'refused');
    const err = await rejection(p.createTask(body, { key: FP1 }));
    expect(err.kind).toBe('unavailable');
    expect(fake.createCountFor(K2) + fake.createCountFor(K3)).toBe(1);
  });

  it('an insufficient balance answer sets the key aside too', async () => {
    fake.setKeyState(K1, 'broke');
    const p = pool([K1, K2]);
    expect((await p.createTask(body)).key).toBe(keyFingerprint(K2));
    expect(p.states()[0]).toMatchObject({ available: false, asideFor: 'quota' });
  });

  it('an error that echoes a prompt saying "insufficient balance" does not set the key aside', async () => {
    const p = pool();
    const echoed = 'insufficient balance, please top up';
    fake.injectFault('create', { kind: 'code', code: '20002', msg: `prompt refused: "${echoed}"` });
    expect(await rejection(p.createTask({ ...body, prompt: echoed }))).toMatchObject({ kind: 'invalid_request' });
    fake.injectFault('create', { kind: 'code', code: '40010', msg: `sensitive content in prompt: ${echoed}` });
    expect(await rejection(p.createTask({ ...body, prompt: echoed }))).toMatchObject({ kind: 'server' });
    expect(p.states().every((s) => s.available)).toBe(true);
    expect(fake.createCount()).toBe(2); // never moved on to another key either
    // The real balance answer still does.
    fake.setKeyState(K1, 'broke');
    expect((await p.createTask(body)).key).not.toBe(FP1);
    expect(p.states()[0]).toMatchObject({ available: false, asideFor: 'quota' });
  });

  it('HTTP 402 sets the key aside whatever its message', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(402, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: '40010', msg: 'payment required' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const p = createKeyPool({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        apiKeys: [K1],
        cooldownMs: 60_000,
        timeoutMs: 1000,
        now: () => clock,
      });
      expect(await rejection(p.createTask(body))).toMatchObject({ kind: 'unavailable' });
      expect(p.states()[0]).toMatchObject({ available: false, asideFor: 'quota' });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('every key set aside: `unavailable`, nothing created, and the pool says so before anyone asks', async () => {
    fake.setKeyState(K1, 'refused');
    fake.setKeyState(K2, 'broke');
    const p = pool([K1, K2]);
    const err = await rejection(p.createTask(body));
    expect(err).toMatchObject({ kind: 'unavailable', mayHaveReachedServer: false });
    expect(err.message).not.toContain(K1);
    expect(fake.tasks.size).toBe(0);
    expect(p.available()).toBe(false);
    clock += 10 * 60_000 + 1;
    expect(p.available()).toBe(true);
  });
});

describe('an uncertain create is never repeated on another key', () => {
  for (const [name, fault] of [
    ['a 5xx', { status: 500 }],
    ['a reset connection', { kind: 'reset' }],
    ['a timeout', { kind: 'timeout' }],
  ] as const) {
    it(`${name}: thrown as it is, the other keys never asked`, async () => {
      fake.injectFault('create', fault as never);
      const p = pool();
      const err = await rejection(p.createTask(body));
      expect(err.mayHaveReachedServer).toBe(true);
      expect(fake.createCount()).toBe(1);
      expect(p.available()).toBe(true);
      expect(p.states().every((s) => s.available)).toBe(true);
    });
  }

  it('a request refused for its content (20002) is not retried on another key either', async () => {
    const p = pool();
    const err = await rejection(p.createTask({ model: 'x' }));
    expect(err.kind).toBe('invalid_request');
    expect(fake.createCount()).toBe(1);
  });
});
