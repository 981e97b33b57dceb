/** What the poller remembers of the tasks it follows (all rebuilt from the store after a restart). */
import type { TaskLeases } from '../cluster/taskLeases.js';
import { isFinal, type TaskRecord } from '../tasks/taskRecord.js';
import type { TaskService } from '../tasks/taskService.js';

/** A render's status word and percentage as last shown to the member. */
export type ShownProgress = Pick<TaskRecord, 'upstreamStatus' | 'progress'>;

/**
 * `watching(id)`: whether the task is scheduled or being checked, so a record saved elsewhere (the front end,
 * the queue) replaces the copy kept here.
 */
export function createFollowedTasks(tasks: TaskService, leases: TaskLeases, watching: (id: string) => boolean) {
  /** The records of tasks being followed, kept as last saved, so a routine poll reads no database. */
  const records = new Map<string, TaskRecord>();
  /** Progress seen but not yet worth a database write (shown to the member all the same). */
  const live = new Map<string, ShownProgress>();
  /** Queries made per task since it was loaded; persisted only with a visible change, to spare writes. */
  const attempts = new Map<string, number>();
  /** "Not found" answers in a row per task. */
  const notFound = new Map<string, number>();

  tasks.onSaved((t) => {
    if (isFinal(t.state)) {
      records.delete(t.id);
      live.delete(t.id);
      attempts.delete(t.id);
      notFound.delete(t.id);
      if (t.toldAt) leases.drop(t.id);
    } else if (records.has(t.id) || watching(t.id)) {
      records.set(t.id, t);
    }
  });

  return {
    records,
    live,
    attempts,
    notFound,
    /** Counts one more query (or review check) of a task whose record says `saved` were made; returns the count. */
    countQuery(id: string, saved: number): number {
      const n = Math.max(attempts.get(id) ?? 0, saved) + 1;
      attempts.set(id, n);
      return n;
    },
    /**
     * Keeps the record of a task just taken on or handed over, as read or saved: its first check then reads no
     * database either. An ended or told task is not kept, nor does it replace a copy already kept (saves made
     * here keep that one current).
     */
    remember(task: TaskRecord): void {
      if (!task.toldAt && !isFinal(task.state) && !records.has(task.id)) records.set(task.id, task);
    },
    /** Drops what is kept of a task another process now follows. */
    forget(id: string): void {
      records.delete(id);
      live.delete(id);
      attempts.delete(id);
    },
  };
}

export type FollowedTasks = ReturnType<typeof createFollowedTasks>;
