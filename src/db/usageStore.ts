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

export const EMPTY_COUNTER: Counter = { tasks: 0, seconds: 0, perTaskUnits: 0, perSecondUnits: 0 };

export function createUsageStore(db: Database) {
  const counters = db.collection<Counter>('usage');
  const running = db.collection<number>('running');
  const last = db.collection<number>('last_request');
  const reservations = db.collection<Reservation>('reservations');
  const settings = db.collection<GuildSettings>('guild_settings');
  return {
    counter: async (key: string) => (await counters.get(key)) ?? { ...EMPTY_COUNTER },
    setCounter: (key: string, c: Counter) => counters.set(key, c),
    running: async (key: string) => (await running.get(key)) ?? 0,
    setRunning: (key: string, n: number) => running.set(key, Math.max(0, n)),
    lastRequest: async (key: string) => (await last.get(key)) ?? 0,
    setLastRequest: (key: string, at: number) => last.set(key, at),
    reservation: async (taskId: string) => (await reservations.get(taskId)) ?? undefined,
    setReservation: (r: Reservation) => reservations.set(r.taskId, r),
    settings: async (guildId: string): Promise<GuildSettings> => (await settings.get(guildId)) ?? {},
    setSettings: (guildId: string, s: GuildSettings) => settings.set(guildId, s),
    /** Every member's counter keys of one scope and period suffix, e.g. (`g123`, `m:2026-11`). */
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
