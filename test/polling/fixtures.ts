/** Task records and a fake-clock stepper shared by the poller's unit tests (scheduler, checker, workers, poller). */
import { vi } from 'vitest';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';

/** A task of one member in guild g1, in `state`, made at `at`; `extra` overrides any field. */
export function taskAt(
  id: string,
  state: TaskRecord['state'],
  at: number,
  extra: Partial<TaskRecord> = {},
): TaskRecord {
  return {
    id,
    guildId: 'g1',
    channelId: 'c1',
    userId: 'u1',
    locale: 'en-US',
    interaction: { applicationId: 'app', token: 'tok', createdAt: at },
    model: 'm',
    request: {} as TaskRecord['request'],
    cost: {} as TaskRecord['cost'],
    state,
    attempts: 0,
    createdAt: at,
    updatedAt: at,
    usage: 'reserved',
    ...extra,
  };
}

/** A task rendering upstream since now (the fake clock's now). */
export const runningTask = (id: string, extra: Partial<TaskRecord> = {}): TaskRecord =>
  taskAt(id, 'running', Date.now(), {
    upstreamTaskId: `up-${id}`,
    upstreamStatus: 'queued',
    submittedAt: Date.now(),
    ...extra,
  });

/** Runs the fake clock forward, letting promises and the budget's setImmediate turns settle on the way. */
export async function advance(ms: number): Promise<void> {
  const end = Date.now() + ms;
  do {
    for (let i = 0; i < 10; i += 1) await new Promise((r) => setImmediate(r));
    // A step of 0 still fires what is due now.
    await vi.advanceTimersByTimeAsync(Math.min(end - Date.now(), 10));
  } while (Date.now() < end);
  for (let i = 0; i < 10; i += 1) await new Promise((r) => setImmediate(r));
}
