/**
 * Upgrades the records of an older version of the bot in place, once, at start-up (before anything else
 * reads them). Each step works in pages, each page one transaction that can run twice without harm, and
 * the schema version is written last, so a crash during an upgrade only repeats it.
 *
 * Version 1 (from the first release): member counters keyed `usage:<scope>:<period>:u<user>` (one range per
 * month for /usage members) instead of `usage:<scope>:u<user>:<period>`; reservations move into their task
 * record (`reservations:<id>` is gone; one left reserved without a task is refunded); finished tasks are
 * marked as told, lose their interaction token and join the index of finished tasks (retention).
 */
import type { Logger } from '../logging/logger.js';
import { keys, prefixes } from './keys.js';
import type { RecordStore, Tx } from './recordStore.js';

export const SCHEMA_VERSION = 1;
const PAGE = 1000;

interface LegacyCounter {
  tasks: number;
  seconds: number;
  perTaskUnits: number;
  perSecondUnits: number;
}
interface LegacyReservation {
  taskId: string;
  counters: string[];
  running: string[];
  amount: LegacyCounter;
  state: 'reserved' | 'committed' | 'refunded';
  at: number;
}
type LegacyTask = Record<string, unknown> & {
  state: string;
  usage?: string;
  finishedAt?: number;
  updatedAt?: number;
  toldAt?: number;
  interaction?: { token?: string };
  reservation?: unknown;
};

const FINAL = new Set(['done', 'failed', 'timed_out', 'uncertain']);
const OLD_MEMBER_COUNTER = /^usage:([^:]+):u(\d+):([dm]:[0-9-]+)$/;

/** `usage:g1:u5:d:2026-11-24` → `usage:g1:d:2026-11-24:u5`; other keys unchanged. */
export function upgradeCounterKey(key: string): string {
  const m = OLD_MEMBER_COUNTER.exec(key);
  return m ? keys.counter(m[1]!, m[3]!, m[2]!) : key;
}

const add = (a: LegacyCounter | undefined, b: LegacyCounter, sign: 1 | -1): LegacyCounter => ({
  tasks: Math.max(0, (a?.tasks ?? 0) + sign * b.tasks),
  seconds: Math.max(0, (a?.seconds ?? 0) + sign * b.seconds),
  perTaskUnits: Math.max(0, (a?.perTaskUnits ?? 0) + sign * b.perTaskUnits),
  perSecondUnits: Math.max(0, (a?.perSecondUnits ?? 0) + sign * b.perSecondUnits),
});

async function pages<V>(store: RecordStore, prefix: string, each: (page: Array<[string, V]>) => Promise<void>) {
  let after: string | undefined;
  for (;;) {
    const page = await store.scan<V>(prefix, { after, limit: PAGE });
    if (page.length) await each(page);
    if (page.length < PAGE) return;
    after = page[page.length - 1]![0];
  }
}

export async function migrate(store: RecordStore, logger: Logger): Promise<{ from: number; to: number }> {
  const from = (await store.get<number>(keys.meta('schema_version'))) ?? 0;
  if (from > SCHEMA_VERSION) {
    throw new Error(
      `the database was written by a newer version of the bot (schema ${from}, this version knows ${SCHEMA_VERSION}); upgrade the bot`,
    );
  }
  if (from === SCHEMA_VERSION) return { from, to: from };
  logger.info({ from, to: SCHEMA_VERSION, location: store.location }, 'upgrading stored records');
  const counts = { counters: 0, reservations: 0, refunded: 0, tasks: 0 };

  // 1. Member counters get their new key (added to whatever is there, then the old key removed).
  await pages<LegacyCounter>(store, prefixes.usage, async (page) => {
    const old = page.filter(([k]) => upgradeCounterKey(k) !== k);
    if (!old.length) return;
    await store.transact([...old.map(([k]) => k), ...old.map(([k]) => upgradeCounterKey(k))], (tx) => {
      for (const [k] of old) {
        const value = tx.get<LegacyCounter>(k);
        if (!value) continue;
        tx.set(upgradeCounterKey(k), add(tx.get<LegacyCounter>(upgradeCounterKey(k)), value, 1));
        tx.delete(k);
      }
    });
    counts.counters += old.length;
  });

  // 2. Reservations move into their task; a reserved one whose task never got written is refunded.
  await pages<LegacyReservation>(store, prefixes.legacyReservation, async (page) => {
    for (const [key, r] of page) {
      const counters = r.counters.map(upgradeCounterKey);
      await store.transact([key, keys.task(r.taskId), ...counters, ...r.running], (tx) => {
        const task = tx.get<LegacyTask>(keys.task(r.taskId));
        if (task) {
          const usage = r.state === 'reserved' ? (task.usage ?? 'reserved') : r.state;
          tx.set(keys.task(r.taskId), {
            ...task,
            usage,
            reservation: { counters, running: r.running, amount: r.amount, at: r.at },
          });
        } else if (r.state === 'reserved') {
          refund(tx, counters, r.running, r.amount);
          counts.refunded += 1;
        }
        tx.delete(key);
      });
      counts.reservations += 1;
    }
  });

  // 3. Finished tasks were already shown to their member: mark them told and forget their token.
  await pages<LegacyTask>(store, prefixes.task, async (page) => {
    const finished = page.filter(([, t]) => FINAL.has(t.state) && !t.toldAt);
    if (!finished.length) return;
    const finishedAt = (t: LegacyTask) => t.finishedAt ?? t.updatedAt ?? 0;
    const index = finished.map(([k, t]) => keys.finished(finishedAt(t), k.slice(prefixes.task.length)));
    await store.transact([...finished.map(([k]) => k), ...index], (tx) => {
      finished.forEach(([k], i) => {
        const t = tx.get<LegacyTask>(k);
        if (!t) return;
        tx.set(k, { ...t, toldAt: finishedAt(t), interaction: { ...t.interaction, token: '' } });
        // Retention finds finished tasks through this index.
        tx.set(index[i]!, { id: k.slice(prefixes.task.length) });
      });
    });
    counts.tasks += finished.length;
  });

  await store.transact([keys.meta('schema_version')], (tx) => tx.set(keys.meta('schema_version'), SCHEMA_VERSION));
  logger.info({ from, to: SCHEMA_VERSION, ...counts }, 'stored records upgraded');
  return { from, to: SCHEMA_VERSION };
}

function refund(tx: Tx, counters: string[], running: string[], amount: LegacyCounter) {
  for (const k of running) {
    const n = (tx.get<number>(k) ?? 0) - 1;
    if (n > 0) tx.set(k, n);
    else tx.delete(k);
  }
  for (const k of counters) tx.set(k, add(tx.get<LegacyCounter>(k), amount, -1));
}
