/**
 * Task leases with 20,000 open tasks on PostgreSQL: claiming them all at start, a renewal round, a release and
 * a takeover after the holder "died" all succeed, and no database transaction takes more than a bounded number
 * of advisory locks (one lock per task in one transaction ran PostgreSQL's lock table out: issue 20), nor does
 * a burst of transactions the store commits together.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresBackend } from '../../src/db/postgres/openPostgresStore.js';
import { createRecordStore, type StoreBackend } from '../../src/db/recordStore.js';
import { createTaskLeases } from '../../src/services/cluster/taskLeases.js';
import { dropSchema, newSchema, POSTGRES_URL } from '../support/postgres.js';
import { storeKinds } from '../support/tempStore.js';

const HAS_POSTGRES = (await storeKinds()).includes('postgres');
const TASKS = 20_000;
/** Most advisory locks one database transaction may take (the records it declares). */
const MOST_LOCKS = 500;
const LEASE = 30_000;
const GUILD = '100000000000000000';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** A store on a fresh schema whose every database transaction's lock count (distinct declared keys) is noted. */
async function countingStore() {
  const schema = newSchema();
  const backend = await openPostgresBackend(POSTGRES_URL, { schema, poolSize: 4 });
  const seen = { most: 0, transactions: 0 };
  const counted: StoreBackend = {
    ...backend,
    runBatch(keys, apply) {
      seen.most = Math.max(seen.most, new Set(keys).size);
      seen.transactions += 1;
      return backend.runBatch(keys, apply);
    },
  };
  const store = createRecordStore(counted);
  cleanup = async () => {
    await store.close().catch(() => undefined);
    await dropSchema(schema);
  };
  return { store, schema, seen };
}

/** Open-index entries written straight into the table (one statement), as a previous run left them. */
async function writeOpenEntries(schema: string, count: number, entry: Record<string, unknown>) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "${schema}".records (key, value)
       SELECT 'open_tasks:t' || lpad(i::text, 6, '0'), $1 FROM generate_series(1, $2::int) AS i`,
      [JSON.stringify({ value: entry }), count],
    );
  } finally {
    await client.end();
  }
}

async function timed<T>(what: string, times: Record<string, number>, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  times[what] = Math.round(performance.now() - t0);
  return out;
}

describe.skipIf(!HAS_POSTGRES)(`with ${TASKS} open tasks on PostgreSQL`, () => {
  it('claim at start, renewal, takeover of a dead process and release succeed, each transaction with few locks', async () => {
    const { store, schema, seen } = await countingStore();
    let now = 1_000_000_000;
    const clock = () => now;
    const leases = (processId: string) =>
      createTaskLeases(store, { leaseMs: LEASE, shards: { count: 1, ids: [0] }, processId }, clock);
    await writeOpenEntries(schema, TASKS, { createdAt: 0, guildId: GUILD, owner: 'an-old-run', leaseUntil: now - 1 });
    const times: Record<string, number> = {};

    const one = leases('one');
    const claimed = await timed('claim all at start', times, async () =>
      one.claim(await one.findClaimable({ includeHeld: true })),
    );
    expect(claimed).toHaveLength(TASKS);

    now += LEASE / 3;
    expect(await timed('renew', times, () => one.renew())).toEqual([]);
    const two = leases('two');
    expect(await two.findClaimable()).toEqual([]); // one is alive: nothing to take

    now += LEASE; // one has not renewed for a whole lease: it died (or its event loop stalled)
    const taken = await timed('takeover', times, async () => two.claim(await two.findClaimable()));
    expect(taken).toHaveLength(TASKS);
    // One was only stalled: at its next renewal it learns it lost every task, and stops following them.
    expect(await one.renew()).toHaveLength(TASKS);
    expect(one.holds('t000001')).toBe(false);

    await timed('release', times, () => two.release());
    const three = leases('three');
    expect(await three.findClaimable()).toHaveLength(TASKS); // given back: taken at once, no lease to wait for

    console.info(`task leases, ${TASKS} open tasks (ms):`, JSON.stringify(times), 'most locks:', seen.most);
    expect(seen.most).toBeLessThanOrEqual(MOST_LOCKS);
  }, 180_000);

  it('a burst of transactions made together commits in database transactions of few locks, all in order', async () => {
    const { store, seen } = await countingStore();
    // 1,000 creates arriving together, 6 records each (the shape of a task's creation): 6,000 locks if one batch.
    const made = Array.from({ length: 1000 }, (_, i) =>
      store.transact(
        ['usage:g1', `usage:g1:u${i}`, `tasks:x${i}`, `open_tasks:x${i}`, `user_tasks:${i}`, `claims:${i}`],
        (tx) => {
          const n = (tx.get<number>('usage:g1') ?? 0) + 1;
          tx.set('usage:g1', n);
          tx.set(`tasks:x${i}`, { n });
          return n;
        },
      ),
    );
    expect(await Promise.all(made)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(await store.get('usage:g1')).toBe(1000);
    expect(seen.most).toBeLessThanOrEqual(MOST_LOCKS);
  }, 60_000);
});
