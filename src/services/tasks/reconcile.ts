/**
 * Start-up repair, before the bot takes any interaction: every record that says a task is open or holds
 * usage is checked against the tasks themselves. Open-index entries of missing or finished-and-told tasks
 * are dropped, a finished task still holding its reservation is settled, running and queued counts are
 * rebuilt from the open tasks, and queue places or running slots of tasks no longer waiting or running
 * are dropped. With every change made in one transaction none of this
 * should be needed; it is what makes "a crash at any line" safe even against a bug or an old file.
 * It runs while the bot takes interactions (reading every open task took 17 s with 100,000), so each fix is
 * decided again inside its transaction: counts only where the usage document did not change since before the
 * tasks were read (a create or a finish meanwhile leaves them to the next start), places only of tasks that
 * still neither wait nor run.
 */
import { keys, prefixes } from '../../db/keys.js';
import { collect, type RecordStore } from '../../db/recordStore.js';
import type { Logger } from '../../logging/logger.js';
import type { GuildLedger } from '../usage/guildLedger.js';
import { EMPTY_USAGE, type UsageDoc } from '../usage/usageDoc.js';
import { isFinal, type TaskRecord } from './taskRecord.js';
import { placeKeys } from './taskService.js';
import { readTask, readTasks, taskKeys, writeTask } from './taskStorage.js';

export interface ReconcileReport {
  openTasks: number;
  droppedIndexEntries: number;
  settledStale: number;
  runningFixed: number;
  placesDropped: number;
}

const PAGE = 2000;
/** Places re-checked per transaction (each with its task: two records). */
const PLACES_PER_TRANSACTION = 200;

/** Whether `t` (open, its usage reserved) waits in this queue place or runs in this slot. */
function holdsPlace(t: TaskRecord | undefined, place: string): boolean {
  if (!t || t.toldAt || t.usage !== 'reserved' || !Array.isArray(t.reservation?.docs)) return false;
  const own = placeKeys(t);
  return t.state === 'queued' ? own.queue === place : own.slot === place;
}

export async function reconcile(
  store: RecordStore,
  ledger: GuildLedger,
  logger: Logger,
  options: { rebuildRunning?: boolean } = {},
): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    openTasks: 0,
    droppedIndexEntries: 0,
    settledStale: 0,
    runningFixed: 0,
    placesDropped: 0,
  };
  // The counts as they were before the tasks were read: a document that changes after is not fixed.
  const countsOf = (doc: UsageDoc | undefined) => ({ running: doc?.running ?? 0, queued: doc?.queued ?? 0 });
  const actual = new Map(
    options.rebuildRunning === false
      ? []
      : (await collect<UsageDoc>(store, prefixes.usage)).map(([k, doc]) => [k, countsOf(doc)]),
  );
  // A record this version cannot read is left for the poller to report; it must not stop the start.
  const readable = (t: TaskRecord) => {
    const ok = !t.reservation || Array.isArray(t.reservation.docs);
    if (!ok)
      logger.error({ taskId: t.id, guildId: t.guildId }, 'task record with an unreadable reservation; left as it is');
    return ok;
  };
  const openIds = (await collect<unknown>(store, prefixes.open)).map(([k]) => k.slice(prefixes.open.length));
  // Read page by page; only what the counts need is kept of each task (100,000 whole records held at once
  // took the process past 600 MB).
  const expected = new Map<string, { running: number; queued: number }>();
  const wantedPlaces = new Set<string>();
  const count = (t: TaskRecord) => {
    if (t.usage !== 'reserved' || !t.reservation || !Array.isArray(t.reservation.docs)) return;
    const waits = t.state === 'queued';
    const place = placeKeys(t);
    if (waits && place.queue) wantedPlaces.add(place.queue);
    if (!waits) wantedPlaces.add(place.slot);
    for (const key of t.reservation.docs) {
      const e = expected.get(key) ?? { running: 0, queued: 0 };
      if (waits) e.queued += 1;
      else e.running += 1;
      expected.set(key, e);
    }
  };
  for (let i = 0; i < openIds.length; i += PAGE) {
    const ids = openIds.slice(i, i + PAGE);
    const found = await readTasks(store, ids);
    const stale: string[] = [];
    const unsettled: TaskRecord[] = [];
    for (const id of ids) {
      const t = found.get(id);
      if (!t || t.toldAt) stale.push(id);
      else {
        report.openTasks += 1;
        if (isFinal(t.state) && t.usage === 'reserved' && t.reservation) unsettled.push(t);
        else count(t);
      }
    }
    if (stale.length) {
      await store.transact(stale.map(keys.open), (tx) => {
        for (const id of stale) tx.delete(keys.open(id));
      });
      report.droppedIndexEntries += stale.length;
    }
    // A final task must not hold usage: settle what an interrupted write of an old version left reserved.
    for (const t of unsettled.filter(readable)) {
      const r = t.reservation!;
      await store.transact([...taskKeys(t.id), ...ledger.settlementKeys(r)], (tx) => {
        const current = readTask(tx, t.id);
        if (current?.usage !== 'reserved') return;
        const outcome = current.state === 'done' ? 'committed' : 'refunded';
        ledger.settle(tx, r, outcome);
        writeTask(tx, { ...current, usage: outcome });
      });
      report.settledStale += 1;
    }
  }

  // Running counts = the open tasks that still hold a running slot. Only while no other process works on
  // the same data (its tasks would be counted as they were when read); this process's own changes meanwhile
  // leave the document changed, so it is not touched (every change keeps counts right: this repairs what an
  // old version or a bug left, and a busy document waits for a quieter start).
  if (options.rebuildRunning === false) return report;
  const none = { running: 0, queued: 0 };
  const wrong = [...new Set([...expected.keys(), ...actual.keys()])].filter((k) => {
    const e = expected.get(k) ?? none;
    const a = actual.get(k) ?? none;
    return e.running !== a.running || e.queued !== a.queued;
  });
  if (wrong.length) {
    const fixed = await store.transact(wrong, (tx) =>
      wrong.filter((k) => {
        const now = countsOf(tx.get<UsageDoc>(k));
        const before = actual.get(k) ?? none;
        if (now.running !== before.running || now.queued !== before.queued) return false;
        const e = expected.get(k) ?? none;
        tx.set(k, { ...(tx.get<UsageDoc>(k) ?? EMPTY_USAGE), running: e.running, queued: e.queued });
        return true;
      }),
    );
    if (fixed.length < wrong.length)
      logger.info({ changed: wrong.length - fixed.length }, 'usage counts changed meanwhile; left as they are');
    wrong.splice(0, wrong.length, ...fixed);
  }
  if (wrong.length) {
    logger.warn(
      { fixed: wrong.map((k) => ({ key: k, was: actual.get(k) ?? none, now: expected.get(k) ?? none })).slice(0, 50) },
      'running and queued counts rebuilt from the open tasks',
    );
  }
  const places = [...(await collect(store, prefixes.queue)), ...(await collect(store, prefixes.slots))]
    .map(([k]) => k)
    .filter((k) => !wantedPlaces.has(k));
  // Decided again with the task read inside the transaction: a task created since holds its place.
  const taskOf = (place: string) => place.slice(place.lastIndexOf(':') + 1);
  for (let i = 0; i < places.length; i += PLACES_PER_TRANSACTION) {
    const some = places.slice(i, i + PLACES_PER_TRANSACTION);
    report.placesDropped += await store.transact([...some, ...some.flatMap((k) => taskKeys(taskOf(k)))], (tx) => {
      const gone = some.filter((k) => !holdsPlace(readTask(tx, taskOf(k)), k));
      for (const k of gone) tx.delete(k);
      return gone.length;
    });
  }
  report.runningFixed = wrong.length;
  return report;
}
