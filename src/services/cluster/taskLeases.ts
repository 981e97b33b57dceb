/**
 * Which process works on which open task. Each open task's index entry names its owner; the owner's lease on
 * all of its tasks is ONE record (`leases:<process>`, valid until a time), renewed every third of the lease
 * and set to 0 when the process stops, so renewing and giving back cost one write whatever the number of
 * tasks. A task whose owner's lease ran out (its process died, or stalled past the lease) is taken over by
 * another process: at once for a guild of its own shards, and for a guild of another shard when no live
 * process runs that shard (else that process takes it). Takeovers are transactions of at most a few hundred
 * records that read the owner's lease record too, so a task is never taken by two processes, a process
 * whose lease is live never loses one, and no transaction takes a lock per task of the whole index.
 * With a store only one process uses (SQLite), every open task is this process's and leases never run out.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { idOf, keys, prefixes } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import { runsGuild, type ShardSet, shardOf } from './shards.js';

/** What the open index keeps per task. */
export interface OpenEntry {
  createdAt: number;
  guildId: string | null;
  owner?: string;
  /**
   * Written as "never" by this version (the owner's lease record decides); versions before it renewed it per
   * task, so a process of the previous version never takes this version's tasks during a rolling deploy, and
   * an entry it wrote (its owner has no lease record) runs out at this time.
   */
  leaseUntil?: number;
}

/** A process's lease on every open task it owns. */
export interface LeaseRecord {
  /** Until when (given back on a graceful stop: the time it stopped). */
  until: number;
}

export interface LeaseSettings {
  leaseMs: number;
  shards: ShardSet;
  /** Whether a live process (another one) runs this shard: its orphaned tasks are left to it. */
  runElsewhere?: (shard: number) => boolean;
  /**
   * This process's place among the live ones: the orphans of a shard no live process runs are split between
   * them by task id for one lease (one scan taking them all left one survivor with twice the tasks of the others).
   */
  rank?: () => { index: number; of: number };
  /** This process's name in the store (default: host, pid and a random part). */
  processId?: string;
}

/** Never runs out: a store only this process uses (and, in shared stores, see OpenEntry.leaseUntil). */
const FOREVER = Number.MAX_SAFE_INTEGER;
/** Index entries read per page of a scan (reads take no locks). */
const SCAN_PAGE = 2000;
/** Entries one claim transaction takes at most, and owners' lease records it reads: with this process's own, ≤ 500 locks. */
const CLAIM_PAGE = 400;
const MAX_OWNERS = 99;
/** The index is scanned for orphans at least this often, whatever the lease records say (see mayHaveOrphans). */
const SCAN_AT_LEAST_EVERY_MS = 60_000;
/** Lease records of processes gone this many leases ago are deleted (at most a few per renewal). */
const STALE_LEASES = 100;

/** Which of `of` live processes takes an orphan of a shard none of them runs (a hash of its id). */
function splitOf(id: string, of: number): number {
  let h = 0;
  for (let i = 0; i < id.length; i += 1) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % of;
}

export class LeaseLostError extends Error {
  constructor(taskId: string) {
    super(`another process has taken over task ${taskId}`);
  }
}

export function createTaskLeases(store: RecordStore, settings: LeaseSettings, now: () => number = Date.now) {
  const processId = settings.processId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const shared = store.shared;
  const held = new Set<string>();
  const myKey = keys.lease(processId);
  /** The end of this process's lease as it last wrote it. */
  let until = 0;
  /** A renewal came late: another process may have taken tasks, so the next renewal looks which. */
  let suspect = false;
  /**
   * Notes a write of this process's lease record made at `at`. One that came later than a third of a lease
   * before the lease's end (a stalled event loop, a slow database; the margin also covers clocks a little
   * apart) makes the next renewal check the index for tasks taken meanwhile.
   */
  const wrote = (at: number, late: boolean) => {
    if (late) suspect = true;
    until = at + settings.leaseMs;
  };
  /** The soonest end of another process's live lease, as the last look at the lease records saw it. */
  let soonestOther: number | undefined;
  /** When the index was last scanned for orphans, and each other process's lease end then. */
  let lastScan: { at: number; until: Map<string, number> } | undefined;
  const noteSoonest = (records: Map<string, LeaseRecord>, at: number) => {
    soonestOther = undefined;
    for (const [id, r] of records)
      if (id !== processId && r.until > at) soonestOther = Math.min(soonestOther ?? r.until, r.until);
  };
  const isLate = (at: number) => held.size > 0 && at > until - settings.leaseMs / 3;

  /** When an entry's lease runs out: its owner's lease record, else (an entry of the version before) its own. */
  function leaseEnd(e: OpenEntry, recordOf: (owner: string) => LeaseRecord | undefined): number {
    if (!e.owner) return 0;
    const record = recordOf(e.owner);
    if (record) return record.until;
    return e.leaseUntil !== undefined && e.leaseUntil < FOREVER ? e.leaseUntil : 0;
  }

  /** May this process take the task now? */
  const claimable = (id: string, e: OpenEntry, at: number, recordOf: (owner: string) => LeaseRecord | undefined) => {
    if (!shared || e.owner === processId) return true;
    const lease = leaseEnd(e, recordOf);
    if (lease > at) return false;
    if (runsGuild(settings.shards, e.guildId)) return true;
    // Another shard's task: left to the live process running that shard, unless it has not taken it for
    // two more leases (stuck, or gone without saying).
    const elsewhere = settings.runElsewhere?.(shardOf(e.guildId, settings.shards.count)) ?? false;
    if (!e.owner) return !elsewhere; // never held (an upgraded or migrated store): its shard's process takes it
    if (elsewhere) return lease + 2 * settings.leaseMs <= at;
    const rank = settings.rank?.();
    return !rank || rank.of < 2 || lease + settings.leaseMs <= at || splitOf(id, rank.of) === rank.index;
  };

  /**
   * In one transaction of at most CLAIM_PAGE entries: takes those still claimable, returns their ids. The
   * owners' lease records are read inside it, so a takeover and the owner's renewal (or a transition, which
   * locks the same entry) never overlap. An entry whose owner changed since it was looked at waits for the next round.
   */
  async function claimPage(ids: readonly string[]): Promise<string[]> {
    const at = now();
    const late = isLate(at);
    const owners = new Set<string>();
    if (shared) {
      for (const e of (await store.getMany<OpenEntry>(ids.map(keys.open))).values()) {
        if (e.owner && e.owner !== processId && owners.size < MAX_OWNERS) owners.add(e.owner);
      }
    }
    const declared = [...ids.map(keys.open), ...(shared ? [myKey, ...[...owners].map(keys.lease)] : [])];
    const taken = await store.transact(declared, (tx) => {
      const recordOf = (owner: string) => tx.get<LeaseRecord>(keys.lease(owner));
      const out: string[] = [];
      for (const id of ids) {
        const e = tx.get<OpenEntry>(keys.open(id));
        if (!e || (shared && e.owner && e.owner !== processId && !owners.has(e.owner))) continue;
        if (!claimable(id, e, at, recordOf)) continue;
        if (e.owner !== processId || e.leaseUntil !== FOREVER) {
          tx.set(keys.open(id), { ...e, owner: processId, leaseUntil: FOREVER });
        }
        out.push(id);
      }
      // The lease of what it now holds starts with the entries (there is never an entry of a process without its record).
      if (shared) tx.set(myKey, { until: at + settings.leaseMs } satisfies LeaseRecord);
      return out;
    });
    if (shared) wrote(at, late);
    for (const id of taken) held.add(id);
    return taken;
  }

  /**
   * Takes the entries still claimable, a page (one small transaction) at a time; returns their ids. A store only
   * this process uses holds nothing to claim: every open task is its own (rewriting each entry's owner at every
   * restart took 8 s with 100,000 open tasks).
   */
  async function claim(ids: readonly string[]): Promise<string[]> {
    if (!shared) {
      for (const id of ids) held.add(id);
      return [...ids];
    }
    const taken: string[] = [];
    for (let i = 0; i < ids.length; i += CLAIM_PAGE) taken.push(...(await claimPage(ids.slice(i, i + CLAIM_PAGE))));
    return taken;
  }

  /** Every lease record, by process (a handful: one per process of the last STALE_LEASES leases). */
  async function leaseRecords(): Promise<Map<string, LeaseRecord>> {
    const all = await store.scan<LeaseRecord>(prefixes.lease);
    return new Map(all.map(([k, r]) => [idOf(k, prefixes.lease), r]));
  }

  /** Held tasks whose entry is gone or has another owner now (one scan of the index, no locks). */
  async function findLost(): Promise<string[]> {
    const seen = new Set<string>();
    const lost: string[] = [];
    for await (const page of store.pages<OpenEntry>(prefixes.open, SCAN_PAGE)) {
      for (const [k, e] of page) {
        const id = idOf(k, prefixes.open);
        if (!held.has(id)) continue;
        seen.add(id);
        if (e.owner !== processId) lost.push(id);
      }
    }
    for (const id of held) if (!seen.has(id)) lost.push(id);
    return lost;
  }

  /**
   * Open tasks this process may take now (unowned, or their owner's lease ran out), found by one scan of the
   * index, a page of ids per page of the index; with `includeHeld`, also those it already holds (at start,
   * before it follows any), and then only tasks of its own shards: processes starting together do not know
   * each other yet, and the first to scan would take every shard's tasks (a later round takes those of a
   * shard no live process runs).
   */
  async function* claimablePages(options: { includeHeld?: boolean } = {}): AsyncGenerator<string[]> {
    const at = now();
    const records = shared ? await leaseRecords() : new Map<string, LeaseRecord>();
    const recordOf = (owner: string) => records.get(owner);
    noteSoonest(records, at);
    lastScan = { at, until: new Map([...records].map(([id, r]) => [id, r.until])) };
    for await (const page of store.pages<OpenEntry>(prefixes.open, SCAN_PAGE)) {
      const out: string[] = [];
      for (const [k, e] of page) {
        const id = idOf(k, prefixes.open);
        const mine = !shared || !options.includeHeld || e.owner === processId || runsGuild(settings.shards, e.guildId);
        if (mine && (options.includeHeld || !held.has(id)) && claimable(id, e, at, recordOf)) out.push(id);
      }
      yield out;
    }
  }

  return {
    processId,
    shared,
    /** The open-index entry of a task this process creates (it holds the task from the start). */
    entryFor(id: string, createdAt: number, guildId: string | null): OpenEntry {
      held.add(id);
      return { createdAt, guildId, owner: processId, leaseUntil: FOREVER };
    },
    holds: (id: string) => held.has(id),
    /** The task is done with (told, or taken by another process). */
    drop(id: string): void {
      held.delete(id);
    },
    claimablePages,
    /**
     * Whether a scan of the index may find tasks to take: a lease of another process ran out (or was given
     * back) since the last scan began, or a process unknown then has none live, or the last scan is a minute
     * old (tasks never held, or of a shard whose process is gone, wait that long at most). Reads only the lease
     * records (a handful): with 100,000 open tasks a scan every round kept four processes busy reading.
     */
    async mayHaveOrphans(): Promise<boolean> {
      if (!shared) return false;
      const at = now();
      const records = await leaseRecords();
      noteSoonest(records, at);
      if (!lastScan || at - lastScan.at >= SCAN_AT_LEAST_EVERY_MS) return true;
      const before = lastScan;
      return [...records].some(
        ([id, r]) =>
          id !== processId && r.until <= at && (before.until.get(id) ?? Number.POSITIVE_INFINITY) > before.at,
      );
    },
    /** Every id `claimablePages` finds, at once. */
    async findClaimable(options: { includeHeld?: boolean } = {}): Promise<string[]> {
      const out: string[] = [];
      for await (const page of claimablePages(options)) out.push(...page);
      return out;
    },
    claim,
    /**
     * When the soonest lease of another process runs out, as the last `findClaimable` saw the lease records
     * (undefined: none live). A live process renews long before; a stopped one's tasks may be taken then.
     */
    nextExpiry: (): number | undefined => soonestOther,
    /**
     * Extends this process's lease on all its tasks: one write (which also deletes a few records of processes
     * long gone). Returns the tasks it no longer holds, which can only happen after a late renewal (another
     * process took them, or they were told): looked for then, by one scan of the index.
     */
    async renew(): Promise<string[]> {
      if (!shared) return [];
      const at = now();
      const late = isLate(at);
      const stale = [...(await leaseRecords())]
        .filter(([id, r]) => id !== processId && r.until < at - STALE_LEASES * settings.leaseMs)
        .slice(0, 20)
        .map(([id]) => keys.lease(id));
      await store.transact([myKey, ...stale], (tx) => {
        tx.set(myKey, { until: at + settings.leaseMs } satisfies LeaseRecord);
        for (const k of stale) tx.delete(k);
      });
      wrote(at, late);
      if (!suspect) return [];
      const lost = held.size ? await findLost() : [];
      suspect = false;
      for (const id of lost) held.delete(id);
      return lost;
    },
    /** Gives every lease back (a graceful stop), in one write: another process can take the tasks at once. */
    async release(): Promise<void> {
      if (!shared) return;
      // Ended now, not at 0: another shard's process waits two leases from now before it takes these tasks
      // instead of their own shard's process (which a restart brings back within seconds).
      await store.transact([myKey], (tx) => tx.set(myKey, { until: now() } satisfies LeaseRecord));
      until = 0;
      held.clear();
    },
  };
}

export type TaskLeases = ReturnType<typeof createTaskLeases>;
