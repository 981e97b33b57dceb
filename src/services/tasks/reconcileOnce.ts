/**
 * Start-up repair once per wave of starts: where several processes share the store, a process skips
 * `reconcile` when another one ran it completely after this process started. Such a run read every record
 * after this process's previous life ended, so it saw whatever that life left behind; processes restarted
 * together (a deploy) repair once instead of each reading every open task. A run still going is waited for;
 * one that went quiet for `staleMs` (its process died) is taken over. The marker is one record, claimed in a
 * transaction (`meta:reconcile`).
 */
import { keys } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import type { Logger } from '../../logging/logger.js';
import type { GuildLedger } from '../usage/guildLedger.js';
import { type ReconcileReport, reconcile } from './reconcile.js';

/** Who repairs the store in this wave, since when, and when it was done. */
export interface ReconcileMarker {
  by: string;
  beganAt: number;
  doneAt?: number;
}

export interface ReconcileOnceOptions {
  processId: string;
  /** When this process started: a run begun since then covers what its previous life left. */
  startedAt: number;
  rebuildRunning?: boolean;
  now?: () => number;
  /** A run not done after this long is taken to be dead (default 5 min; reading 100,000 open tasks takes ~20 s). */
  staleMs?: number;
  /** How often a waiting process looks again (default 5 s). */
  pollMs?: number;
  /** True once the process stops: waiting ends. */
  stopping?: () => boolean;
}

export type ReconcileOnceResult =
  | { ran: true; report: ReconcileReport }
  | { ran: false; by: string; why: 'done by another process' | 'stopping' };

const KEY = keys.meta('reconcile');

export async function reconcileOnce(
  store: RecordStore,
  ledger: GuildLedger,
  logger: Logger,
  options: ReconcileOnceOptions,
): Promise<ReconcileOnceResult> {
  const now = options.now ?? Date.now;
  const staleMs = options.staleMs ?? 5 * 60_000;
  const run = async (): Promise<ReconcileOnceResult> => ({
    ran: true,
    report: await reconcile(store, ledger, logger, { rebuildRunning: options.rebuildRunning }),
  });
  // One process alone on its store (SQLite): nobody else could have repaired it.
  if (!store.shared) return run();
  for (;;) {
    const decision = await store.transact([KEY], (tx) => {
      const m = tx.get<ReconcileMarker>(KEY);
      const sinceMyStart = m !== undefined && m.beganAt >= options.startedAt;
      if (sinceMyStart && m.doneAt !== undefined) return { kind: 'done' as const, by: m.by };
      if (sinceMyStart && m.by !== options.processId && now() - m.beganAt < staleMs)
        return { kind: 'wait' as const, by: m.by };
      tx.set(KEY, { by: options.processId, beganAt: now() } satisfies ReconcileMarker);
      return { kind: 'mine' as const };
    });
    if (decision.kind === 'done') return { ran: false, by: decision.by, why: 'done by another process' };
    if (decision.kind === 'mine') break;
    if (options.stopping?.()) return { ran: false, by: decision.by, why: 'stopping' };
    await new Promise((r) => setTimeout(r, options.pollMs ?? 5000));
  }
  const result = await run();
  await store.transact([KEY], (tx) => {
    const m = tx.get<ReconcileMarker>(KEY);
    // Taken over meanwhile (this run was slower than staleMs): the other run reports for itself.
    if (m?.by === options.processId) tx.set(KEY, { ...m, doneAt: now() } satisfies ReconcileMarker);
  });
  return result;
}
