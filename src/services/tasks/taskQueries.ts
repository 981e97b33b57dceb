/** Read-only queries over tasks and their indexes: by id, open tasks, a member's recent tasks, queues and slots. */
import { idOf, keys, prefixes } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import type { OpenEntry } from '../cluster/taskLeases.js';
import type { QueueEntry, SlotEntry } from './taskPlaces.js';
import type { TaskRecord } from './taskRecord.js';
import { readTasks } from './taskStorage.js';

export function createTaskQueries(store: RecordStore) {
  return {
    /** Tasks by id (missing ones left out). */
    async getMany(ids: readonly string[]): Promise<TaskRecord[]> {
      const found = await readTasks(store, ids);
      return ids.map((id) => found.get(id)).filter((t): t is TaskRecord => !!t);
    },

    /** Tasks the bot still has work on (to submit, poll, deliver, or tell the member about). */
    async listOpen(): Promise<TaskRecord[]> {
      const out: TaskRecord[] = [];
      for await (const page of store.pages<OpenEntry>(prefixes.open, 2000)) {
        const found = await readTasks(
          store,
          page.map(([k]) => k.slice(prefixes.open.length)),
        );
        for (const t of found.values()) if (!t.toldAt) out.push(t);
      }
      return out;
    },

    /** Open tasks (not yet told) by state: one pass over the open index (metrics). */
    async countOpenByState(): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for await (const page of store.pages<OpenEntry>(prefixes.open, 2000)) {
        // Only the hot records: the state is all this needs.
        const found = await store.getMany<{ state: string; toldAt?: number }>(
          page.map(([k]) => keys.task(k.slice(prefixes.open.length))),
        );
        for (const t of found.values()) if (!t.toldAt) counts[t.state] = (counts[t.state] ?? 0) + 1;
      }
      return counts;
    },

    async listRecentByUser(userId: string, limit = 10): Promise<TaskRecord[]> {
      const ids = ((await store.get<string[]>(keys.userTasks(userId))) ?? []).slice(0, limit);
      const found = await readTasks(store, ids);
      return ids.map((id) => found.get(id)).filter((t): t is TaskRecord => !!t);
    },

    /** The tasks waiting in `scope`'s queue, first in line first (ids and entries, no task records). */
    async waiting(scope: string, limit = 5000): Promise<Array<{ id: string; entry: QueueEntry }>> {
      const prefix = prefixes.queueOf(scope);
      const out: Array<{ id: string; entry: QueueEntry }> = [];
      for await (const page of store.pages<QueueEntry>(prefix, 1000)) {
        for (const [k, entry] of page) out.push({ id: k.slice(k.lastIndexOf(':') + 1), entry });
        if (out.length >= limit) break;
      }
      return out.slice(0, limit);
    },

    /** Every scope with a task waiting in its queue. */
    async queuedScopes(): Promise<string[]> {
      const scopes = new Set<string>();
      for await (const page of store.pages<QueueEntry>(prefixes.queue, 2000))
        for (const [k] of page) scopes.add(k.split(':')[1]!);
      return [...scopes];
    },

    /** The tasks holding a running slot in `scope`. */
    async running(scope: string): Promise<Array<{ id: string; entry: SlotEntry }>> {
      const prefix = prefixes.slotsOf(scope);
      return (await store.scan<SlotEntry>(prefix)).map(([k, entry]) => ({ id: idOf(k, prefix), entry }));
    },
  };
}

export type TaskQueries = ReturnType<typeof createTaskQueries>;
