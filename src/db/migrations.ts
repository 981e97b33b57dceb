/**
 * Upgrades the records of an older version of the bot in place, once, at start-up (before anything else
 * reads them). Each step works in transactions that convert whole units (one usage document, one
 * reservation, a page of tasks), so a crash during an upgrade only leaves work for the next start; the
 * schema version is written last.
 *
 * Version 1 (from the first release): usage counters, running counts and cooldown stamps, one record per
 * period or figure, become one usage document per guild and per member (`usage:<scope>[:u<user>]`: current
 * day and month, previous month, running, last request); reservations move into their task (one left
 * reserved without a task is refunded); finished tasks are marked told, lose their interaction token and
 * join the index of finished tasks (retention).
 *
 * Version 2: a task is stored as a hot and a cold record (`tasks:`, `task_details:`); records of earlier versions
 * are read whole and split when next written, so there is nothing to convert, but an older bot must not start.
 *
 * Version 3: every task gets its row in its member's index of every task (`member_tasks:<user>:<inverted time>:<id>`,
 * My videos), keyed by its `createdAt`; written a page of tasks per transaction, so a crash leaves rows that the
 * next start writes again (the same keys, the same value). An older bot must not start: it would create tasks
 * without their row.
 */
import type { Logger } from '../logging/logger.js';
import { keys, prefixes } from './keys.js';
import { collect, type RecordStore } from './recordStore.js';

export const SCHEMA_VERSION = 3;
const PAGE = 1000;

interface Counter {
  tasks: number;
  seconds: number;
  perTaskUnits: number;
  perSecondUnits: number;
}
interface Period {
  id: string;
  counter: Counter;
}
interface Doc {
  running: number;
  day?: Period;
  month?: Period;
  prevMonth?: Period;
  last?: number;
}
interface LegacyReservation {
  taskId: string;
  counters: string[];
  running: string[];
  amount: Counter;
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
};

// The final states of the records this step upgrades, frozen with it (db/ sits below services/ and a
// finished upgrade step never changes meaning); the live list is FINAL_STATES in services/tasks/taskRecord.ts.
const FINAL = new Set(['done', 'failed', 'timed_out', 'uncertain']);
/** `usage:<scope>[:u<user>]:(d|m):<period>`, the counters of the first schema. */
const OLD_COUNTER = /^usage:([^:]+)(?::u(\d+))?:([dm]):([0-9-]+)$/;

const minus = (a: Counter, b: Counter): Counter => ({
  tasks: Math.max(0, a.tasks - b.tasks),
  seconds: Math.max(0, a.seconds - b.seconds),
  perTaskUnits: Math.max(0, a.perTaskUnits - b.perTaskUnits),
  perSecondUnits: Math.max(0, a.perSecondUnits - b.perSecondUnits),
});

/** The usage document a first-schema record belongs to (`running:g1:u5` → `usage:g1:u5`). */
const docOf = (oldKey: string) => {
  const m = OLD_COUNTER.exec(oldKey);
  if (m) return keys.usage(m[1]!, m[2]);
  return `usage:${oldKey.slice(oldKey.indexOf(':') + 1)}`;
};

export async function migrate(store: RecordStore, logger: Logger): Promise<{ from: number; to: number }> {
  const from = (await store.get<number>(keys.meta('schema_version'))) ?? 0;
  if (from > SCHEMA_VERSION) {
    throw new Error(
      `the database was written by a newer version of the bot (schema ${from}, this version knows ${SCHEMA_VERSION}); upgrade the bot`,
    );
  }
  if (from === SCHEMA_VERSION) return { from, to: from };
  logger.info({ from, to: SCHEMA_VERSION, location: store.location }, 'upgrading stored records');
  // Version 2 has nothing to convert: task records are split in two (services/tasks/taskStorage) as they are next
  // written, and whole ones are read as they are. The version stops an older bot, which reads only whole records.
  const counts = { ...(from < 1 ? await toVersion1(store) : {}), ...(from < 3 ? await toVersion3(store) : {}) };
  await store.transact([keys.meta('schema_version')], (tx) => tx.set(keys.meta('schema_version'), SCHEMA_VERSION));
  logger.info({ from, to: SCHEMA_VERSION, ...counts }, 'stored records upgraded');
  return { from, to: SCHEMA_VERSION };
}

/** Version 3: each task's row in its member's index (see the top of this file). */
async function toVersion3(store: RecordStore) {
  let indexed = 0;
  for await (const page of store.pages<{ userId?: unknown; createdAt?: unknown }>(prefixes.task, PAGE)) {
    const ids = page.map(([k]) => k.slice(prefixes.task.length));
    // Who asked is in the cold record (a whole record of version 1 holds everything itself).
    const details = await store.getMany<{ userId?: unknown }>(ids.map((id) => keys.taskDetails(id)));
    const rows: string[] = [];
    page.forEach(([, hot], i) => {
      const userId = details.get(keys.taskDetails(ids[i]!))?.userId ?? hot.userId;
      if (typeof userId !== 'string' || typeof hot.createdAt !== 'number') return;
      rows.push(keys.memberTask(userId, hot.createdAt, ids[i]!));
    });
    if (!rows.length) continue;
    await store.transact(rows, (tx) => {
      for (const row of rows) tx.set(row, 1);
    });
    indexed += rows.length;
  }
  return { indexed };
}

/** Version 1, from the first schema (see the top of this file). */
async function toVersion1(store: RecordStore) {
  const counts = { documents: 0, reservations: 0, refunded: 0, tasks: 0 };

  // 1. One usage document per guild and member, from its counters, running count and cooldown stamp.
  const groups = new Map<string, { old: string[]; days: Period[]; months: Period[]; running: number; last?: number }>();
  const group = (doc: string) => {
    let g = groups.get(doc);
    if (!g) groups.set(doc, (g = { old: [], days: [], months: [], running: 0 }));
    return g;
  };
  for (const [k, counter] of await collect<Counter>(store, prefixes.usage)) {
    const m = OLD_COUNTER.exec(k);
    if (!m) continue;
    const g = group(docOf(k));
    g.old.push(k);
    (m[3] === 'd' ? g.days : g.months).push({ id: m[4]!, counter });
  }
  for (const [k, n] of await collect<number>(store, prefixes.legacy.running)) {
    const g = group(docOf(k));
    g.old.push(k);
    g.running = n;
  }
  for (const [k, at] of await collect<number>(store, prefixes.legacy.lastRequest)) {
    const g = group(docOf(k));
    g.old.push(k);
    g.last = at;
  }
  const entries = [...groups];
  for (let i = 0; i < entries.length; i += 200) {
    const page = entries.slice(i, i + 200);
    await store.transact(
      page.flatMap(([doc, g]) => [doc, ...g.old]),
      (tx) => {
        for (const [docKey, g] of page) {
          const latest = (list: Period[]) => [...list].sort((a, b) => (a.id < b.id ? 1 : -1));
          const [month, prevMonth] = latest(g.months);
          const [day] = latest(g.days);
          const doc: Doc = { running: g.running, ...(day ? { day } : {}), ...(month ? { month } : {}) };
          if (prevMonth) doc.prevMonth = prevMonth;
          if (g.last !== undefined) doc.last = g.last;
          tx.set(docKey, doc);
          for (const k of g.old) tx.delete(k);
        }
      },
    );
    counts.documents += page.length;
  }

  // 2. Reservations move into their task; a reserved one whose task never got written is refunded.
  for (const [key, r] of await collect<LegacyReservation>(store, prefixes.legacy.reservation)) {
    const docs = r.running.map(docOf);
    const period = (kind: 'd' | 'm') =>
      r.counters.map((c) => OLD_COUNTER.exec(c)).find((m) => m?.[3] === kind)?.[4] ?? '';
    const reservation = { docs, day: period('d'), month: period('m'), amount: r.amount, at: r.at };
    await store.transact([key, keys.task(r.taskId), ...docs], (tx) => {
      const task = tx.get<LegacyTask>(keys.task(r.taskId));
      if (task) {
        const usage = r.state === 'reserved' ? (task.usage ?? 'reserved') : r.state;
        tx.set(keys.task(r.taskId), { ...task, usage, reservation });
      } else if (r.state === 'reserved') {
        for (const d of docs) {
          const doc = tx.get<Doc>(d) ?? { running: 0 };
          const back = (p: Period | undefined, id: string) =>
            p?.id === id ? { id, counter: minus(p.counter, r.amount) } : p;
          const next: Doc = { ...doc, running: Math.max(0, doc.running - 1) };
          if (doc.day) next.day = back(doc.day, reservation.day);
          if (doc.month) next.month = back(doc.month, reservation.month);
          if (doc.prevMonth) next.prevMonth = back(doc.prevMonth, reservation.month);
          tx.set(d, next);
        }
        counts.refunded += 1;
      }
      tx.delete(key);
    });
    counts.reservations += 1;
  }

  // 3. Finished tasks were already shown to their member: mark them told and forget their token.
  for await (const page of store.pages<LegacyTask>(prefixes.task, PAGE)) {
    const finished = page.filter(([, t]) => FINAL.has(t.state) && !t.toldAt);
    const finishedAt = (t: LegacyTask) => t.finishedAt ?? t.updatedAt ?? 0;
    const index = finished.map(([k, t]) => keys.finished(finishedAt(t), k.slice(prefixes.task.length)));
    if (finished.length) {
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
    }
  }

  return counts;
}
