/**
 * What a server's queue holds right now, for its admins' view (/video-admin queue): the tasks holding a running
 * slot (oldest first, with when they took it) and the tasks waiting (first in line first, with position and
 * estimated start). Read-only; cancelling goes through the queue's own `cancel`, as a member's Cancel does.
 */
import { scopeOf } from '../usage/guildLedger.js';
import type { TaskRecord } from '../tasks/taskRecord.js';
import type { TaskService } from '../tasks/taskService.js';
import type { QueuePlace, TaskQueue } from './taskQueue.js';

export interface ServerQueue {
  running: Array<{ task: TaskRecord; since: number }>;
  waiting: Array<{ task: TaskRecord; place: QueuePlace }>;
  /** How many hold a slot and how many wait in all (the lists stop at `max`). */
  runningCount: number;
  waitingCount: number;
}

/** The first `max` running and `max` waiting tasks of a server's queue. */
export async function readServerQueue(
  deps: { tasks: Pick<TaskService, 'running' | 'getMany'>; queue: Pick<TaskQueue, 'places'> },
  guildId: string,
  max = 10,
): Promise<ServerQueue> {
  const scope = scopeOf({ guildId, userId: '', userInstall: false });
  const [slots, places] = await Promise.all([deps.tasks.running(scope), deps.queue.places(scope)]);
  const running = [...slots].sort((a, b) => a.entry.at - b.entry.at).slice(0, max);
  const waiting = places.slice(0, max);
  const records = await deps.tasks.getMany([...running.map((r) => r.id), ...waiting.map((w) => w.id)]);
  const byId = new Map(records.map((t) => [t.id, t]));
  return {
    running: running.flatMap(({ id, entry }) => {
      const task = byId.get(id);
      return task ? [{ task, since: entry.at }] : [];
    }),
    waiting: waiting.flatMap(({ id, place }) => {
      const task = byId.get(id);
      return task?.state === 'queued' ? [{ task, place }] : [];
    }),
    runningCount: slots.length,
    waitingCount: places.length,
  };
}
