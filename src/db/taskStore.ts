/**
 * Durable task records in SQLite: the record itself, an index of unfinished tasks (what the poller
 * resumes on start) and each member's recent task ids (for /tasks).
 */
import { Mutex } from 'async-mutex';
import { isFinal, type TaskRecord } from '../services/tasks/taskRecord.js';
import type { Database } from './openDatabase.js';

const RECENT_PER_USER = 25;

export interface TaskStore {
  get(id: string): Promise<TaskRecord | undefined>;
  /** Writes the record and keeps both indexes in step with its state. */
  save(record: TaskRecord): Promise<void>;
  listOpen(): Promise<TaskRecord[]>;
  listRecentByUser(userId: string, limit?: number): Promise<TaskRecord[]>;
}

export function createTaskStore(db: Database): TaskStore {
  const tasks = db.collection<TaskRecord>('tasks');
  const open = db.collection<number>('open_tasks');
  const recent = db.collection<string[]>('user_tasks');
  // The per-user list is read-modify-write; one process owns it, so an in-process lock is enough.
  const recentLock = new Mutex();

  return {
    get: async (id) => (await tasks.get(id)) ?? undefined,
    async save(record) {
      const isNew = !(await tasks.has(record.id));
      await tasks.set(record.id, record);
      if (isFinal(record.state)) await open.delete(record.id);
      else await open.set(record.id, record.createdAt);
      if (isNew) {
        await recentLock.runExclusive(async () => {
          const ids = (await recent.get(record.userId)) ?? [];
          await recent.set(record.userId, [record.id, ...ids.filter((x) => x !== record.id)].slice(0, RECENT_PER_USER));
        });
      }
    },
    async listOpen() {
      const ids = await db.keys('open_tasks');
      const records = await Promise.all(ids.map((id) => tasks.get(id)));
      return records.filter((r): r is TaskRecord => !!r && !isFinal(r.state));
    },
    async listRecentByUser(userId, limit = 10) {
      const ids = ((await recent.get(userId)) ?? []).slice(0, limit);
      const records = await Promise.all(ids.map((id) => tasks.get(id)));
      return records.filter((r): r is TaskRecord => !!r);
    },
  };
}
