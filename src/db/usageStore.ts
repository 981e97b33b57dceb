/** Usage counters, reservations and per-guild settings in SQLite (keyv collections). */
import type { Limits } from '../services/usage/limits.js';
import type { Database } from './openDatabase.js';

export interface Counter {
  tasks: number;
  /** Seconds of video. */
  seconds: number;
  /** In the model's billing unit: tasks for per-task models plus seconds for per-second models. */
  perTaskUnits: number;
  perSecondUnits: number;
}

export interface Reservation {
  taskId: string;
  /** Counter keys this reservation added to. */
  counters: string[];
  /** Running-task keys this reservation holds. */
  running: string[];
  amount: Counter;
  state: 'reserved' | 'committed' | 'refunded';
  at: number;
}

/** What a server's admins have set; anything missing falls back to the bot's defaults. */
export interface GuildSettings {
  limits?: Partial<Limits>;
  timeZone?: string;
  /** Channels where generation is allowed; missing or empty = everywhere. */
  channels?: string[];
  /** Only members with this role may generate; missing = everyone. */
  roleId?: string;
  disabledModels?: string[];
  defaults?: { model?: string; ratio?: string; resolution?: string; duration?: number };
}

const NO_SETTINGS: Readonly<GuildSettings> = Object.freeze({});

export const EMPTY_COUNTER: Readonly<Counter> = Object.freeze({
  tasks: 0,
  seconds: 0,
  perTaskUnits: 0,
  perSecondUnits: 0,
});

/**
 * Writes queued in the same turn of the event loop go to SQLite together in one statement; each caller's
 * promise resolves once the statement that holds its write has committed. Later writes to a key win.
 */
function createWriteBatcher(db: Database) {
  let pending = new Map<string, { collection: string; key: string; value: unknown }>();
  let waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  let scheduled = false;
  const flush = async () => {
    const entries = [...pending.values()];
    const settle = waiters;
    pending = new Map();
    waiters = [];
    scheduled = false;
    try {
      await db.setMany(entries);
      for (const w of settle) w.resolve();
    } catch (err) {
      for (const w of settle) w.reject(err);
    }
  };
  return (collection: string, key: string, value: unknown) =>
    new Promise<void>((resolve, reject) => {
      pending.set(`${collection}:${key}`, { collection, key, value });
      waiters.push({ resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    });
}

/** Reads asked for in the same turn of the event loop go to SQLite together in one statement. */
function createReadBatcher(db: Database) {
  type Waiter = { resolve: (v: unknown) => void; reject: (e: unknown) => void };
  let pending = new Map<string, Waiter[]>();
  let scheduled = false;
  const flush = async () => {
    const batch = pending;
    pending = new Map();
    scheduled = false;
    try {
      const found = await db.getMany([...batch.keys()]);
      for (const [key, waiters] of batch) for (const w of waiters) w.resolve(found.get(key));
    } catch (err) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
    }
  };
  return (fullKey: string) =>
    new Promise<unknown>((resolve, reject) => {
      const list = pending.get(fullKey);
      if (list) list.push({ resolve, reject });
      else pending.set(fullKey, [{ resolve, reject }]);
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    });
}

/**
 * Read-through cache over a collection, written through the batcher. This process is the only writer of
 * its guilds' usage (see docs/ARCHITECTURE.md, sharding), so cached values stay true. The cache is
 * dropped wholesale past `maxEntries` to bound memory.
 */
function cached<V>(
  name: string,
  read: ReturnType<typeof createReadBatcher>,
  write: ReturnType<typeof createWriteBatcher>,
  maxEntries = 50_000,
) {
  const memory = new Map<string, V | undefined>();
  return {
    /** True when `get` would answer from memory. */
    has: (key: string) => memory.has(key),
    async get(key: string): Promise<V | undefined> {
      if (memory.has(key)) return memory.get(key);
      const v = ((await read(`${name}:${key}`)) as V | undefined) ?? undefined;
      if (!memory.has(key)) memory.set(key, v);
      return memory.get(key);
    },
    set(key: string, value: V): Promise<void> {
      if (memory.size >= maxEntries) memory.clear();
      memory.set(key, value);
      return write(name, key, value);
    },
  };
}

export function createUsageStore(db: Database) {
  const read = createReadBatcher(db);
  const write = createWriteBatcher(db);
  const counters = cached<Counter>('usage', read, write);
  const running = cached<number>('running', read, write);
  const last = cached<number>('last_request', read, write);
  const reservations = cached<Reservation>('reservations', read, write);
  const settings = cached<GuildSettings>('guild_settings', read, write);
  return {
    /** A counter (read-only: write a new one with setCounter). */
    counter: async (key: string): Promise<Readonly<Counter>> => (await counters.get(key)) ?? EMPTY_COUNTER,
    /** True when every key named is already in memory (counters, running, last request). */
    cached: (keys: { counters: string[]; running: string[]; last: string[] }) =>
      keys.counters.every(counters.has) && keys.running.every(running.has) && keys.last.every(last.has),
    setCounter: (key: string, c: Counter) => counters.set(key, c),
    running: async (key: string) => (await running.get(key)) ?? 0,
    setRunning: (key: string, n: number) => running.set(key, Math.max(0, n)),
    lastRequest: async (key: string) => (await last.get(key)) ?? 0,
    setLastRequest: (key: string, at: number) => last.set(key, at),
    reservation: async (taskId: string): Promise<Reservation | undefined> =>
      (await reservations.get(taskId)) ?? undefined,
    setReservation: (r: Reservation) => reservations.set(r.taskId, r),
    /** A server's settings; treat as read-only (change them with setSettings). */
    settings: async (guildId: string): Promise<Readonly<GuildSettings>> => (await settings.get(guildId)) ?? NO_SETTINGS,
    setSettings: (guildId: string, s: GuildSettings) => settings.set(guildId, s),
    /** Every member's counter of one scope and period suffix, e.g. (`g123`, `m:2026-11`). */
    async memberCounters(scope: string, period: string): Promise<Array<{ userId: string; counter: Counter }>> {
      const prefix = `${scope}:u`;
      const keys = (await db.keys('usage', prefix)).filter((k) => k.endsWith(`:${period}`));
      const out: Array<{ userId: string; counter: Counter }> = [];
      for (const key of keys) {
        const c = await counters.get(key);
        if (c) out.push({ userId: key.slice(prefix.length, key.length - period.length - 1), counter: c });
      }
      return out;
    },
  };
}

export type UsageStore = ReturnType<typeof createUsageStore>;
