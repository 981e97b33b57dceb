/**
 * Checks due tasks on a p-queue of bounded concurrency: asks the vendor for a running task's status within the
 * query budget, applies what the answer means (progress, delivering, failed, timed out) and hands the rest on
 * (finished videos and endings to the delivery worker, tasks in review to the review worker).
 */
import PQueue from 'p-queue';
import type { Logger } from '../../logging/logger.js';
import { LeaseLostError, type TaskLeases } from '../cluster/taskLeases.js';
import { isSeedanceError } from '../seedance/errors.js';
import type { TaskSnapshot } from '../seedance/parse.js';
import { isFinal, type TaskRecord } from '../tasks/taskRecord.js';
import type { ApplyOptions, TaskService } from '../tasks/taskService.js';
import type { DeliveryWorker } from './deliveryWorker.js';
import type { FollowedTasks } from './followedTasks.js';
import type { HandOff } from './handOff.js';
import type { QueryGate } from './queryGate.js';
import type { ReviewWorker } from './reviewWorker.js';
import type { Scheduler } from './scheduler.js';
import type { TaskPresenter } from './taskPresenter.js';

export interface Upstream {
  /** `key`: the fingerprint of the API key that created the task (several keys: it is queried with that one). */
  getTask(
    taskId: string,
    options?: { retries?: number; beforeSend?: () => Promise<void>; key?: string },
  ): Promise<TaskSnapshot>;
}

export interface CheckerDeps {
  tasks: TaskService;
  upstream: Upstream;
  presenter: TaskPresenter;
  logger: Logger;
  now: () => number;
  /** Checks under way at once. */
  concurrency: number;
  /** The budget at start: with the concurrency, how many due tasks the checker takes at a time. */
  queriesPerSecond: number;
  deadlineMs: number;
  /** The longest pause a Retry-After may impose (POLL_MAX_BACKOFF_SEC). */
  maxBackoffMs: number;
  /** An unexpected failure of a check: looked at again after this long. */
  minIntervalMs: number;
  own: ApplyOptions;
  leases: Pick<TaskLeases, 'shared' | 'holds'>;
  followed: FollowedTasks;
  scheduler: Pick<Scheduler, 'running' | 'has' | 'later' | 'next' | 'delayFor' | 'put' | 'arm'>;
  gate: Pick<QueryGate, 'pass' | 'slowDown' | 'pauseFor' | 'stats' | 'clear'>;
  delivery: Pick<DeliveryWorker, 'deliver' | 'tell'>;
  review: Pick<ReviewWorker, 'check'>;
  handOff: Pick<HandOff, 'endAndTell' | 'submitRecovered' | 'resumeSubmit'>;
  /** Stops following a task (another process has it). */
  forget(id: string, why: string): void;
  /** The vendor says `task` finished with a video (its answer, and when the query that saw it went out). */
  finished?: (task: TaskRecord, snap: TaskSnapshot, seenAt: number) => void;
}

const NOT_FOUND_LIMIT = 5;
/**
 * A render's status word and percentage are saved at most this often: what another process, a restart or
 * `/tasks status` reads from the record is then at most a minute behind the card (which shows every change).
 * The first change of most renders then comes before a minute and is not written at all.
 */
export const PROGRESS_SAVE_MS = 60_000;
/**
 * The checker's saves (a progress; a finished video's `delivering`, written before it is handed over) may wait this
 * long to be committed with others: they arrive one by one as answers come, up to hundreds a second, and a commit
 * costs more than the saves in it (SQLite, this kind of machine, all threads, a delivered task's change: about
 * 140–180 µs of CPU committed alone, 40–45 µs eight to a commit; PostgreSQL: about 250 µs alone, 60 µs eight). Nobody waits on them by the millisecond; anything else is committed
 * at once and takes waiting saves along. `done` is not gathered: between the upload and it, a crash would post the
 * video again.
 */
export const SAVE_GATHER_MS = 20;

/**
 * Past its deadline a task waits for one more status answer; when none comes (every query failing) it is
 * timed out after this much longer anyway, so an unreachable upstream cannot hold its usage for ever.
 */
const DEADLINE_GRACE_MS = 10 * 60_000;

export function createChecker(deps: CheckerDeps) {
  const { now, followed, scheduler, gate, delivery, handOff, own } = deps;
  const gathered: ApplyOptions = { ...own, gatherMs: SAVE_GATHER_MS };
  const queue = new PQueue({ concurrency: deps.concurrency });
  const inFlight = new Set<string>();
  /** Tasks whose check came due while an earlier check of theirs was still running. */
  const dueAgain = new Set<string>();
  const log = (t: Pick<TaskRecord, 'id' | 'guildId' | 'upstreamTaskId'>) =>
    deps.logger.child({ taskId: t.id, guildId: t.guildId, upstreamTaskId: t.upstreamTaskId });

  async function check(id: string): Promise<void> {
    if (deps.leases.shared && !deps.leases.holds(id)) return deps.forget(id, 'this process no longer holds it');
    let task = followed.records.get(id);
    if (!task) {
      task = await deps.tasks.get(id);
      if (!task) return;
      if (!task.toldAt) followed.records.set(id, task);
    }
    if (task.toldAt) return;
    // Waiting for a running slot: the queue starts it (services/queue), then it comes back here.
    if (task.state === 'queued') return;
    if (isFinal(task.state)) return delivery.tell(task);
    if (task.state === 'delivering') return delivery.deliver(task);
    if (task.state === 'accepted') return handOff.submitRecovered(task);
    if (task.state === 'submitting' || task.state === 'review_submitting') return handOff.resumeSubmit(task);
    if (task.state === 'reviewing') return deps.review.check(task);
    if (task.state !== 'running' || !task.upstreamTaskId) return;
    return query(task, task.upstreamTaskId);
  }

  /** Asks for a running task's status and applies the answer; past its deadline, it ends only if still unfinished. */
  async function query(task: TaskRecord, upstreamTaskId: string): Promise<void> {
    const { id } = task;
    const started = task.submittedAt ?? task.createdAt;
    // The deadline is judged when the query goes out (after any wait for the budget): a task past it ends
    // only when that query says it is still not finished.
    let sentAt = now();
    let snap: TaskSnapshot;
    try {
      gate.stats.queries += 1;
      snap = await deps.upstream.getTask(upstreamTaskId, {
        retries: 0,
        key: task.upstreamKey,
        beforeSend: async () => {
          await gate.pass();
          sentAt = now();
        },
      });
    } catch (err) {
      if (now() - started > deps.deadlineMs + Math.max(DEADLINE_GRACE_MS, 5 * deps.maxBackoffMs)) {
        log(task).warn({ err }, 'past the deadline and no status answer since: timing out');
        return timeOut(task);
      }
      return queryFailed(task, err);
    }
    const pastDeadline = sentAt - started > deps.deadlineMs;
    followed.notFound.delete(id);
    const attempts = followed.countQuery(id, task.attempts);
    if (snap.state === 'succeeded' && snap.videoUrl) {
      const next = await deps.tasks.apply(
        id,
        'markDelivering',
        { videoUrl: snap.videoUrl, status: snap.rawStatus, attempts },
        task,
        gathered,
      );
      deps.finished?.(task, snap, sentAt);
      return delivery.deliver(next, { fresh: true });
    }
    if (snap.state === 'failed' || snap.state === 'cancelled' || snap.state === 'succeeded') {
      const reason =
        snap.state === 'succeeded'
          ? 'no_video'
          : snap.state === 'cancelled'
            ? 'cancelled'
            : (snap.failureKind ?? 'unknown');
      return handOff.endAndTell(task, 'fail', {
        stage: 'upstream',
        reason,
        detail: snap.errorMessage ?? snap.rawStatus,
      });
    }
    if (pastDeadline) return timeOut(task);
    // Only what a member would notice counts as a change: a new status word or a new percentage. The member
    // sees every change (the card); the record (`task`, as last saved) takes the status word and a percentage
    // in a new tenth once its last save is PROGRESS_SAVE_MS old, whether or not this answer changed anything.
    const shown = followed.live.get(id) ?? task;
    const changed =
      snap.rawStatus !== shown.upstreamStatus ||
      (snap.progress !== undefined && snap.progress !== (shown.progress ?? 0));
    const progress = snap.progress ?? shown.progress;
    const behind =
      snap.rawStatus !== task.upstreamStatus ||
      Math.floor((progress ?? 0) / 10) !== Math.floor((task.progress ?? 0) / 10);
    if (behind && sentAt - task.updatedAt >= PROGRESS_SAVE_MS) {
      const saved = await deps.tasks.apply(
        id,
        'recordProgress',
        { status: snap.rawStatus, progress, attempts },
        task,
        gathered,
      );
      followed.live.delete(id);
      if (changed) await deps.presenter.progress(saved);
    } else if (changed) {
      // Only what was shown is kept until the next answer (a copy of the whole record, kept that long, would
      // outlive the young generation and leave the old one a few hundred bytes of garbage per query).
      followed.live.set(id, { upstreamStatus: snap.rawStatus, progress });
      await deps.presenter.progress({ ...task, upstreamStatus: snap.rawStatus, progress });
    }
    scheduler.next(task, attempts);
  }

  function timeOut(task: TaskRecord): Promise<void> {
    return handOff.endAndTell(task, 'timeOut', { minutes: Math.max(1, Math.round(deps.deadlineMs / 60_000)) });
  }

  async function queryFailed(task: TaskRecord, err: unknown): Promise<void> {
    const attempts = followed.countQuery(task.id, task.attempts);
    const delay = scheduler.delayFor(task, attempts);
    if (isSeedanceError(err) && err.kind === 'rate_limited') {
      gate.slowDown(err);
      scheduler.later(task.id, Math.max(delay, gate.pauseFor(err)));
      return;
    }
    if (isSeedanceError(err) && err.kind === 'not_found') {
      const n = (followed.notFound.get(task.id) ?? 0) + 1;
      followed.notFound.set(task.id, n);
      if (n >= NOT_FOUND_LIMIT) {
        followed.notFound.delete(task.id);
        return handOff.endAndTell(task, 'fail', { stage: 'upstream', reason: 'not_found' });
      }
    }
    log(task).warn({ err }, 'status query failed; will try again');
    scheduler.later(task.id, delay);
  }

  return {
    /** How many due tasks the checker can start soon (the scheduler takes no more from its heap). */
    room: (): number => Math.max(0, deps.concurrency + deps.queriesPerSecond * 2 - queue.size - queue.pending),
    /** Checks a due task (once at a time per task). */
    dispatch(id: string): void {
      // Due again while its last check still runs (a send followed by a slow card edit): run it right after
      // that check ends, never drop it (the task would never be asked again).
      if (inFlight.has(id)) {
        dueAgain.add(id);
        return;
      }
      inFlight.add(id);
      void queue
        .add(() => check(id))
        .catch((err: unknown) => {
          if (err instanceof LeaseLostError) return deps.forget(id, 'its lease was taken over');
          // A database or Discord hiccup must not drop the task: look at it again later.
          deps.logger.error({ err, taskId: id }, 'task check failed unexpectedly');
          if (scheduler.running) scheduler.put(id, now() + deps.minIntervalMs);
        })
        .finally(() => {
          inFlight.delete(id);
          if (dueAgain.delete(id) && scheduler.running && !scheduler.has(id)) scheduler.put(id, now());
          scheduler.arm();
        });
    },
    has: (id: string): boolean => inFlight.has(id),
    /** Checks queued or under way. */
    get pending(): number {
      return inFlight.size;
    },
    /** Drops checks not started, lets queries waiting for the budget go; waits up to `graceMs` for the rest. */
    async stop(graceMs: number): Promise<void> {
      queue.clear();
      gate.clear();
      await Promise.race([queue.onIdle(), new Promise((r) => setTimeout(r, graceMs).unref?.())]);
    },
  };
}

export type Checker = ReturnType<typeof createChecker>;
