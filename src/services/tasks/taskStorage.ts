/**
 * How a task is stored: two records composed into the one TaskRecord the services use. The hot record
 * (`tasks:<id>`) holds what transitions change (state, upstream status and progress, attempts, times, error,
 * delivery, the card's message); the cold one (`task_details:<id>`) what is written at creation and rarely after
 * (the request, who asked and where, the interaction, cost, parent links, reservation, media review). A status
 * change then writes a few hundred bytes, not the whole request; the cold record is written only when one of
 * its fields changed (frozen records: a field not changed is the same object, so reference equality tells).
 * Records written whole by versions before the split (a `tasks:` record with no details record) are read as
 * they are and split the next time they are written.
 */
import { keys } from '../../db/keys.js';
import type { RecordStore, Tx } from '../../db/recordStore.js';
import type { TaskRecord } from './taskRecord.js';

/** The fields of the cold record; every other field is hot (a field added later is hot unless listed here). */
export const DETAIL_FIELDS = [
  'guildId',
  'channelId',
  'userId',
  'locale',
  'interaction',
  'uploadLimitBytes',
  'parentChannelId',
  'model',
  'request',
  'cost',
  'parentId',
  'parentKind',
  'parentUrl',
  'reservation',
  'review',
  'userInstall',
  'memberDefaults',
  'listedAt',
] as const satisfies ReadonlyArray<keyof TaskRecord>;

type DetailField = (typeof DETAIL_FIELDS)[number];
export type TaskDetails = Pick<TaskRecord, DetailField>;
export type HotTask = Omit<TaskRecord, DetailField>;

const isDetail = new Set<string>(DETAIL_FIELDS);

/** The task's row in its member's index of every task (My videos): written with the task, deleted with it. */
export const memberIndexKey = (task: Pick<TaskRecord, 'id' | 'userId' | 'createdAt' | 'listedAt'>): string =>
  keys.memberTask(task.userId, task.listedAt ?? task.createdAt, task.id);

/** Both records of a task, to declare in a transaction or read together. */
export const taskKeys = (id: string): [hot: string, details: string] => [keys.task(id), keys.taskDetails(id)];

/** One task from its two records (a whole record of an earlier version: as it is); undefined without a hot record. */
export function composeTask(hot: unknown, details: unknown): TaskRecord | undefined {
  if (!hot) return undefined;
  if (!details) return hot as TaskRecord;
  return { ...(details as TaskDetails), ...(hot as HotTask) } as TaskRecord;
}

/** The two records a task is stored as. */
export function splitTask(task: TaskRecord): { hot: HotTask; details: TaskDetails } {
  const hot: Record<string, unknown> = {};
  const details: Record<string, unknown> = {};
  for (const k of Object.keys(task)) {
    const v = (task as unknown as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (isDetail.has(k)) details[k] = v;
    else hot[k] = v;
  }
  return { hot: hot as HotTask, details: details as TaskDetails };
}

/** Whether `task` carries exactly the stored details (by reference: records are frozen, unchanged fields shared). */
function sameDetails(stored: TaskDetails, task: TaskRecord): boolean {
  for (const k of DETAIL_FIELDS) if (stored[k] !== task[k]) return false;
  return true;
}

/** Inside a transaction that declared `taskKeys(id)`: the task as stored. */
export function readTask(tx: Tx, id: string): TaskRecord | undefined {
  const hot = tx.get(keys.task(id));
  if (!hot) return undefined;
  // Frozen like every value a transaction reads (its parts already are).
  return Object.freeze(composeTask(hot, tx.get(keys.taskDetails(id))));
}

/**
 * Inside a transaction that declared `taskKeys(task.id)`: stores `task`, its hot record always, its details
 * only when one of their fields changed (or none are stored yet: a new task, or a whole record of an earlier version).
 */
export function writeTask(tx: Tx, task: TaskRecord): void {
  const detailsKey = keys.taskDetails(task.id);
  const stored = tx.get<TaskDetails>(detailsKey);
  const { hot, details } = splitTask(task);
  tx.set(keys.task(task.id), hot);
  if (!stored || !sameDetails(stored, task)) tx.set(detailsKey, details);
}

/** Inside a transaction that declared `taskKeys(id)`: removes both records. */
export function deleteTask(tx: Tx, id: string): void {
  tx.delete(keys.task(id));
  tx.delete(keys.taskDetails(id));
}

/** Tasks by id, both records of each in one read (missing ones left out). */
export async function readTasks(store: RecordStore, ids: readonly string[]): Promise<Map<string, TaskRecord>> {
  const found = await store.getMany<unknown>(ids.flatMap(taskKeys));
  const out = new Map<string, TaskRecord>();
  for (const id of ids) {
    const t = composeTask(found.get(keys.task(id)), found.get(keys.taskDetails(id)));
    if (t) out.set(id, t);
  }
  return out;
}

/** One task, both records in one read (with other reads asked for in the same turn). */
export async function readOneTask(store: RecordStore, id: string): Promise<TaskRecord | undefined> {
  const [hot, details] = await Promise.all([store.get(keys.task(id)), store.get(keys.taskDetails(id))]);
  return composeTask(hot, details);
}
