/** Starts the first waiting tasks of a scope's queue that fit its running caps, in one transaction. */
import { keys, prefixes } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import { type GuildLedger, isUserScope } from '../usage/guildLedger.js';
import type { UsageDoc } from '../usage/usageDoc.js';
import { memberCapOf, type QueueEntry } from './taskPlaces.js';
import type { TaskRecord } from './taskRecord.js';
import type { TaskQueries } from './taskQueries.js';
import { readTask, taskKeys, writeTask } from './taskStorage.js';
import { transitions } from './transitions.js';
import type { TransitionRunner } from './transitionRunner.js';

export interface StartQueuedDeps {
  store: RecordStore;
  ledger: GuildLedger;
  now: () => number;
  runner: Pick<TransitionRunner, 'startInTx' | 'emit'>;
  queries: Pick<TaskQueries, 'getMany'>;
}

/**
 * Returns `startQueued(scope, max)`: in queue order, while the scope has a free running slot, skipping a
 * member whose own running cap is full (they do not block those behind them). The caps are the current ones
 * (server settings, role limits with the roles each entry keeps). A task another process started meanwhile
 * is skipped: each starts exactly once. Returns the started tasks (now `accepted`, to be submitted).
 */
export function queueStarter(deps: StartQueuedDeps) {
  const { store, ledger, now, runner } = deps;
  return async function startQueued(scope: string, max = 50): Promise<TaskRecord[]> {
    const prefix = prefixes.queueOf(scope);
    const entries = await store.scan<QueueEntry>(prefix, { limit: max });
    if (!entries.length) return [];
    const ids = entries.map(([k]) => k.slice(k.lastIndexOf(':') + 1));
    const known = await deps.queries.getMany(ids);
    const docs = [...new Set(known.flatMap((t) => t.reservation?.docs ?? []))];
    const declared = [
      ...docs,
      ...entries.map(([k]) => k),
      ...ids.flatMap((id) => [...taskKeys(id), keys.open(id), keys.slot(scope, id)]),
    ];
    const caps = await ledger.runningCaps(scope.startsWith('g') ? scope.slice(1) : null, isUserScope(scope));
    const started = await store.transact(declared, (tx) => {
      // When they start is read with the records held (see transitionRunner).
      const at = now();
      const out: Array<{ next: TaskRecord; previous: TaskRecord }> = [];
      for (const [i, [key, entry]] of entries.entries()) {
        const t = readTask(tx, ids[i]!);
        if (!tx.get(key)) continue;
        if (t?.state !== 'queued' || !t.reservation) {
          tx.delete(key); // a place left behind by a task that is no longer waiting
          continue;
        }
        const r = t.reservation;
        if (r.docs.some((d) => !docs.includes(d))) continue; // its documents were not declared: next round
        const guildDoc = r.docs.length > 1 ? tx.get<UsageDoc>(r.docs[0]!) : undefined;
        if (caps.guild !== null && guildDoc && guildDoc.running >= caps.guild) break;
        const memberDoc = tx.get<UsageDoc>(r.docs[r.docs.length - 1]!);
        const memberCap = memberCapOf(entry, caps.member);
        if (memberCap !== null && (memberDoc?.running ?? 0) >= memberCap) continue;
        const next = transitions.startFromQueue(t, undefined, at);
        tx.delete(key);
        runner.startInTx(tx, next, at);
        writeTask(tx, next);
        out.push({ next, previous: t });
      }
      return out;
    });
    for (const { next, previous } of started) runner.emit(next, previous);
    return started.map((x) => x.next);
  };
}
