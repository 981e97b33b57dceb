/**
 * Every record key the bot uses, in one place. Keys are `<collection>:<id>`; collections that are read as
 * ranges are laid out so each range is contiguous (a month's member counters, finished tasks by time).
 */

/** Timestamps in keys are zero-padded so that key order is time order. */
const pad = (ms: number) => String(Math.max(0, Math.floor(ms))).padStart(15, '0');

export const keys = {
  /** A task record. */
  task: (id: string) => `tasks:${id}`,
  /** Index of tasks the bot still has work on (submit, poll, deliver, tell the member). */
  open: (id: string) => `open_tasks:${id}`,
  /** A member's most recent task ids, newest first. */
  userTasks: (userId: string) => `user_tasks:${userId}`,
  /** Index of finished tasks by the time they finished (retention). */
  finished: (finishedAt: number, id: string) => `finished_tasks:${pad(finishedAt)}:${id}`,
  /** A server's own settings. */
  settings: (guildId: string) => `guild_settings:${guildId}`,
  /** A usage counter of a scope (`g<guild>` or `dm<user>`) for a period (`d:2026-11-24`, `m:2026-11`), optionally of one member. */
  counter: (scope: string, period: string, userId?: string) =>
    userId ? `usage:${scope}:${period}:u${userId}` : `usage:${scope}:${period}`,
  /** Videos rendering at once in a scope, optionally of one member. */
  running: (scope: string, userId?: string) => (userId ? `running:${scope}:u${userId}` : `running:${scope}`),
  /** When a member last asked (cooldown). */
  lastRequest: (scope: string, userId: string) => `last_request:${scope}:u${userId}`,
  /** Store metadata (schema version). */
  meta: (name: string) => `meta:${name}`,
  /** Reservation records of the first schema (now part of the task record); read by the upgrade only. */
  legacyReservation: (taskId: string) => `reservations:${taskId}`,
} as const;

export const prefixes = {
  task: 'tasks:',
  open: 'open_tasks:',
  userTasks: 'user_tasks:',
  finished: 'finished_tasks:',
  usage: 'usage:',
  running: 'running:',
  lastRequest: 'last_request:',
  legacyReservation: 'reservations:',
  /** Every member counter of one scope and period, e.g. (`g1`, `m:2026-11`). */
  memberCounters: (scope: string, period: string) => `usage:${scope}:${period}:u`,
} as const;

/** The id part of a key of a collection (`tasks:abc` → `abc`). */
export const idOf = (key: string, prefix: string) => key.slice(prefix.length);

/** The upper bound (exclusive) of finished-task keys that finished before `at`. */
export const finishedBefore = (at: number) => `finished_tasks:${pad(at)}:`;
