/**
 * Creates, submits and moves tasks through their states. Every move is written before the side effect
 * it allows, under a per-task lock, and usage is settled exactly once when a task reaches a final state.
 */
import { randomBytes } from 'node:crypto';
import { Mutex } from 'async-mutex';
import type { TaskStore } from '../../db/taskStore.js';
import type { Logger } from '../../logging/logger.js';
import { isSeedanceError } from '../seedance/errors.js';
import type { ReserveResult, UsageLedger } from '../usage/usageLedger.js';
import { assertTransition } from './stateMachine.js';
import { isFinal, type NewTask, type TaskError, type TaskRecord, type TaskState } from './taskRecord.js';

export type { NewTask };

export interface TaskServiceDeps {
  store: TaskStore;
  upstream: { createTask(body: Record<string, unknown>): Promise<{ taskId: string; status?: string }> };
  ledger: UsageLedger;
  logger: Logger;
  now?: () => number;
}

export type CreateResult = { ok: true; task: TaskRecord } | Extract<ReserveResult, { ok: false }>;

export const newTaskId = () => randomBytes(6).toString('base64url');

export function createTaskService(deps: TaskServiceDeps) {
  const now = deps.now ?? Date.now;
  const locks = new Map<string, Mutex>();
  const listeners: Array<(task: TaskRecord, previous: TaskState) => void> = [];
  const savedListeners: Array<(task: TaskRecord) => void> = [];

  const lockFor = (id: string) => {
    let m = locks.get(id);
    if (!m) locks.set(id, (m = new Mutex()));
    return m;
  };
  const logFor = (t: TaskRecord) =>
    deps.logger.child({ taskId: t.id, guildId: t.guildId, upstreamTaskId: t.upstreamTaskId });
  const scopeOf = (t: TaskRecord) => ({ guildId: t.guildId, userId: t.userId, model: t.model, cost: t.cost });

  /** Applies a change under the task's lock: checks the move, settles usage on final states, saves. */
  async function update(
    id: string,
    change: (t: TaskRecord) => Partial<TaskRecord> & { state?: TaskState },
  ): Promise<TaskRecord> {
    return lockFor(id).runExclusive(async () => {
      const current = await deps.store.get(id);
      if (!current) throw new Error(`unknown task ${id}`);
      const patch = change(current);
      const next: TaskRecord = { ...current, ...patch, updatedAt: now() };
      if (patch.state && patch.state !== current.state) assertTransition(current.state, patch.state);
      if (isFinal(next.state) && !isFinal(current.state)) {
        next.finishedAt = now();
        // Settle before saving, so a crash in between repeats the settlement rather than losing it;
        // the `usage` field makes it happen once.
        if (next.usage === 'reserved') {
          if (next.state === 'done') await deps.ledger.commit(id, scopeOf(next));
          else await deps.ledger.refund(id, scopeOf(next));
          next.usage = next.state === 'done' ? 'committed' : 'refunded';
        }
      }
      await deps.store.save(next);
      for (const l of savedListeners) l(next);
      if (patch.state && patch.state !== current.state) {
        logFor(next).info({ from: current.state, to: next.state, error: next.lastError }, 'task state changed');
        for (const l of listeners) l(next, current.state);
      }
      if (isFinal(next.state)) locks.delete(id);
      return next;
    });
  }

  return {
    get: (id: string) => deps.store.get(id),
    update,
    onStateChange(listener: (task: TaskRecord, previous: TaskState) => void) {
      listeners.push(listener);
    },
    /** Called after every saved change of a task (state or not), with the record as saved. */
    onSaved(listener: (task: TaskRecord) => void) {
      savedListeners.push(listener);
    },

    /** Reserves usage and writes the `accepted` record; a refusal by the ledger writes nothing. */
    async create(input: NewTask): Promise<CreateResult> {
      const id = newTaskId();
      const reserved = await deps.ledger.reserve(id, {
        guildId: input.guildId,
        userId: input.userId,
        model: input.model,
        cost: input.cost,
      });
      if (!reserved.ok) return reserved;
      const at = now();
      const task: TaskRecord = {
        ...input,
        id,
        state: 'accepted',
        attempts: 0,
        createdAt: at,
        updatedAt: at,
        usage: 'reserved',
      };
      await deps.store.save(task);
      logFor(task).info({ model: task.model, userId: task.userId }, 'task accepted');
      return { ok: true, task };
    },

    setMessage: (id: string, messageId: string) => update(id, () => ({ messageId })),
    /** The original reply was gone and the bot posted a new one: later edits go to it through the channel. */
    moveMessage: (id: string, channelId: string, messageId: string) =>
      update(id, () => ({ channelId, messageId, messageMoved: true })),

    /**
     * Sends the task upstream once. `submitting` is saved first: if the process dies during the call,
     * recovery cannot know whether a video was created and marks it `uncertain` instead of sending twice.
     */
    async submit(id: string): Promise<TaskRecord> {
      const task = await update(id, () => ({ state: 'submitting' }));
      try {
        const created = await deps.upstream.createTask({ ...task.request });
        return await update(id, () => ({
          state: 'running',
          upstreamTaskId: created.taskId,
          upstreamStatus: created.status ?? 'queued',
          submittedAt: now(),
        }));
      } catch (err) {
        const error = submitError(err);
        const uncertain = isSeedanceError(err) ? err.mayHaveReachedServer : true;
        logFor(task).warn({ err, uncertain }, 'task submission failed');
        return update(id, () => ({ state: uncertain ? 'uncertain' : 'failed', lastError: error }));
      }
    },

    /** After a restart: tasks caught in `submitting` have an unknown outcome upstream; never resend them. */
    async recoverInterrupted(): Promise<TaskRecord[]> {
      const open = await deps.store.listOpen();
      const out: TaskRecord[] = [];
      for (const t of open.filter((x) => x.state === 'submitting')) {
        out.push(
          await update(t.id, () => ({
            state: 'uncertain',
            lastError: { stage: 'restart', message: 'the bot restarted while sending this task' },
          })),
        );
      }
      return out;
    },

    listOpen: () => deps.store.listOpen(),
    listRecentByUser: (userId: string, limit?: number) => deps.store.listRecentByUser(userId, limit),
  };
}

function submitError(err: unknown): TaskError {
  if (isSeedanceError(err)) {
    const failureKind =
      err.kind === 'auth' ? 'auth' : err.kind === 'invalid_request' ? 'invalid_request' : 'upstream_unavailable';
    return { stage: 'submit', message: err.upstreamMsg ?? err.message, failureKind };
  }
  return {
    stage: 'submit',
    message: err instanceof Error ? err.message : String(err),
    failureKind: 'upstream_unavailable',
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
