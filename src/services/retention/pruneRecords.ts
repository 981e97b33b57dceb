/**
 * Retention: deletes what the product no longer needs, in small transactions. Finished tasks older than
 * the retention period (the member has long been told; their buttons then answer "no longer known"),
 * usage counters of days and months before the previous ones (limits, /usage and the CSV only read the
 * current period), and cooldown stamps older than two days. Nothing open, reserved or current is touched.
 */
import { finishedBefore, keys, prefixes } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import type { TaskRecord } from '../tasks/taskRecord.js';

export interface PruneReport {
  tasks: number;
  counters: number;
  cooldowns: number;
}

const PAGE = 500;
const DAY = 86_400_000;

/** `YYYY-MM-DD` and `YYYY-MM` in UTC, to compare with the period part of counter keys. */
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);
const utcMonth = (at: number) => new Date(at).toISOString().slice(0, 7);
const COUNTER = /^usage:[^:]+:(d|m):([0-9-]+)(?::u\d+)?$/;

export async function pruneRecords(
  store: RecordStore,
  options: { now: number; taskRetentionMs: number },
): Promise<PruneReport> {
  const report: PruneReport = { tasks: 0, counters: 0, cooldowns: 0 };

  // Finished tasks, oldest first, through the index of finish times.
  const upTo = finishedBefore(options.now - options.taskRetentionMs);
  for (;;) {
    const page = await store.scan<{ id: string }>(prefixes.finished, { before: upTo, limit: PAGE });
    if (!page.length) break;
    const ids = page.map(([k]) => k.slice(k.lastIndexOf(':') + 1));
    const removed = await store.transact([...page.map(([k]) => k), ...ids.map(keys.task)], (tx) => {
      let n = 0;
      page.forEach(([indexKey], i) => {
        const task = tx.get<TaskRecord>(keys.task(ids[i]!));
        // A task still open (its member not yet told) stays, and so does its index entry.
        if (task && !task.toldAt) return;
        if (task) {
          tx.delete(keys.task(ids[i]!));
          n += 1;
        }
        tx.delete(indexKey);
      });
      return n;
    });
    report.tasks += removed;
    if (page.length < PAGE) break;
  }

  // Counters of periods no screen shows any more. Guild time zones differ from UTC by less than a day, so
  // deleting days before "two days ago" and months before "two months ago" (in UTC) never touches a
  // guild's current or previous period.
  const today = new Date(options.now);
  const oldDay = utcDay(options.now - 2 * DAY);
  const oldMonth = utcMonth(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 1) - DAY);
  report.counters = await deleteWhere(store, prefixes.usage, (key) => {
    const m = COUNTER.exec(key);
    if (!m) return false;
    return m[1] === 'd' ? m[2]! < oldDay : m[2]! <= oldMonth;
  });

  // Cooldown stamps: a cooldown is seconds to minutes long.
  report.cooldowns = await deleteWhere(
    store,
    prefixes.lastRequest,
    (_key, value) => typeof value === 'number' && value < options.now - 2 * DAY,
  );
  await store.reclaim?.();
  return report;
}

/** Deletes, page by page, the records of a collection that `drop` selects. */
async function deleteWhere(store: RecordStore, prefix: string, drop: (key: string, value: unknown) => boolean) {
  let removed = 0;
  let after: string | undefined;
  for (;;) {
    const page = await store.scan<unknown>(prefix, { after, limit: PAGE * 2 });
    const doomed = page.filter(([k, v]) => drop(k, v)).map(([k]) => k);
    if (doomed.length) {
      await store.transact(doomed, (tx) => {
        for (const k of doomed) tx.delete(k);
      });
      removed += doomed.length;
    }
    if (page.length < PAGE * 2) return removed;
    after = page[page.length - 1]![0];
  }
}
