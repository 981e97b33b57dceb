/**
 * The bot's live processes, when several share one database: each writes a heartbeat record every few
 * seconds (its shards, how many live processes it sees, since when), and reads everyone's. From that it
 * knows which shards a live process runs (so it leaves their orphaned tasks to them) and its share of the
 * upstream query budget: the budget divided by the live processes, where a newcomer waits until every other
 * process has lowered its share (and SETTLE_MS has passed) before it starts, and a process whose own heartbeat
 * is late stops querying before the others could count it gone: together they never exceed the budget.
 */
import { keys, prefixes } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import type { Logger } from '../../logging/logger.js';
import type { ShardSet } from './shards.js';

export interface ProcessEntry {
  at: number;
  shards: ShardSet;
  /** Live processes this one sees (itself included), and since when. */
  sees: number;
  since: number;
}

export interface RegistrySettings {
  processId: string;
  shards: ShardSet;
  /** The whole deployment's query budget (queries per second). */
  budget: number;
  heartbeatMs?: number;
  /** A process whose heartbeat is older than this is gone. */
  expiryMs?: number;
}

/**
 * How long after the last change anyone saw a process may raise its share: the query budget's rolling window
 * (a second and its 5 % margin) and a little more for requests that go out a few milliseconds after they were
 * counted.
 */
export const SETTLE_MS = 1100;

export function createProcessRegistry(
  store: RecordStore,
  settings: RegistrySettings,
  logger: Logger,
  now: () => number = Date.now,
) {
  const heartbeatMs = settings.heartbeatMs ?? 2000;
  const expiryMs = settings.expiryMs ?? 5 * heartbeatMs;
  /**
   * Stop querying this long before the others could think this process gone (a stalled event loop, a slow
   * database): a second before the expiry, or half of it when it is short, and never before two heartbeats are
   * missed.
   */
  const fenceMs = Math.max(2 * heartbeatMs, expiryMs - Math.min(1000, expiryMs / 2));
  let lastBeat = 0;
  let fenced = false;
  let fenceTimer: NodeJS.Timeout | undefined;
  const myKey = keys.process(settings.processId);
  let peers: ProcessEntry[] = [];
  /** The keys of every live process, this one's included, in order. */
  let live: string[] = [myKey];
  let sees = 1;
  let since = now();
  let share = 0;
  let timer: NodeJS.Timeout | undefined;
  const listeners: Array<(share: number) => void> = [];

  /**
   * Lowering is always safe at once. Raising waits until every peer has lowered (it sees as many processes),
   * and SETTLE_MS has passed since the last change anyone saw, this process included: a process that just
   * left, or a peer that just lowered, may have started queries at its old share in the window before.
   */
  function computeShare(): number {
    const fair = settings.budget / sees;
    const at = now();
    const settled = since + SETTLE_MS <= at && peers.every((p) => p.sees >= sees && p.since + SETTLE_MS <= at);
    return settled ? fair : Math.min(share, fair);
  }

  async function beat(): Promise<void> {
    const at = now();
    // Fenced so late that the others may have counted this process gone and raised their shares: it comes back
    // like a newcomer, with no share until every peer sees it again and has lowered.
    if (fenced && at - lastBeat >= expiryMs - heartbeatMs) {
      share = 0;
      since = at;
    }
    const all = await store.scan<ProcessEntry>(prefixes.process);
    const alive = all.filter(([k, e]) => k !== myKey && e.at > at - expiryMs);
    peers = alive.map(([, e]) => e);
    live = [myKey, ...alive.map(([k]) => k)].sort();
    const count = peers.length + 1;
    if (count !== sees) {
      logger.info({ processes: count, before: sees }, 'live bot processes changed');
      sees = count;
      // From when the new share applies (after the read), not from when the beat began.
      since = now();
    }
    const next = computeShare();
    if (next !== share) {
      share = next;
      for (const l of listeners) l(share);
    }
    const stale = all.filter(([k, e]) => k !== myKey && e.at < at - 100 * expiryMs).map(([k]) => k);
    await store.transact([myKey, ...stale], (tx) => {
      tx.set(myKey, { at, shards: settings.shards, sees, since } satisfies ProcessEntry);
      for (const k of stale) tx.delete(k);
    });
    lastBeat = at;
    if (fenced) {
      fenced = false;
      for (const l of listeners) l(share);
    }
  }

  /**
   * A process whose heartbeat is late might already count as gone for the others, who would then raise
   * their share: it polls nothing until its next heartbeat lands.
   */
  function checkFence(): void {
    if (fenced || !lastBeat || now() - lastBeat < fenceMs) return;
    fenced = true;
    logger.warn({ lateMs: now() - lastBeat }, 'heartbeat late: no status queries until it lands');
    for (const l of listeners) l(0);
  }

  return {
    /** Registers this process and keeps its heartbeat (a shared store only; alone, it has the whole budget). */
    async start(): Promise<void> {
      if (!store.shared) {
        share = settings.budget;
        for (const l of listeners) l(share);
        return;
      }
      await beat();
      timer = setInterval(() => {
        beat().catch((err: unknown) => logger.warn({ err }, 'process heartbeat failed; will try again'));
      }, heartbeatMs);
      timer.unref?.();
      fenceTimer = setInterval(checkFence, Math.min(250, heartbeatMs / 2));
      fenceTimer.unref?.();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      if (fenceTimer) clearInterval(fenceTimer);
      timer = fenceTimer = undefined;
      if (store.shared) await store.transact([myKey], (tx) => tx.delete(myKey)).catch(() => undefined);
    },
    /** Called with this process's share of the query budget whenever it changes. */
    onShare(listener: (share: number) => void): void {
      listeners.push(listener);
    },
    get share(): number {
      return share;
    },
    /** One heartbeat now (also run on the timer). */
    heartbeat: beat,
    /** Shards that some other live process runs. */
    shardsRunElsewhere(): Set<number> {
      return new Set(peers.filter((p) => p.shards.count === settings.shards.count).flatMap((p) => p.shards.ids));
    },
    livePeers: () => peers.length,
    /** This process's place among the live ones (in key order), as the last heartbeat saw them. */
    rank: (): { index: number; of: number } => ({ index: live.indexOf(myKey), of: live.length }),
  };
}

export type ProcessRegistry = ReturnType<typeof createProcessRegistry>;
