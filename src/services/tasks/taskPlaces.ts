/** A task's place in its scope's queue and its running slot: the records, their keys, the caps read from them. */
import { keys } from '../../db/keys.js';
import { scopeOf } from '../usage/guildLedger.js';
import type { TaskRecord } from './taskRecord.js';

/**
 * A task waiting in its scope's queue: whose it is, and the member's roles when they asked. The running caps
 * are read when deciding who starts (server settings and role limits as they are then), never kept here: a
 * cap kept from the time of the request could block the task forever once the limit changed. A member's
 * roles are only known from an interaction, so they are what is kept (a role lost since still counts until
 * the task starts, as it did when the request was accepted).
 */
export interface QueueEntry {
  userId: string;
  roleIds?: string[];
  /**
   * Entries written before roles were kept: the member's cap then. Read only as a floor that role raises of
   * that time keep (never 0, which is exactly the frozen block this replaced).
   */
  memberRunningCap?: number | null;
}

/** Which of two member caps lets more run (null: no cap). */
const moreRoom = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.max(a, b));

/** The member cap that applies to a queue entry now, from the current caps. */
export function memberCapOf(entry: QueueEntry, current: (roleIds: readonly string[]) => number | null): number | null {
  const now = current(entry.roleIds ?? []);
  if (entry.roleIds || entry.memberRunningCap === undefined || entry.memberRunningCap === 0) return now;
  return moreRoom(now, entry.memberRunningCap);
}

/** A task holding a running slot in its scope (what the queue's start-time estimate reads). */
export interface SlotEntry {
  userId: string;
  at: number;
  model: string;
  seconds: number;
  resolution?: string;
}

/** The queue and slot records of a task (each scope's queue is in key order: first come, first served). */
export function placeKeys(t: Pick<TaskRecord, 'id' | 'guildId' | 'userId' | 'userInstall' | 'queuedAt'>) {
  const scope = scopeOf(t);
  return {
    scope,
    queue: t.queuedAt !== undefined ? keys.queue(scope, t.queuedAt, t.id) : undefined,
    slot: keys.slot(scope, t.id),
  };
}

export const slotEntry = (t: TaskRecord, at: number): SlotEntry => ({
  userId: t.userId,
  at,
  model: t.model,
  seconds: t.cost.seconds,
  resolution: t.request.resolution,
});
