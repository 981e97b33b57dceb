/**
 * Follows every open task until the member has seen how it ended, composed of: the scheduler (when each task
 * is next checked), the checker (asks within the query budget, applies the answer), the review worker (media
 * review statuses), the delivery worker (videos and endings, on its own queue) and the takeover (start-up
 * adoption, leases, orphans).
 */
import type { Logger } from '../../logging/logger.js';
import type { TaskLeases } from '../cluster/taskLeases.js';
import { isFinal, type TaskRecord } from '../tasks/taskRecord.js';
import type { Checkpoint, TaskService } from '../tasks/taskService.js';
import { type Checker, createChecker, type Upstream } from './checker.js';
import { createDeliveryWorker } from './deliveryWorker.js';
import { createFollowedTasks } from './followedTasks.js';
import { createHandOff } from './handOff.js';
import type { PollTiming } from './pollInterval.js';
import { createQueryGate } from './queryGate.js';
import { createReviewWorker, type ReviewDeps } from './reviewWorker.js';
import type { PollPolicy } from './pollPolicy.js';
import { createScheduler, type DelayPolicy } from './scheduler.js';
import { createTakeover } from './takeover.js';
import type { TaskPresenter } from './taskPresenter.js';

export interface PollerSettings extends PollTiming {
  queriesPerSecond: number;
  concurrency: number;
  deadlineMs: number;
  /** Delivery attempts per way of delivering (upload, then link, then DM) before the video is given up. */
  deliveryAttemptsPerMode?: number;
  /** How long a task's lease lasts; renewed every third of it (shared stores only). */
  leaseMs: number;
  /** How long the media review of a task's files may take (ASSET_REVIEW_TIMEOUT_MIN). */
  reviewTimeoutMs?: number;
  /** The longest pause a Retry-After or a back-off may impose (POLL_MAX_BACKOFF_SEC; default 60 s). */
  maxBackoffMs?: number;
}

export interface PollerDeps {
  tasks: TaskService;
  upstream: Upstream;
  presenter: TaskPresenter;
  logger: Logger;
  settings: PollerSettings;
  now?: () => number;
  random?: () => number;
  /** When a task being rendered is next asked (default: today's back-off curve from the settings). */
  delay?: DelayPolicy;
  /**
   * Picks a running task's next query delay from the load and learns from finishes (`pollPolicy.ts`: the fixed
   * curve, or the schedule around each task's expected finish); used when `delay` is not given.
   */
  policy?: PollPolicy;
  /** Called at each checkpoint (no-op in production). */
  checkpoint?: (name: Checkpoint, task: TaskRecord) => void;
  /** Which open tasks this process works on. */
  leases: TaskLeases;
  /** The media review's status queries and the reuse cache (Manxue models); tasks in review wait without them. */
  review?: ReviewDeps;
}

export function createPoller(deps: PollerDeps) {
  const now = deps.now ?? Date.now;
  const { settings, leases, logger, tasks, presenter } = deps;
  const maxBackoffMs = settings.maxBackoffMs ?? 60_000;
  /** Transitions made by the poller: only while this process holds the task (shared stores). */
  const own = leases.shared ? { owner: leases.processId } : {};

  const { policy } = deps;
  /** What the policy weighs: tasks followed (due or being checked) and this process's share of the budget. */
  const load = () => ({ followed: scheduler.size + checker.pending, queriesPerSecond: gate.rate });
  const scheduler = createScheduler({
    now,
    timing: settings,
    random: deps.random,
    delay: deps.delay ?? (policy ? (task, attempts) => policy.nextDelay(task, attempts, load()) : undefined),
    room: () => checker.room(),
    dispatch: (id) => checker.dispatch(id),
  });
  const gate = createQueryGate({
    now,
    queriesPerSecond: settings.queriesPerSecond,
    minIntervalMs: settings.minIntervalMs,
    maxBackoffMs,
    logger,
    isRunning: () => scheduler.running,
  });
  // Deliveries and notices: their own queue, never behind queries waiting for the budget or a pause.
  const delivery = createDeliveryWorker({
    tasks,
    presenter,
    logger,
    concurrency: settings.concurrency,
    attemptsPerMode: settings.deliveryAttemptsPerMode ?? 3,
    // Backs off from the polling interval (10 s by default) up to POLL_MAX_BACKOFF_SEC.
    retryBaseMs: settings.minIntervalMs,
    maxBackoffMs,
    own,
    holds: (id) => !leases.shared || leases.holds(id),
    lost: (id) => forget(id, 'its lease was taken over'),
    handBack: (task) => {
      if (scheduler.running) track(task);
    },
    checkpoint: deps.checkpoint,
  });
  const followed = createFollowedTasks(tasks, leases, (id) => scheduler.has(id) || checker.has(id));
  const handOff = createHandOff({
    tasks,
    presenter,
    delivery,
    followed,
    scheduler,
    minIntervalMs: settings.minIntervalMs,
    own,
  });
  const review = createReviewWorker({
    review: deps.review,
    tasks,
    logger,
    now,
    reviewTimeoutMs: settings.reviewTimeoutMs,
    minIntervalMs: settings.minIntervalMs,
    maxIntervalMs: settings.maxIntervalMs,
    own,
    followed,
    scheduler,
    gate,
    handOff,
  });
  const checker: Checker = createChecker({
    finished: policy ? (task, snap, seenAt) => policy.finished(task, snap, seenAt) : undefined,
    tasks,
    upstream: deps.upstream,
    presenter,
    logger,
    now,
    concurrency: settings.concurrency,
    queriesPerSecond: settings.queriesPerSecond,
    deadlineMs: settings.deadlineMs,
    maxBackoffMs,
    minIntervalMs: settings.minIntervalMs,
    own,
    leases,
    followed,
    scheduler,
    gate,
    delivery,
    review,
    handOff,
    forget,
  });
  const takeover = createTakeover({
    tasks,
    leases,
    logger,
    now,
    random: deps.random,
    deadlineMs: settings.deadlineMs,
    firstDelayMs: settings.firstDelayMs,
    leaseMs: settings.leaseMs,
    own,
    scheduler,
    delivery,
    forget,
    remember: (task) => followed.remember(task),
  });

  /** Follows a task handed over by the front end: polls a running one, delivers or tells a finished one. */
  function track(task: TaskRecord): void {
    if (task.toldAt || task.state === 'queued') return;
    if (task.state === 'running') {
      followed.remember(task);
      scheduler.next(task, task.attempts);
    } else if (task.state === 'delivering') delivery.deliver(task);
    else if (isFinal(task.state)) delivery.tell(task);
    else scheduler.later(task.id, 0);
  }

  /** Stops following a task (another process has it). */
  function forget(id: string, why: string): void {
    scheduler.remove(id);
    followed.forget(id);
    delivery.forget(id);
    leases.drop(id);
    logger.info({ taskId: id, why }, 'no longer following this task');
  }

  return {
    stats: gate.stats,
    get pending() {
      return scheduler.size + checker.pending + delivery.pending;
    },
    /** This process's share of the query budget (several processes share one API key's budget). */
    setQueryRate(rate: number): void {
      gate.setRate(rate);
    },
    track,
    /**
     * Takes over the open tasks this process may work on (with SQLite: all of them), then starts checking them:
     * the first START_PAGE before it resolves (the bot then takes interactions), the rest in the background
     * (`takeover.ts`). One task that cannot be recovered is logged and skipped. Resolves with the first page's counts.
     */
    async start(): Promise<{ open: number; uncertain: number; failed: number }> {
      scheduler.start();
      const counts = await takeover.start();
      scheduler.arm();
      return counts;
    },
    /** Stops scheduling; waits up to `graceMs` for queries and deliveries in flight, then gives its leases back. */
    async stop(graceMs = 10_000): Promise<void> {
      scheduler.stop();
      takeover.stop();
      // The start's adoption of open tasks ends after its current page (the scheduler has stopped).
      await takeover.settled();
      await Promise.all([checker.stop(graceMs), delivery.stop(graceMs)]);
      await leases.release().catch((err: unknown) => logger.warn({ err }, 'could not give the task leases back'));
    },
  };
}

export type Poller = ReturnType<typeof createPoller>;
