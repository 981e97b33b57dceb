/**
 * Transactions that may wait for company (`gatherMs`: the poller's saves) are committed together, and never
 * later than they allow; anything else is committed at once and takes them along, in the order they were made.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordStore, type RecordStore, type StoreBackend } from '../../src/db/recordStore.js';
import { openPostgresBackend } from '../../src/db/postgres/openPostgresStore.js';
import { openSqliteBackend } from '../../src/db/sqlite/openSqliteStore.js';
import { dropSchema, newSchema, POSTGRES_URL } from '../support/postgres.js';
import { type StoreKind, storeKinds } from '../support/tempStore.js';

const KINDS = await storeKinds();

/** The real backend, with the keys of every database transaction it committed noted. */
function recording(backend: StoreBackend) {
  const commits: string[][] = [];
  const wrapped: StoreBackend = {
    kind: backend.kind,
    location: backend.location,
    maxBatchKeys: backend.maxBatchKeys,
    getMany: (k) => backend.getMany(k),
    scan: (...a) => backend.scan(...a),
    async runBatch(k, apply) {
      let last: string[] = [];
      await backend.runBatch(k, (current) => {
        const writes = apply(current);
        last = [...writes.keys()];
        return writes;
      });
      commits.push(last);
    },
    commitInOrder: backend.commitInOrder
      ? async (writes, abort) => {
          await backend.commitInOrder!(writes, abort);
          commits.push([...writes.keys()]);
        }
      : undefined,
    exclusive: backend.exclusive ? (fn) => backend.exclusive!(fn) : undefined,
    close: () => backend.close(),
  };
  return { wrapped, commits };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(KINDS)('%s', (kind: StoreKind) => {
  let dir: string;
  let schema: string | undefined;
  let store: RecordStore;
  let commits: string[][];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seedance-gathered-'));
    schema = kind === 'postgres' ? newSchema() : undefined;
    const backend = schema
      ? await openPostgresBackend(POSTGRES_URL, { schema, poolSize: 2 })
      : await openSqliteBackend(join(dir, 'bot.sqlite'));
    const r = recording(backend);
    commits = r.commits;
    store = createRecordStore(r.wrapped);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    if (schema) await dropSchema(schema);
  });

  const save = (key: string, value: unknown, gatherMs?: number) =>
    store.transact([key], (tx) => tx.set(key, value), { gatherMs });

  it('saves that may wait are committed together once the first has waited its time, not before', async () => {
    let settled = 0;
    const first = save('a', 1, 300).then(() => (settled += 1));
    await sleep(100);
    const second = save('b', 2, 300).then(() => (settled += 1));
    await sleep(100);
    // 200 ms after the first: neither is committed yet.
    expect([settled, commits]).toEqual([0, []]);
    await Promise.all([first, second]);
    expect(commits).toEqual([['a', 'b']]);
    expect(await store.getMany(['a', 'b'])).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
  });

  it('a save that may wait less than one already waiting is committed within its own time', async () => {
    const started = Date.now();
    const long = save('a', 1, 60_000);
    await save('b', 2, 50);
    await long;
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(commits).toEqual([['a', 'b']]);
  });

  it('a change that does not wait is committed at once and takes the waiting saves along, in the order made', async () => {
    const started = Date.now();
    const waiting = save('k', 'saved first', 60_000);
    await sleep(20);
    await save('k', 'changed after');
    await waiting;
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(commits.flat()).toEqual(['k']);
    expect(await store.get('k')).toBe('changed after');
  });

  it('closing the store commits the saves still waiting', async () => {
    const waiting = save('late', true, 200);
    await store.close();
    await waiting;
    expect(commits).toEqual([['late']]);
    store = createRecordStore(
      schema
        ? await openPostgresBackend(POSTGRES_URL, { schema, poolSize: 2 })
        : await openSqliteBackend(join(dir, 'bot.sqlite')),
    );
    expect(await store.get('late')).toBe(true);
  });
});
