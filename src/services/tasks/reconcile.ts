/**
 * Start-up repair, before the bot takes any interaction: every record that says a task is open or holds
 * usage is checked against the tasks themselves. Open-index entries of missing or finished-and-told tasks
 * are dropped, a finished task still holding its reservation is settled, running and queued counts are
 * rebuilt from the open tasks, and queue places or running slots of tasks no longer waiting or running
 * are dropped. With every change made in one transaction none of this
 * should be needed; it is what makes "a crash at any line" safe even against a bug or an old file.
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
  const openIds = (await collect<unknown>(store, prefixes.open)).map(([k]) => k.slice(prefixes.open.length));
  const open: TaskRecord[] = [];
  for (let i = 0; i < openIds.length; i += PAGE) {
    const ids = openIds.slice(i, i + PAGE);
    const found = await readTasks(store, ids);
    const stale: string[] = [];
    for (const id of ids) {
      const t = found.get(id);
      if (!t || t.toldAt) stale.push(id);
      else open.push(t);
    }
    if (stale.length) {
      await store.transact(stale.map(keys.open), (tx) => {
        for (const id of stale) tx.delete(keys.open(id));
      });
      report.droppedIndexEntries += stale.length;
    }
  }

  // A record this version cannot read is left for the poller to report; it must not stop the start.
  const readable = (t: TaskRecord) => {
    const ok = !t.reservation || Array.isArray(t.reservation.docs);
    if (!ok)
      logger.error({ taskId: t.id, guildId: t.guildId }, 'task record with an unreadable reservation; left as it is');
    return ok;
  };
  // A final task must not hold usage: settle what an interrupted write of an old version left reserved.
  for (const t of open.filter((x) => isFinal(x.state) && x.usage === 'reserved' && x.reservation && readable(x))) {
    const r = t.reservation!;
    await store.transact([...taskKeys(t.id), ...ledger.settlementKeys(r)], (tx) => {
      const current = readTask(tx, t.id);
      if (current?.usage !== 'reserved') return;
      const outcome = current.state === 'done' ? 'committed' : 'refunded';
      ledger.settle(tx, r, outcome);
      writeTask(tx, { ...current, usage: outcome });
    });
    report.settledStale += 1;
    t.usage = t.state === 'done' ? 'committed' : 'refunded';
  }

  report.openTasks = open.length;
  // Running counts = the open tasks that still hold a running slot. Only while no other process works on
  // the same data: one that creates a task between this scan and the fix would be counted wrong.
  if (options.rebuildRunning === false) return report;
  const expected = new Map<string, { running: number; queued: number }>();
  const wantedPlaces = new Set<string>();
  for (const t of open) {
    if (t.usage !== 'reserved' || !t.reservation || !Array.isArray(t.reservation.docs)) continue;
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
  }
  const actual = new Map(
    (await collect<UsageDoc>(store, prefixes.usage)).map(([k, doc]) => [
      k,
      { running: doc.running ?? 0, queued: doc.queued ?? 0 },
    ]),
  );
  const none = { running: 0, queued: 0 };
  const wrong = [...new Set([...expected.keys(), ...actual.keys()])].filter((k) => {
    const e = expected.get(k) ?? none;
    const a = actual.get(k) ?? none;
    return e.running !== a.running || e.queued !== a.queued;
  });
  if (wrong.length) {
    await store.transact(wrong, (tx) => {
      for (const k of wrong) {
        const e = expected.get(k) ?? none;
        tx.set(k, { ...(tx.get<UsageDoc>(k) ?? EMPTY_USAGE), running: e.running, queued: e.queued });
      }
    });
    logger.warn(
      { fixed: wrong.map((k) => ({ key: k, was: actual.get(k) ?? none, now: expected.get(k) ?? none })).slice(0, 50) },
      'running and queued counts rebuilt from the open tasks',
    );
  }
  const places = [...(await collect(store, prefixes.queue)), ...(await collect(store, prefixes.slots))]
    .map(([k]) => k)
    .filter((k) => !wantedPlaces.has(k));
  if (places.length) {
    await store.transact(places, (tx) => {
      for (const k of places) tx.delete(k);
    });
    report.placesDropped = places.length;
  }
  report.runningFixed = wrong.length;
  report.openTasks = open.length;
  return report;
}
