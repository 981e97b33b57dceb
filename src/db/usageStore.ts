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

export interface GuildSettings {
  limits?: Partial<Limits>;
  timeZone?: string;
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
    settings: async (guildId: string) => (await settings.get(guildId)) ?? {},
    setSettings: (guildId: string, s: GuildSettings) => settings.set(guildId, s),
  };
}

export type UsageStore = ReturnType<typeof createUsageStore>;
