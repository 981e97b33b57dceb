/**
 * Follows every running task until it ends. An in-memory schedule says when each task is next due;
 * one timer fires for the earliest. Due queries run through a p-queue that bounds concurrency and the
 * global query budget (queries per second), FIFO so every task gets its turn. A 429 pauses the whole
 * queue for Retry-After. Finished videos are delivered, then the task is marked done.
 */
import PQueue from 'p-queue';
import type { Logger } from '../../logging/logger.js';
import { isSeedanceError } from '../seedance/errors.js';
import type { TaskSnapshot } from '../seedance/parse.js';
import { isFinal, type TaskRecord } from '../tasks/taskRecord.js';
import type { TaskService } from '../tasks/taskService.js';
import { DueSchedule } from './dueSchedule.js';
import { nextPollDelay, type PollTiming } from './pollInterval.js';
import type { TaskPresenter } from './taskPresenter.js';

export interface PollerSettings extends PollTiming {
  queriesPerSecond: number;
  concurrency: number;
  deadlineMs: number;
  /** Delivery attempts before giving up on Discord (the video link stays in the task record). */
  maxDeliveryAttempts?: number;
}

export interface PollerDeps {
  tasks: TaskService;
  upstream: { getTask(taskId: string, options?: { retries?: number }): Promise<TaskSnapshot> };
  presenter: TaskPresenter;
  logger: Logger;
  settings: PollerSettings;
  now?: () => number;
  random?: () => number;
}

const NOT_FOUND_LIMIT = 5;

export function createPoller(deps: PollerDeps) {
  const now = deps.now ?? Date.now;
  const { settings } = deps;
  const schedule = new DueSchedule();
  // Checks (database reads, deliveries) run with bounded concurrency ...
  const queue = new PQueue({ concurrency: settings.concurrency });
  // ... and the upstream queries inside them pass through the budget, right before the HTTP call.
  const budget = new PQueue({
    concurrency: settings.concurrency,
    // Budget: at most `queriesPerSecond` queries start in any rolling 1 s window (strict = sliding window;
    // fractional budgets stretch the window instead). The 2 % margin absorbs network jitter, so the rate
    // the upstream observes stays within the budget too.
    intervalCap: Math.max(1, Math.floor(settings.queriesPerSecond)),
    interval: Math.ceil(
      ((1000 * Math.max(1, Math.floor(settings.queriesPerSecond))) / settings.queriesPerSecond) * 1.02,
    ),
    strict: true,
  });
  const inFlight = new Set<string>();
  /** Queries made per task since it was loaded; persisted only with a visible change, to spare writes. */
  const attemptsOf = new Map<string, number>();
  const deliveryAttempts = new Map<string, number>();
  const notFound = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let timerDue = Infinity;
  let running = false;
  let pausedUntil = 0;
  const stats = { queries: 0, rateLimited: 0 };

  // The records of tasks being followed, kept as last saved, so a routine poll reads no database.
  const records = new Map<string, TaskRecord>();
  /** Progress seen but not yet worth a database write (shown to the member all the same). */
  const live = new Map<string, TaskRecord>();
  deps.tasks.onSaved((t) => {
    if (isFinal(t.state)) {
      records.delete(t.id);
      live.delete(t.id);
      attemptsOf.delete(t.id);
      notFound.delete(t.id);
      deliveryAttempts.delete(t.id);
    } else if (records.has(t.id) || schedule.has(t.id) || inFlight.has(t.id)) {
      records.set(t.id, t);
    }
  });

  const log = (t: Pick<TaskRecord, 'id' | 'guildId' | 'upstreamTaskId'>) =>
    deps.logger.child({ taskId: t.id, guildId: t.guildId, upstreamTaskId: t.upstreamTaskId });

  function arm(): void {
    if (!running) return;
    const due = schedule.peekDue();
    if (due === undefined) return;
    if (timer && due >= timerDue) return;
    if (timer) clearTimeout(timer);
    timerDue = due;
    timer = setTimeout(fire, Math.max(0, due - now()));
    timer.unref?.();
  }

  function fire(): void {
    timer = undefined;
    timerDue = Infinity;
    if (!running) return;
    // Only take as many due tasks as the queue can start soon; the rest stay in the schedule in due order.
    const room = Math.max(0, settings.concurrency + settings.queriesPerSecond * 2 - queue.size - queue.pending);
    for (const id of schedule.popDue(now(), room)) {
      if (inFlight.has(id)) continue;
      inFlight.add(id);
      void queue
        .add(() => check(id))
        .catch((err: unknown) => {
          // A database or Discord hiccup must not drop the task: look at it again later.
          deps.logger.error({ err, taskId: id }, 'task check failed unexpectedly');
          if (running) schedule.schedule(id, now() + settings.minIntervalMs);
        })
        .finally(() => {
          inFlight.delete(id);
          arm();
        });
    }
    if (schedule.size && !timer) {
      const due = schedule.peekDue()!;
      // Queue full: look again when it has drained a little, not in a busy loop.
      timerDue = Math.max(due, now() + 50);
      timer = setTimeout(fire, timerDue - now());
      timer.unref?.();
    }
  }

  function later(id: string, delayMs: number): void {
    schedule.schedule(id, now() + delayMs);
    arm();
  }

  function slowDown(ms: number): void {
    stats.rateLimited += 1;
    const until = now() + ms;
    if (until <= pausedUntil) return;
    pausedUntil = until;
    budget.pause();
    deps.logger.warn({ pauseMs: ms }, 'upstream rate limit: pausing all status queries');
    const t = setTimeout(() => {
      if (now() >= pausedUntil - 5) budget.start();
    }, ms);
    t.unref?.();
  }

  async function check(id: string): Promise<void> {
    let task = records.get(id);
    if (!task) {
      task = await deps.tasks.get(id);
      if (!task) return;
      if (!isFinal(task.state)) records.set(id, task);
    }
    if (task.state === 'delivering') return deliver(task);
    if (task.state !== 'running' || !task.upstreamTaskId) return;
    const started = task.submittedAt ?? task.createdAt;
    if (now() - started > settings.deadlineMs) {
      const ended = await deps.tasks.update(id, () => ({
        state: 'timed_out',
        lastError: { stage: 'deadline', message: `no result after ${Math.round(settings.deadlineMs / 60000)} min` },
      }));
      await deps.presenter.final(ended);
      return;
    }
    let snap: TaskSnapshot;
    try {
      stats.queries += 1;
      const upstreamId = task.upstreamTaskId;
      snap = await budget.add(() => deps.upstream.getTask(upstreamId, { retries: 0 }));
    } catch (err) {
      return queryFailed(task, err);
    }
    notFound.delete(id);
    const attempts = Math.max(attemptsOf.get(id) ?? 0, task.attempts) + 1;
    attemptsOf.set(id, attempts);
    if (snap.state === 'succeeded' && snap.videoUrl) {
      const next = await deps.tasks.update(id, () => ({
        state: 'delivering',
        videoUrl: snap.videoUrl,
        progress: 100,
        upstreamStatus: snap.rawStatus,
        attempts,
      }));
      return deliver(next);
    }
    if (snap.state === 'failed' || snap.state === 'cancelled' || snap.state === 'succeeded') {
      const message =
        snap.errorMessage ??
        (snap.state === 'succeeded' ? 'finished without a video URL' : `upstream status ${snap.rawStatus}`);
      const ended = await deps.tasks.update(id, () => ({
        state: 'failed',
        upstreamStatus: snap.rawStatus,
        attempts,
        lastError: { stage: 'upstream', message, failureKind: snap.failureKind ?? 'unknown' },
      }));
      await deps.presenter.final(ended);
      return;
    }
    // Only what a member would notice counts as a change: a new status word or a new percentage.
    const shown = live.get(id) ?? task;
    const changed =
      snap.rawStatus !== shown.upstreamStatus ||
      (snap.progress !== undefined && snap.progress !== (shown.progress ?? 0));
    if (changed) {
      const progress = snap.progress ?? shown.progress;
      // Saved when the status word changes or the percentage enters a new tenth; the member sees every change.
      const worthSaving =
        snap.rawStatus !== task.upstreamStatus ||
        Math.floor((progress ?? 0) / 10) !== Math.floor((task.progress ?? 0) / 10);
      const next = worthSaving
        ? await deps.tasks.update(id, () => ({ upstreamStatus: snap.rawStatus, progress, attempts }))
        : { ...task, upstreamStatus: snap.rawStatus, progress };
      if (worthSaving) live.delete(id);
      else live.set(id, next);
      await deps.presenter.progress(next);
    }
    later(id, nextPollDelay(settings, attempts, deps.random));
  }

  async function queryFailed(task: TaskRecord, err: unknown): Promise<void> {
    const attempts = Math.max(attemptsOf.get(task.id) ?? 0, task.attempts) + 1;
    attemptsOf.set(task.id, attempts);
    const delay = nextPollDelay(settings, attempts, deps.random);
    if (isSeedanceError(err) && err.kind === 'rate_limited') {
      slowDown(err.retryAfterMs ?? settings.minIntervalMs);
      later(task.id, Math.max(delay, err.retryAfterMs ?? 0));
      return;
    }
    if (isSeedanceError(err) && err.kind === 'not_found') {
      const n = (notFound.get(task.id) ?? 0) + 1;
      notFound.set(task.id, n);
      if (n >= NOT_FOUND_LIMIT) {
        notFound.delete(task.id);
        const ended = await deps.tasks.update(task.id, () => ({
          state: 'failed',
          lastError: {
            stage: 'upstream',
            message: 'the video service no longer knows this task',
            failureKind: 'unknown',
          },
        }));
        await deps.presenter.final(ended);
        return;
      }
    }
    log(task).warn({ err }, 'status query failed; will try again');
    later(task.id, delay);
  }

  async function deliver(task: TaskRecord): Promise<void> {
    try {
      const outcome = await deps.presenter.deliver(task);
      deliveryAttempts.delete(task.id);
      await deps.tasks.update(task.id, () => ({ state: 'done', delivery: { ...outcome, at: now() } }));
    } catch (err) {
      const n = (deliveryAttempts.get(task.id) ?? 0) + 1;
      deliveryAttempts.set(task.id, n);
      if (n >= (settings.maxDeliveryAttempts ?? 8)) {
        deliveryAttempts.delete(task.id);
        log(task).error({ err }, 'giving up delivering the video to Discord');
        await deps.tasks.update(task.id, () => ({
          state: 'failed',
          lastError: { stage: 'delivery', message: 'the video could not be posted to Discord', failureKind: 'unknown' },
        }));
        return;
      }
      log(task).warn({ err, attempt: n }, 'delivery failed; will try again');
      later(task.id, Math.min(60_000, 2_000 * 2 ** (n - 1)));
    }
  }

  return {
    stats,
    get pending() {
      return schedule.size + inFlight.size;
    },
    /** Follows a freshly submitted task: first query after `firstDelayMs`. */
    track(task: TaskRecord): void {
      if (task.state === 'running') later(task.id, nextPollDelay(settings, task.attempts, deps.random));
      else if (task.state === 'delivering') later(task.id, 0);
    },
    /**
     * Resumes every unfinished task from the database: those caught mid-submit become `uncertain`
     * (never resent), running ones are queried soon, delivering ones are delivered again (edits are idempotent).
     */
    async start(): Promise<{ resumed: number; uncertain: number }> {
      running = true;
      const uncertain = await deps.tasks.recoverInterrupted();
      for (const t of uncertain) await deps.presenter.final(t);
      const open = await deps.tasks.listOpen();
      let resumed = 0;
      for (const t of open) {
        if (t.state === 'running' || t.state === 'delivering') {
          // Spread the first queries over a few seconds so a restart does not burst the budget.
          schedule.schedule(
            t.id,
            now() + Math.floor((deps.random ?? Math.random)() * Math.min(settings.firstDelayMs, 5000)),
          );
          resumed += 1;
        } else if (t.state === 'accepted') {
          // Never sent upstream (the process died before `submitting` was written): safe to send now.
          const submitted = await deps.tasks.submit(t.id);
          if (submitted.state === 'running') later(t.id, settings.firstDelayMs);
          else await deps.presenter.final(submitted);
          resumed += 1;
        }
      }
      arm();
      return { resumed, uncertain: uncertain.length };
    },
    /** Stops scheduling; waits up to `graceMs` for queries and deliveries in flight. */
    async stop(graceMs = 10_000): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      queue.clear();
      budget.clear();
      budget.start();
      await Promise.race([
        Promise.all([queue.onIdle(), budget.onIdle()]),
        new Promise((r) => setTimeout(r, graceMs).unref?.()),
      ]);
    },
  };
}

export type Poller = ReturnType<typeof createPoller>;
