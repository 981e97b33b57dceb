import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/openStore.js';
import { UndeclaredKeyError } from '../../src/db/recordStore.js';
import { POSTGRES_URL } from '../support/postgres.js';
import { openTempStore, quietLogger, type StoreKind, storeKinds, type TempStore } from '../support/tempStore.js';

const KINDS = await storeKinds();

let temp: TempStore | undefined;
afterEach(async () => {
  await temp?.cleanup();
  temp = undefined;
});

const setOne = (t: TempStore, key: string, value: unknown) =>
  t.store.transact([key], (tx) => {
    tx.set(key, value);
  });

describe.each(KINDS)('%s', (kind: StoreKind) => {
  describe('writes commit in the order they were made', () => {
    it('bursts of 200 writes of one key, 20 times: the file always ends with the last value', async () => {
      let stale = 0;
      for (let run = 0; run < 20; run += 1) {
        temp = await openTempStore('order', kind);
        const writes: Array<Promise<void>> = [];
        for (let i = 1; i <= 200; i += 1) {
          writes.push(setOne(temp, 'running:g1', i));
          // Spread the burst over several event-loop turns, as real requests arrive.
          if (i % 7 === 0) await new Promise((r) => setImmediate(r));
        }
        await Promise.all(writes);
        const reopened = await temp.reopen();
        if ((await reopened.get('running:g1')) !== 200) stale += 1;
        await temp.cleanup();
        temp = undefined;
      }
      expect(stale).toBe(0);
    });

    it('300 adjacent write pairs of one key: the later value always wins on disk', async () => {
      temp = await openTempStore('pairs', kind);
      const pairs: Array<Promise<unknown>> = [];
      for (let i = 0; i < 300; i += 1) {
        pairs.push(
          setOne(temp, `usage:g${i}:d:2026-11-24`, { tasks: 1 }),
          setOne(temp, `usage:g${i}:d:2026-11-24`, { tasks: 2 }),
        );
        if (i % 10 === 0) await new Promise((r) => setImmediate(r));
      }
      await Promise.all(pairs);
      const reopened = await temp.reopen();
      const values = await reopened.getMany<{ tasks: number }>(
        Array.from({ length: 300 }, (_, i) => `usage:g${i}:d:2026-11-24`),
      );
      expect([...values.values()].filter((v) => v.tasks !== 2)).toHaveLength(0);
      expect(values.size).toBe(300);
    });
  });

  describe('a transaction is atomic', () => {
    it('sets and deletes made together reach the file together, in one change and across many rows', async () => {
      temp = await openTempStore('mixed', kind);
      const keys = Array.from({ length: 1000 }, (_, i) => `open:t${String(i).padStart(4, '0')}`);
      await temp.store.transact(keys, (tx) => {
        for (const k of keys) tx.set(k, { k });
      });
      // One small change (what a delivered task writes: its record set, its open entry deleted), then one of
      // more rows than one statement takes, deletes and sets interleaved.
      await temp.store.transact(['open:t0000', 'task:t0000'], (tx) => {
        tx.delete('open:t0000');
        tx.set('task:t0000', { state: 'done' });
      });
      await temp.store.transact(keys.slice(1), (tx) => {
        for (const [i, k] of keys.slice(1).entries()) {
          if (i % 2) tx.set(k, { k, again: true });
          else tx.delete(k);
        }
      });
      const reopened = await temp.reopen();
      const left = await reopened.getMany<{ k: string; again?: boolean }>([...keys, 'task:t0000']);
      expect(left.get('task:t0000')).toEqual({ state: 'done' });
      expect(left.has('open:t0000')).toBe(false);
      const kept = keys.slice(1).filter((_, i) => i % 2);
      expect([...left.keys()].filter((k) => k !== 'task:t0000').sort()).toEqual(kept);
      expect(kept.every((k) => left.get(k)?.again === true)).toBe(true);
    });

    it('keys and values with quotes, backslashes, dollar quotes and any script come back exactly', async () => {
      temp = await openTempStore('quoting', kind);
      const awkward = [
        "it's",
        "''; DROP TABLE records; --",
        'back\\slash \\\\ \\',
        "E'\\''",
        '$$ $tag$ $1',
        'line\nbreak\ttab\r',
        '\u0001\u001f control',
        'emoji 🎬 中文 العربية',
        '\\u0000 as text',
      ];
      const keys = awkward.map((a, i) => `prompt:${i}:${a}`);
      await temp.store.transact(keys, (tx) => {
        for (const [i, k] of keys.entries()) tx.set(k, { prompt: awkward[i], nested: [awkward[i], { k }] });
      });
      // Read inside a transaction (the batch's own read) and then through the store's plain reads, after a reopen.
      const inside = await temp.store.transact(keys, (tx) => keys.map((k) => tx.get<{ prompt: string }>(k)?.prompt));
      expect(inside).toEqual(awkward);
      await temp.store.transact([keys[1]!, keys[2]!], (tx) => {
        tx.delete(keys[1]!);
        tx.set(keys[2]!, 'changed');
      });
      const reopened = await temp.reopen();
      const read = await reopened.getMany<unknown>(keys);
      expect(read.has(keys[1]!)).toBe(false);
      expect(read.get(keys[2]!)).toBe('changed');
      for (const i of [0, 3, 4, 5, 6, 7, 8])
        expect(read.get(keys[i]!)).toEqual({ prompt: awkward[i], nested: [awkward[i], { k: keys[i] }] });
      expect(await reopened.scan('prompt:')).toHaveLength(awkward.length - 1);
    });

    it('1,000 concurrent read-modify-write increments of one counter lose none', async () => {
      temp = await openTempStore('inc', kind);
      await Promise.all(
        Array.from({ length: 1000 }, () =>
          temp!.store.transact(['n'], (tx) => {
            tx.set('n', (tx.get<number>('n') ?? 0) + 1);
          }),
        ),
      );
      expect(await (await temp.reopen()).get('n')).toBe(1000);
    });

    it('a transaction that throws writes nothing, and the others of its batch still commit', async () => {
      temp = await openTempStore('throw', kind);
      const results = await Promise.allSettled([
        temp.store.transact(['a', 'b'], (tx) => {
          tx.set('a', 1);
          tx.set('b', 1);
        }),
        temp.store.transact(['a', 'c'], (tx) => {
          tx.set('a', 99);
          tx.set('c', 99);
          throw new Error('refused');
        }),
        temp.store.transact(['a'], (tx) => tx.get<number>('a')),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      // The third saw the first's write, not the failed second's.
      expect((results[2] as PromiseFulfilledResult<number>).value).toBe(1);
      const reopened = await temp.reopen();
      expect(await reopened.getMany(['a', 'b', 'c'])).toEqual(
        new Map([
          ['a', 1],
          ['b', 1],
        ]),
      );
    });

    it('a failed commit changes nothing on disk or in memory, and the store keeps working', async () => {
      temp = await openTempStore('commit', kind);
      await setOne(temp, 'a', 1);
      const batch = await Promise.allSettled([
        setOne(temp, 'a', 2),
        // A value the database cannot store makes the whole commit fail.
        setOne(temp, 'b', { n: 10n }),
      ]);
      expect(batch.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      expect(await temp.store.get('a')).toBe(1);
      expect(await temp.store.transact(['a'], (tx) => tx.get('a'))).toBe(1);
      await setOne(temp, 'a', 3);
      expect(await (await temp.reopen()).get('a')).toBe(3);
    });

    it('a function that changes what it read, instead of writing a copy, fails and changes nothing', async () => {
      temp = await openTempStore('copy', kind);
      await setOne(temp, 'doc', { list: [1] });
      await expect(
        temp.store.transact(['doc'], (tx) => {
          tx.get<{ list: number[] }>('doc')!.list.push(2);
        }),
      ).rejects.toBeInstanceOf(TypeError);
      expect(await temp.store.transact(['doc'], (tx) => tx.get('doc'))).toEqual({ list: [1] });
    });

    it('touching a key it did not declare fails the transaction', async () => {
      temp = await openTempStore('undeclared', kind);
      await expect(temp.store.transact(['a'], (tx) => tx.set('b', 1))).rejects.toBeInstanceOf(UndeclaredKeyError);
      expect(await temp.store.get('b')).toBeUndefined();
    });
  });

  describe('range reads', () => {
    it('scan returns one collection in key order, pages with after/limit, and stops at the prefix', async () => {
      temp = await openTempStore('scan', kind);
      await temp.store.transact(['x:a', 'x:c', 'x:b', 'xy:a', 'w:z'], (tx) => {
        for (const k of ['x:a', 'x:c', 'x:b', 'xy:a', 'w:z']) tx.set(k, k);
      });
      expect((await temp.store.scan('x:')).map(([k]) => k)).toEqual(['x:a', 'x:b', 'x:c']);
      expect((await temp.store.scan('x:', { after: 'x:a', limit: 1 })).map(([k]) => k)).toEqual(['x:b']);
    });
  });
});

describe('range reads use the primary-key index', () => {
  it('SQLite serves the range query from the index (no full scan)', async () => {
    const { default: KeyvSqlite } = await import('@keyv/sqlite');
    temp = await openTempStore('plan');
    const file = temp.file;
    await temp.store.close();
    const raw = new KeyvSqlite({ uri: `sqlite://${file}`, table: 'records' });
    const plan = (await raw.query(
      'EXPLAIN QUERY PLAN SELECT key, value FROM records WHERE key >= ? AND key < ? ORDER BY key LIMIT 10',
      'tasks:',
      'tasks;',
    )) as Array<{ detail: string }>;
    await raw.disconnect();
    expect(plan.map((p) => p.detail).join(' ')).toMatch(
      /SEARCH records USING INDEX sqlite_autoindex_records_1 \(key>\? AND key<\?\)/,
    );
  });
});

describe('one process owns the SQLite file', () => {
  it('a second process waits until the first one is killed (kill -9), then opens it', async () => {
    temp = await openTempStore('lock');
    const file = temp.file;
    await temp.store.close();
    // A child process opens the store and stays alive until killed.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${new URL('../../src/db/openStore.ts', import.meta.url).pathname}').then(async (m) => { const { createLogger } = await import('${new URL('../../src/logging/logger.ts', import.meta.url).pathname}'); await m.openStore({ databasePath: ${JSON.stringify(file)} }, createLogger({ level: 'silent' })); console.log('open'); setInterval(() => {}, 1000); })`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout!.on('data', (d) => String(d).includes('open') && resolve()));
    let opened = false;
    const second = openStore({ databasePath: file }, quietLogger()).then((s) => {
      opened = true;
      return s;
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(opened).toBe(false);
    child.kill('SIGKILL');
    const store = await second;
    expect(opened).toBe(true);
    await store.transact(['k'], (tx) => tx.set('k', 1));
    await store.close();
  }, 30_000);
});

describe.skipIf(!KINDS.includes('postgres'))('PostgreSQL: several processes on one table', () => {
  it('two stores (two pools, as two processes) incrementing the same records concurrently lose nothing', async () => {
    temp = await openTempStore('shared', 'postgres');
    const other = await openStore(
      { databasePath: '', databaseUrl: POSTGRES_URL, databaseSchema: temp.schema, poolSize: 4 },
      quietLogger(),
    );
    try {
      const inc = (s: typeof other, key: string) =>
        s.transact([key, 'total'], (tx) => {
          tx.set(key, (tx.get<number>(key) ?? 0) + 1);
          tx.set('total', (tx.get<number>('total') ?? 0) + 1);
        });
      await Promise.all(Array.from({ length: 400 }, (_, i) => inc(i % 2 ? other : temp!.store, `n${i % 7}`)));
      const values = await temp.store.getMany<number>(['total', ...Array.from({ length: 7 }, (_, i) => `n${i}`)]);
      expect(values.get('total')).toBe(400);
      expect([...values].filter(([k]) => k !== 'total').reduce((sum, [, v]) => sum + v, 0)).toBe(400);
    } finally {
      await other.close();
    }
  });

  it('a second start on the same schema is a no-op, and ranges use the primary key', async () => {
    temp = await openTempStore('plan', 'postgres');
    await temp.store.transact(['tasks:a'], (tx) => tx.set('tasks:a', 1));
    const again = await temp.reopen();
    expect(await again.get('tasks:a')).toBe(1);
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(`SET search_path TO "${temp.schema}"`);
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query(
        "EXPLAIN SELECT key, value FROM records WHERE key >= 'tasks:' AND key < 'tasks;' ORDER BY key LIMIT 10",
      );
      expect(rows.map((r) => r['QUERY PLAN']).join(' ')).toMatch(
        /Index (Scan using|Cond).*records_pkey|records_pkey.*Index Cond/,
      );
    } finally {
      await client.end();
    }
  });
});
