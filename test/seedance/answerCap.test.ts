import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeedanceClient } from '../../src/services/seedance/client.js';
import { SeedanceError } from '../../src/services/seedance/errors.js';

// A tiny vendor on loopback whose answers are far too big, or trickle: the client must cut them off.
const MB = 1024 * 1024;
let server: Server;
let base: string;
/** Bytes the server managed to hand to the socket per request path (how early the client hung up). */
const sent = new Map<string, number>();

/** A valid task answer padded to `total` bytes, written in 64 KB chunks as the socket drains. */
function stream(res: ServerResponse, key: string, total: number, declare: boolean) {
  res.writeHead(200, {
    'content-type': 'application/json',
    ...(declare ? { 'content-length': String(total) } : {}),
  });
  const head = Buffer.from('{"code":0,"data":{"task_id":"t1","status":"running","pad":"');
  const tail = Buffer.from('"}}');
  const pad = Buffer.alloc(64 * 1024, 'x');
  let left = total - head.length - tail.length;
  let n = 0;
  const write = (b: Buffer) => {
    n += b.length;
    sent.set(key, n);
    return res.write(b);
  };
  write(head);
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      const chunk = left >= pad.length ? pad : pad.subarray(0, left);
      left -= chunk.length;
      if (!write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '';
    if (path.endsWith('/big5')) return stream(res, path, 5 * MB, false);
    if (path.endsWith('/big200')) return stream(res, path, 200 * MB, false);
    if (path.endsWith('/declared')) return stream(res, path, 200 * MB, true);
    if (path.endsWith('/trickle')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(' ')), 1000);
      res.once('close', () => clearInterval(t));
      return;
    }
    if (req.method === 'POST') {
      // Drain the request body, then answer a create 5 MB long.
      req.resume();
      req.once('end', () => stream(res, 'create', 5 * MB, false));
      return;
    }
    const body = JSON.stringify({ code: 0, data: { task_id: 'ok', status: 'running' } });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const client = (timeoutMs = 10_000) =>
  new SeedanceClient({ baseUrl: base, apiKey: 'sk_test', timeoutMs, queryRetries: 0, queryPath: '/q/{taskId}' });

async function failure(p: Promise<unknown>): Promise<SeedanceError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SeedanceError);
  return err as SeedanceError;
}

/** Runs `work` while sampling heap + buffers every 10 ms; resolves with the highest growth seen. */
async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const start = used();
  let peak = start;
  const t = setInterval(() => {
    peak = Math.max(peak, used());
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(t);
  }
  return Math.max(peak, used()) - start;
}

describe('answers over SEEDANCE_MAX_ANSWER_BYTES (issue 20, defect 6)', () => {
  it('a 5 MB status answer is a failed query (malformed, retryable), and the next query still works', async () => {
    const c = client();
    const err = await failure(c.getTask('big5'));
    expect(err.kind).toBe('malformed');
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/larger than 1048576 bytes/);
    // Reading stopped near the cap: the server could not hand over much more than the socket buffers hold.
    expect(sent.get('/q/big5')).toBeLessThan(5 * MB);
    expect((await c.getTask('ok')).state).toBe('running');
  });

  it('a 200 MB answer never crashes the bot nor is held in memory; one that declares its size is not read', async () => {
    const c = client();
    let err: SeedanceError | undefined;
    const growth = await peakGrowth(async () => {
      err = await failure(c.getTask('big200'));
    });
    expect(err?.kind).toBe('malformed');
    expect(growth).toBeLessThan(40 * MB);
    expect(sent.get('/q/big200')).toBeLessThan(40 * MB);
    const declared = await failure(c.getTask('declared'));
    expect(declared.kind).toBe('malformed');
    expect(sent.get('/q/declared')).toBeLessThan(40 * MB);
  });

  it('a create whose answer is too big may have been made: uncertain, never resent', async () => {
    const err = await failure(client().createTask({ model: 'm', prompt: 'p' }));
    expect(err.kind).toBe('malformed');
    expect(err.mayHaveReachedServer).toBe(true);
  });

  it('the cap is a setting', async () => {
    const small = new SeedanceClient({
      baseUrl: base,
      apiKey: 'sk_test',
      queryRetries: 0,
      queryPath: '/q/{taskId}',
      maxAnswerBytes: 20,
    });
    expect((await failure(small.getTask('ok'))).message).toMatch(/larger than 20 bytes/);
  });

  it('an answer trickling at 1 byte a second is cut by SEEDANCE_TIMEOUT_MS', async () => {
    const started = Date.now();
    const err = await failure(client(1500).getTask('trickle'));
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
