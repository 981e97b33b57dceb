/**
 * The task service: one object composing task creation (`createTask.ts`), sending (`submitTask.ts`), named
 * transitions run in one transaction each (`transitionRunner.ts`), queue starts (`startQueued.ts`) and queries
 * (`taskQueries.ts`).
 */
import type { RecordStore } from '../../db/recordStore.js';
import type { Logger } from '../../logging/logger.js';
import type { TaskLeases } from '../cluster/taskLeases.js';
import type { GuildLedger, Refusal } from '../usage/guildLedger.js';
import type { Checkpoint } from './checkpoints.js';
import { type CreateResult, taskCreator } from './createTask.js';
import { queueStarter } from './startQueued.js';
import { createSubmitter, type ReviewSubmission, type SubmitUpstream } from './submitTask.js';
import type { NewTask, TaskRecord } from './taskRecord.js';
import { createTaskQueries } from './taskQueries.js';
import type { TransitionArgs } from './transitions.js';
import {
  type ApplyOptions,
  createTransitionRunner,
  type EndName,
  type TransitionRunnerDeps,
} from './transitionRunner.js';

export type { NewTask };
export type { Checkpoint } from './checkpoints.js';
export { type Claimed, type CreateResult, newTaskId } from './createTask.js';
export { placeKeys, type QueueEntry, type SlotEntry } from './taskPlaces.js';
export { type ApplyOptions, type Transitioned, UnknownTaskError } from './transitionRunner.js';

export interface TaskServiceDeps {
  store: RecordStore;
  upstream: SubmitUpstream;
  ledger: GuildLedger;
  logger: Logger;
  now?: () => number;
  /** Called at each checkpoint (no-op in production). */
  checkpoint?: (name: Checkpoint, task: TaskRecord) => void;
  /** Which process works on which task; a task this process creates is leased to it. */
  leases?: TaskLeases;
  /**
   * Waits before saving again what a create (or review) call answered, when the database failed to save it
   * (a hiccup): the answer exists only in memory, so it is not given up at the first failure.
   */
  saveRetryMs?: readonly number[];
  /** The media review of Manxue models' uploads (submission and reuse cache); without it nothing is reviewed. */
  review?: ReviewSubmission;
  /** More writes of the transaction that makes a task `done` (the gallery queues the video there). */
  onDelivered?: TransitionRunnerDeps['onDelivered'];
}

export function createTaskService(deps: TaskServiceDeps) {
  const { store, ledger, logger, leases } = deps;
  const now = deps.now ?? Date.now;
  const checkpoint = deps.checkpoint ?? (() => undefined);
  const refusedListeners: Array<(refusal: Refusal) => void> = [];

  const runner = createTransitionRunner({
    store,
    ledger,
    logger,
    now,
    checkpoint,
    leases,
    onDelivered: deps.onDelivered,
  });
  const queries = createTaskQueries(store);
  const createTask = taskCreator({
    store,
    ledger,
    logger,
    now,
    checkpoint,
    leases,
    available: deps.upstream.available ? () => deps.upstream.available!() : undefined,
  });
  const submitter = createSubmitter({
    upstream: deps.upstream,
    review: deps.review,
    logger,
    checkpoint,
    saveRetryMs: deps.saveRetryMs,
    runner,
  });
  const { tryApply, apply, tryEnd } = runner;

  return {
    get: runner.get,
    apply,
    tryApply,
    /** Starts the first tasks of `scope`'s queue that fit, in one transaction (see `startQueued.ts`). */
    startQueued: queueStarter({ store, ledger, now, runner, queries }),
    waiting: queries.waiting,
    queuedScopes: queries.queuedScopes,
    running: queries.running,
    onStateChange: runner.onStateChange,
    onSaved: runner.onSaved,
    /** Called for every request refused by a limit (or because no API key can take it). */
    onRefused(listener: (refusal: Refusal) => void) {
      refusedListeners.push(listener);
    },

    /** Reserves usage and writes the `accepted` task with its indexes, all in one transaction; a refusal writes nothing. */
    async create(input: NewTask, options: { roleIds?: readonly string[] } = {}): Promise<CreateResult> {
      const result = await createTask(input, options);
      if (!result.ok && !('claimed' in result)) for (const l of refusedListeners) l(result);
      return result;
    },

    attachMessage: (id: string, messageId: string) => apply(id, 'attachMessage', { messageId }),
    submit: submitter.submit,
    resumeSubmit: submitter.resumeSubmit,
    tryEnd,

    /** `tryEnd`, with undefined for a refusal. */
    async end<N extends EndName>(
      id: string,
      name: N,
      args: TransitionArgs<N>,
      known?: TaskRecord,
      options: ApplyOptions = {},
    ): Promise<TaskRecord | undefined> {
      const ended = await tryEnd(id, name, args, known, options);
      return ended.ok ? ended.task : undefined;
    },

    getMany: queries.getMany,
    listOpen: queries.listOpen,
    countOpenByState: queries.countOpenByState,
    listRecentByUser: queries.listRecentByUser,
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
