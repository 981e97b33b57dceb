/**
 * Creates a task: the usage reservation, the record, its indexes (open tasks, the member's recent ones and their
 * index of every task) and its queue place or slot, in one transaction.
 */
import { randomBytes } from 'node:crypto';
import { keys } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import type { Logger } from '../../logging/logger.js';
import type { OpenEntry, TaskLeases } from '../cluster/taskLeases.js';
import type { GuildLedger, Refusal } from '../usage/guildLedger.js';
import type { Checkpoint } from './checkpoints.js';
import { placeKeys, type QueueEntry, slotEntry } from './taskPlaces.js';
import type { NewTask, TaskRecord } from './taskRecord.js';
import { taskKeys, writeTask } from './taskStorage.js';

/** Another process sharing the database took this interaction first: it answers, this one stays silent. */
export type Claimed = { ok: false; claimed: true };
export type CreateResult = { ok: true; task: TaskRecord } | Refusal | Claimed;

/** How many of a member's task ids `user_tasks:<user>` keeps, newest first (/tasks list, the web's My videos). */
export const RECENT_PER_USER = 25;

// Ids are cut from a pool of random text: 6 random bytes are exactly 8 base64url characters, and one system
// call then serves 512 ids (a burst of /video would otherwise spend its time in crypto calls).
let idPool = '';
/** A short, url-safe, unguessable id (6 random bytes, base64url). */
export function newTaskId(): string {
  if (idPool.length < 8) idPool = randomBytes(6 * 512).toString('base64url');
  const id = idPool.slice(0, 8);
  idPool = idPool.slice(8);
  return id;
}

export interface CreateTaskDeps {
  store: RecordStore;
  ledger: GuildLedger;
  logger: Logger;
  now: () => number;
  checkpoint: (name: Checkpoint, task: TaskRecord) => void;
  leases?: TaskLeases;
  /** False when no API key can take a task now: requests are refused before anything is reserved. */
  available?: () => boolean;
}

/** Returns `create`: reserves usage and writes the task with its indexes; a refusal writes nothing. */
export function taskCreator(deps: CreateTaskDeps) {
  const { store, ledger, now } = deps;
  return async function createTask(input: NewTask, options: { roleIds?: readonly string[] }): Promise<CreateResult> {
    // No API key can take it (all refused or out of balance): refused before anything is reserved.
    if (deps.available && !deps.available()) return { ok: false, key: 'limit.account_unavailable', params: {} };
    const id = newTaskId();
    const plan = await ledger.plan({
      guildId: input.guildId,
      userId: input.userId,
      roleIds: options.roleIds,
      model: input.model,
      cost: input.cost,
      ...(input.userInstall ? { userInstall: true } : {}),
    });
    const at = now();
    const place = placeKeys({
      id,
      guildId: input.guildId,
      userId: input.userId,
      userInstall: input.userInstall,
      queuedAt: at,
    });
    // Processes sharing a database all receive the interaction (a rolling deploy): the first to commit its
    // claim answers it, in the same transaction as the reservation, so no one else reserves for it.
    const claim = store.shared && input.interaction.id ? keys.claim(input.interaction.id) : undefined;
    // The member's index of every task (My videos) is keyed by `at`: a key must be known before the transaction.
    const listed = keys.memberTask(input.userId, at, id);
    const result = await store.transact(
      [
        ...taskKeys(id),
        keys.open(id),
        keys.userTasks(input.userId),
        listed,
        place.queue!,
        place.slot,
        ...plan.keys,
        ...(claim ? [claim] : []),
      ],
      (tx): CreateResult => {
        if (claim) {
          if (tx.get(claim)) return { ok: false, claimed: true };
          tx.set(claim, { taskId: id, at });
        }
        const reserved = plan.reserve(tx);
        if (!reserved.ok) return reserved;
        const queued = reserved.slot === 'queued';
        // Dated with the records held (see transitionRunner); the queue place's key carries `at`, read before.
        const inside = now();
        const task: TaskRecord = {
          ...input,
          id,
          state: queued ? 'queued' : 'accepted',
          attempts: 0,
          createdAt: inside,
          updatedAt: inside,
          listedAt: at,
          ...(queued ? { queuedAt: at } : { startedAt: inside }),
          usage: 'reserved',
          reservation: reserved.reservation,
        };
        writeTask(tx, task);
        if (queued)
          tx.set(place.queue!, { userId: input.userId, roleIds: [...(options.roleIds ?? [])] } satisfies QueueEntry);
        else tx.set(place.slot, slotEntry(task, inside));
        tx.set(
          keys.open(id),
          deps.leases?.entryFor(id, at, input.guildId) ??
            ({ createdAt: at, guildId: input.guildId } satisfies OpenEntry),
        );
        const recent = tx.get<string[]>(keys.userTasks(input.userId)) ?? [];
        tx.set(keys.userTasks(input.userId), [id, ...recent.filter((x) => x !== id)].slice(0, RECENT_PER_USER));
        tx.set(listed, 1);
        return { ok: true, task };
      },
    );
    if (result.ok) {
      const t = result.task;
      deps.logger.info(
        { taskId: t.id, guildId: t.guildId, model: t.model, userId: t.userId, state: t.state },
        t.state === 'queued' ? 'task queued for a running slot' : 'task accepted',
      );
      deps.checkpoint('task.created', t);
    }
    return result;
  };
}
