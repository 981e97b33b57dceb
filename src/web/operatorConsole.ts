/**
 * What the operator console shows, read from the store with bounded reads (every process's data) plus this
 * process's API key pool: every server's usage and estimated spend this month, the queue's depth, recent
 * failures by reason, the live processes with their shards and leases. Numbers and ids only, never a secret.
 */
import { idOf, keys, prefixes } from '../db/keys.js';
import { prefixEnd, type RecordStore } from '../db/recordStore.js';
import type { ProcessEntry } from '../services/cluster/processRegistry.js';
import type { ShardSet } from '../services/cluster/shards.js';
import type { LeaseRecord } from '../services/cluster/taskLeases.js';
import type { GuildSettings } from '../services/guildConfig/settingsStore.js';
import type { KeyState } from '../services/seedance/keyPool.js';
import type { TaskRecord } from '../services/tasks/taskRecord.js';
import type { Counter } from '../services/usage/counter.js';
import { DEFAULT_TIME_ZONE, periodsAt } from '../services/usage/periods.js';
import { MICROS } from '../services/usage/prices.js';
import { counted, type UsageDoc } from '../services/usage/usageDoc.js';

/** What the bot's composition root hands the console: this process's key pool and identity. */
export interface OperatorSources {
  /** The API keys by fingerprint, their state and tasks in flight (this process's pool). */
  keys(): KeyState[];
  processId: string;
  shards: ShardSet;
}

/** Servers read at most (one small range read per server: its usage document, its members skipped). */
export const MAX_SERVERS = 10_000;
/** Queue entries and running slots counted at most (each). */
export const MAX_QUEUE_COUNT = 10_000;
/** Finished tasks read at most for the failure counts. */
export const MAX_FINISHED_READ = 5_000;
/** The windows tried for recent failures, longest first: the first one holding at most MAX_FINISHED_READ tasks. */
export const FAILURE_WINDOWS_MS = [24 * 3_600_000, 3_600_000] as const;

/** One server's month so far, in its own time zone (the month the spend limit counts). */
export interface ServerUsageRow {
  guildId: string;
  month: string;
  counter: Counter;
  running: number;
  queued: number;
}

export interface ServerUsage {
  /** Every server read, most spend first (then most videos, then id). */
  rows: ServerUsageRow[];
  /** MAX_SERVERS were read and more may exist. */
  capped: boolean;
}

const GUILD_USAGE = `${prefixes.usage}g`;
/** Read per range query: a server's document, then (one key of) its members, which are skipped. */
const SCAN_BATCH = 64;

/**
 * Every server's usage document (`usage:g<guild>`), skipping the members' documents that follow each one
 * (`usage:g<guild>:u<user>`): after the first member key of a server the read jumps past all of them, so a
 * server with 10,000 members costs one range read, not 10,000 rows.
 */
async function guildUsageDocs(store: RecordStore): Promise<{ docs: Array<[string, UsageDoc]>; capped: boolean }> {
  const docs: Array<[string, UsageDoc]> = [];
  let after: string | undefined;
  for (;;) {
    const batch = await store.scan<UsageDoc>(GUILD_USAGE, { ...(after ? { after } : {}), limit: SCAN_BATCH });
    let jumped = false;
    for (const [key, doc] of batch) {
      const rest = key.slice(GUILD_USAGE.length);
      const colon = rest.indexOf(':');
      if (colon >= 0) {
        // A member's document: every key with this server's member prefix is skipped.
        after = prefixEnd(`${GUILD_USAGE}${rest.slice(0, colon)}:`);
        jumped = true;
        break;
      }
      if (docs.length >= MAX_SERVERS) return { docs, capped: true };
      docs.push([rest, doc]);
      after = key;
    }
    if (!jumped && batch.length < SCAN_BATCH) return { docs, capped: false };
  }
}

/** Every server's usage this month (in each server's time zone, as its limits count it), most spend first. */
export async function readServerUsage(store: RecordStore, now: number): Promise<ServerUsage> {
  const { docs, capped } = await guildUsageDocs(store);
  const rows: ServerUsageRow[] = [];
  for (let i = 0; i < docs.length; i += 500) {
    const page = docs.slice(i, i + 500);
    const settings = await store.getMany<GuildSettings>(page.map(([id]) => keys.settings(id)));
    for (const [guildId, doc] of page) {
      const { month } = periodsAt(now, settings.get(keys.settings(guildId))?.timeZone ?? DEFAULT_TIME_ZONE);
      rows.push({
        guildId,
        month,
        counter: counted(doc.month, month),
        running: doc.running,
        queued: doc.queued ?? 0,
      });
    }
  }
  rows.sort(
    (a, b) =>
      (b.counter.spend ?? 0) - (a.counter.spend ?? 0) ||
      b.counter.tasks - a.counter.tasks ||
      (a.guildId < b.guildId ? -1 : 1),
  );
  return { rows, capped };
}

export interface QueueDepth {
  /** Requests waiting for a running slot, every scope (servers, DMs, user installs). */
  waiting: number;
  /** Tasks holding a running slot. */
  running: number;
  /** A count reached MAX_QUEUE_COUNT: "at least". */
  capped: boolean;
}

export async function readQueueDepth(store: RecordStore): Promise<QueueDepth> {
  const [waiting, running] = await Promise.all([
    store.scan(prefixes.queue, { limit: MAX_QUEUE_COUNT }),
    store.scan(prefixes.slots, { limit: MAX_QUEUE_COUNT }),
  ]);
  return {
    waiting: waiting.length,
    running: running.length,
    capped: waiting.length >= MAX_QUEUE_COUNT || running.length >= MAX_QUEUE_COUNT,
  };
}

export interface RecentFailures {
  /** The span counted, ending now. */
  windowMs: number;
  /** Tasks that ended in it (read from the finished index) and how many of them failed. */
  finished: number;
  failed: number;
  /** Failed tasks by reason (`lastError.reason`, else the final state), most first. */
  byReason: Array<{ reason: string; count: number }>;
  /** Even the shortest window held more than MAX_FINISHED_READ tasks: only its first ones were read. */
  truncated: boolean;
}

const FAILED_STATES = new Set(['failed', 'timed_out', 'uncertain']);

/** Failures of the tasks that ended recently (every process's: the finished index is in the store). */
export async function readRecentFailures(store: RecordStore, now: number): Promise<RecentFailures> {
  let windowMs: number = FAILURE_WINDOWS_MS[0];
  let entries: Array<[string, { id: string }]> = [];
  for (const w of FAILURE_WINDOWS_MS) {
    windowMs = w;
    entries = await store.scan<{ id: string }>(prefixes.finished, {
      after: keys.finished(now - w, ''),
      limit: MAX_FINISHED_READ + 1,
    });
    if (entries.length <= MAX_FINISHED_READ) break;
  }
  const truncated = entries.length > MAX_FINISHED_READ;
  const ids = entries.slice(0, MAX_FINISHED_READ).map(([, e]) => e.id);
  const byReason = new Map<string, number>();
  let finished = 0;
  let failed = 0;
  for (let i = 0; i < ids.length; i += 500) {
    // The hot records only: the state and the error live there.
    const found = await store.getMany<Pick<TaskRecord, 'state' | 'lastError'>>(
      ids.slice(i, i + 500).map((id) => keys.task(id)),
    );
    for (const t of found.values()) {
      finished += 1;
      if (!FAILED_STATES.has(t.state)) continue;
      failed += 1;
      const reason = t.lastError?.reason ?? t.lastError?.failureKind ?? t.state;
      byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    }
  }
  return {
    windowMs,
    finished,
    failed,
    byReason: [...byReason]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
    truncated,
  };
}

export interface ProcessRow {
  processId: string;
  /** This process (the one serving the page). */
  self: boolean;
  shards?: ShardSet;
  /** Its last heartbeat (shared store only). */
  heartbeatAt?: number;
  /** Live processes it sees. */
  sees?: number;
  /** Until when its lease on its open tasks runs (shared store only; given back: the time it stopped). */
  leaseUntil?: number;
}

/**
 * The processes of the bot: heartbeat records and lease records (a handful each), this process first. With a
 * store only one process uses (SQLite) there are neither: this process alone, with its shards.
 */
export async function readProcesses(store: RecordStore, self: OperatorSources): Promise<ProcessRow[]> {
  const [beats, leases] = await Promise.all([
    store.scan<ProcessEntry>(prefixes.process, { limit: 200 }),
    store.scan<LeaseRecord>(prefixes.lease, { limit: 200 }),
  ]);
  const rows = new Map<string, ProcessRow>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { processId: id, self: id === self.processId }));
    return r;
  };
  row(self.processId).shards = self.shards;
  for (const [k, e] of beats)
    Object.assign(row(idOf(k, prefixes.process)), { shards: e.shards, heartbeatAt: e.at, sees: e.sees });
  for (const [k, l] of leases) row(idOf(k, prefixes.lease)).leaseUntil = l.until;
  return [...rows.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || (b.heartbeatAt ?? 0) - (a.heartbeatAt ?? 0),
  );
}

/** Every server's row as CSV (ids and numbers only); with prices set, the estimated spend in that currency. */
export function serverUsageCsv(usage: ServerUsage, currency?: string): string {
  const lines = [
    `guild_id,month,videos,seconds,per_task_units,per_second_units,running,queued${currency ? `,estimated_cost_${currency}` : ''}`,
  ];
  for (const r of usage.rows)
    lines.push(
      [
        r.guildId,
        r.month,
        r.counter.tasks,
        r.counter.seconds,
        r.counter.perTaskUnits,
        r.counter.perSecondUnits,
        r.running,
        r.queued,
        ...(currency ? [String((r.counter.spend ?? 0) / MICROS)] : []),
      ].join(','),
    );
  return `${lines.join('\n')}\n`;
}
