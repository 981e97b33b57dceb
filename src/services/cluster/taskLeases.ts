/**
 * Which process works on which open task. Each open task's index entry carries an owner and a lease; the
 * owner renews its leases every third of the lease and gives them back when it stops. A lease that ran out
 * (its process died) is taken over by another process: at once for a guild of its own shards, and for a
 * guild of another shard when no live process runs that shard (else that process takes it). Claims are transactions, so
 * a task is never taken by two processes. With a store only one process uses (SQLite), every open task is
 * this process's and leases never run out.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { keys, prefixes } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import { runsGuild, type ShardSet, shardOf } from './shards.js';

/** What the open index keeps per task. */
export interface OpenEntry {
  createdAt: number;
  guildId: string | null;
  owner?: string;
  leaseUntil?: number;
}

export interface LeaseSettings {
  leaseMs: number;
  shards: ShardSet;
  /** Whether a live process (another one) runs this shard: its orphaned tasks are left to it. */
  runElsewhere?: (shard: number) => boolean;
  /** This process's name in the store (default: host, pid and a random part). */
  processId?: string;
}

/** Never runs out: a store only this process uses. */
const FOREVER = Number.MAX_SAFE_INTEGER;
const PAGE = 2000;

export class LeaseLostError extends Error {
  constructor(taskId: string) {
    super(`another process has taken over task ${taskId}`);
  }
}

export function createTaskLeases(store: RecordStore, settings: LeaseSettings, now: () => number = Date.now) {
  const processId = settings.processId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const shared = store.shared;
  const held = new Set<string>();
  const until = () => (shared ? now() + settings.leaseMs : FOREVER);
  /** May this process take the task now? */
  const claimable = (e: OpenEntry, at: number) => {
    if (!shared || e.owner === processId) return true;
    const lease = e.leaseUntil ?? 0;
    if (lease > at) return false;
    if (runsGuild(settings.shards, e.guildId)) return true;
    // Another shard's task: left to the live process running that shard, unless it has not taken it for
    // two more leases (stuck, or gone without saying).
    const elsewhere = settings.runElsewhere?.(shardOf(e.guildId, settings.shards.count)) ?? false;
    if (!e.owner) return !elsewhere; // never held (an upgraded or migrated store): its shard's process takes it
    return !elsewhere || lease + 2 * settings.leaseMs <= at;
  };

  /** In one transaction: takes the entries still claimable, returns their ids. */
  async function claim(ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const at = now();
    const taken = await store.transact(ids.map(keys.open), (tx) => {
      const out: string[] = [];
      for (const id of ids) {
        const e = tx.get<OpenEntry>(keys.open(id));
        if (!e || !claimable(e, at)) continue;
        tx.set(keys.open(id), { ...e, owner: processId, leaseUntil: until() });
        out.push(id);
      }
      return out;
    });
    for (const id of taken) held.add(id);
    return taken;
  }

  return {
    processId,
    shared,
    /** The open-index entry of a task this process creates (it holds the task from the start). */
    entryFor(id: string, createdAt: number, guildId: string | null): OpenEntry {
      held.add(id);
      return { createdAt, guildId, owner: processId, leaseUntil: until() };
    },
    holds: (id: string) => held.has(id),
    /** The task is done with (told, or taken by another process). */
    drop(id: string): void {
      held.delete(id);
    },
    /**
     * Open tasks this process may take now (unowned, or their lease ran out), found by one scan of the index;
     * with `includeHeld`, also those it already holds (at start, before it follows any).
     */
    async findClaimable(options: { includeHeld?: boolean } = {}): Promise<string[]> {
      const at = now();
      const out: string[] = [];
      for await (const page of store.pages<OpenEntry>(prefixes.open, PAGE)) {
        for (const [k, e] of page) {
          const id = k.slice(prefixes.open.length);
          if ((options.includeHeld || !held.has(id)) && claimable(e, at)) out.push(id);
        }
      }
      return out;
    },
    claim,
    /** Extends every lease this process holds; returns the tasks it no longer holds (taken over, or gone). */
    async renew(): Promise<string[]> {
      if (!shared || !held.size) return [];
      const ids = [...held];
      const lost = await store.transact(ids.map(keys.open), (tx) => {
        const gone: string[] = [];
        for (const id of ids) {
          const e = tx.get<OpenEntry>(keys.open(id));
          if (!e || e.owner !== processId) gone.push(id);
          else tx.set(keys.open(id), { ...e, leaseUntil: until() });
        }
        return gone;
      });
      for (const id of lost) held.delete(id);
      return lost;
    },
    /** Gives every lease back (a graceful stop): another process can take the tasks at once. */
    async release(): Promise<void> {
      if (!shared || !held.size) return;
      const ids = [...held];
      await store.transact(ids.map(keys.open), (tx) => {
        for (const id of ids) {
          const e = tx.get<OpenEntry>(keys.open(id));
          if (e?.owner === processId) tx.set(keys.open(id), { ...e, leaseUntil: 0 });
        }
      });
      held.clear();
    },
  };
}

export type TaskLeases = ReturnType<typeof createTaskLeases>;
