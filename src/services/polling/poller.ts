/**
 * Follows every open task until the member has seen how it ended. An in-memory schedule says when each
 * task is next due; one timer fires for the earliest. Due queries run through a p-queue that bounds
 * concurrency and the global query budget (queries per second), FIFO so every task gets its turn. A 429
 * pauses every query for Retry-After, at most POLL_MAX_BACKOFF_SEC. Finished videos and the endings of tasks
 * without one go to the delivery worker (its own queue, so they never wait behind queries). A task past its
 * deadline ends only after one more query says it is still not finished.
 */
import PQueue from 'p-queue';
import type { Logger } from '../../logging/logger.js';
import type { AssetCache } from '../review/assetReview.js';
import type { AssetStatus } from '../seedance/assets.js';
import { isSeedanceError } from '../seedance/errors.js';
import type { TaskSnapshot } from '../seedance/parse.js';
import { isFinal, type TaskRecord } from '../tasks/taskRecord.js';
import { LeaseLostError, type TaskLeases } from '../cluster/taskLeases.js';
import type { Checkpoint, TaskService } from '../tasks/taskService.js';
import type { TransitionArgs } from '../tasks/transitions.js';
import { createDeliveryWorker } from './deliveryWorker.js';
import { DueSchedule } from './dueSchedule.js';
import { nextPollDelay, type PollTiming } from './pollInterval.js';
import { QueryBudget } from './queryBudget.js';
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
  upstream: {
    /** `key`: the fingerprint of the API key that created the task (several keys: it is queried with that one). */
    getTask(
      taskId: string,
      options?: { retries?: number; beforeSend?: () => Promise<void>; key?: string },
    ): Promise<TaskSnapshot>;
  };
  presenter: TaskPresenter;
  logger: Logger;
  settings: PollerSettings;
  now?: () => number;
  random?: () => number;
  /** Called at each checkpoint (no-op in production). */
  checkpoint?: (name: Checkpoint, task: TaskRecord) => void;
  /** Which open tasks this process works on. */
  leases: TaskLeases;
  /** The media review's status queries and the reuse cache (Manxue models); tasks in review wait without them. */
  review?: {
    /** `key`: the fingerprint of the API key whose account reviews the files (their task's `upstreamKey`). */
    status(assetIds: readonly string[], beforeSend?: () => Promise<void>, key?: string): Promise<AssetStatus[]>;
    cache: AssetCache;
  };
}

const NOT_FOUND_LIMIT = 5;
/** Most asset ids asked about in one status query (ASSUMED: the vendor documents no maximum). */
const MAX_ASSET_IDS_PER_QUERY = 20;
/**
 * Past its deadline a task waits for one more status answer; when none comes (every query failing) it is
 * timed out after this much longer anyway, so an unreachable upstream cannot hold its usage for ever.
 */
const DEADLINE_GRACE_MS = 10 * 60_000;

export function createPoller(deps: PollerDeps) {
  const now = deps.now ?? Date.now;
  const { settings } = deps;
  const maxBackoffMs = settings.maxBackoffMs ?? 60_000;
  const schedule = new DueSchedule();
  // Checks (database reads, status queries) run with bounded concurrency ...
  const queue = new PQueue({ concurrency: settings.concurrency });
  // ... and the upstream queries inside them pass through the budget, right before the HTTP call: at most
  // `queriesPerSecond` start in any rolling second (this process's share when several share the budget).
  const budget = new QueryBudget(settings.queriesPerSecond, now);
  const inFlight = new Set<string>();
  /** Queries made per task since it was loaded; persisted only with a visible change, to spare writes. */
  const attemptsOf = new Map<string, number>();
  const notFound = new Map<string, number>();
  const { leases } = deps;
  /** Transitions made by the poller: only while this process holds the task (shared stores). */
  const own = leases.shared ? { owner: leases.processId } : {};
  // Deliveries and notices: their own queue, never behind queries waiting for the budget or a pause.
  const delivery = createDeliveryWorker({
    tasks: deps.tasks,
    presenter: deps.presenter,
    logger: deps.logger,
    concurrency: settings.concurrency,
    attemptsPerMode: settings.deliveryAttemptsPerMode ?? 3,
    // Backs off from the polling interval (10 s by default) up to POLL_MAX_BACKOFF_SEC.
    retryBaseMs: settings.minIntervalMs,
    maxBackoffMs,
    own,
    holds: (id) => !leases.shared || leases.holds(id),
    lost: (id) => forget(id, 'its lease was taken over'),
    handBack: (task) => {
      if (running) api.track(task);
    },
    checkpoint: deps.checkpoint,
  });
  let maintenance: NodeJS.Timeout | undefined;
  let maintaining = false;
  let timer: NodeJS.Timeout | undefined;
  let timerDue = Infinity;
  let running = false;
  let pausedUntil = 0;
  const stats = { queries: 0, rateLimited: 0 };

  // The records of tasks being followed, kept as last saved, so a routine poll reads no database.
  const records = new Map<string, TaskRecord>();
  /** Tasks whose check came due while an earlier check of theirs was still running. */
  const dueAgain = new Set<string>();
  /** Progress seen but not yet worth a database write (shown to the member all the same). */
  const live = new Map<string, TaskRecord>();
  deps.tasks.onSaved((t) => {
    if (isFinal(t.state)) {
      records.delete(t.id);
      live.delete(t.id);
      attemptsOf.delete(t.id);
      notFound.delete(t.id);
      if (t.toldAt) leases.drop(t.id);
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
      // Due again while its last check still runs (a send followed by a slow card edit): run it right after
      // that check ends, never drop it (the task would never be asked again).
      if (inFlight.has(id)) {
        dueAgain.add(id);
        continue;
      }
      inFlight.add(id);
      void queue
        .add(() => check(id))
        .catch((err: unknown) => {
          if (err instanceof LeaseLostError) return forget(id, 'its lease was taken over');
          // A database or Discord hiccup must not drop the task: look at it again later.
          deps.logger.error({ err, taskId: id }, 'task check failed unexpectedly');
          if (running) schedule.schedule(id, now() + settings.minIntervalMs);
        })
        .finally(() => {
          inFlight.delete(id);
          if (dueAgain.delete(id) && running && !schedule.has(id)) schedule.schedule(id, now());
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

  /** How long a 429 holds queries: its Retry-After (else the polling interval), at most POLL_MAX_BACKOFF_SEC. */
  const pauseFor = (err: unknown) =>
    Math.min(maxBackoffMs, (isSeedanceError(err) ? err.retryAfterMs : undefined) ?? settings.minIntervalMs);

  /** A 429: every status query (tasks and the media review) waits; the pause is capped, the asked one logged. */
  function slowDown(err: unknown): void {
    stats.rateLimited += 1;
    const pauseMs = pauseFor(err);
    const until = now() + pauseMs;
    if (until <= pausedUntil) return;
    pausedUntil = until;
    budget.pauseUntil(until);
    const retryAfterMs = isSeedanceError(err) ? err.retryAfterMs : undefined;
    deps.logger.warn({ pauseMs, retryAfterMs }, 'upstream rate limit: pausing all status queries');
  }

  async function check(id: string): Promise<void> {
    if (leases.shared && !leases.holds(id)) return forget(id, 'this process no longer holds it');
    let task = records.get(id);
    if (!task) {
      task = await deps.tasks.get(id);
      if (!task) return;
      if (!task.toldAt) records.set(id, task);
    }
    if (task.toldAt) return;
    // Waiting for a running slot: the queue starts it (services/queue), then it comes back here.
    if (task.state === 'queued') return;
    if (isFinal(task.state)) return delivery.tell(task);
    if (task.state === 'delivering') return delivery.deliver(task);
    if (task.state === 'accepted') return submitRecovered(task);
    if (task.state === 'submitting' || task.state === 'review_submitting') return resumeSubmit(task);
    if (task.state === 'reviewing') return checkReview(task);
    if (task.state !== 'running' || !task.upstreamTaskId) return;
    const started = task.submittedAt ?? task.createdAt;
    // The deadline is judged when the query goes out (after any wait for the budget): a task past it ends
    // only when that query says it is still not finished.
    let sentAt = now();
    let snap: TaskSnapshot;
    try {
      stats.queries += 1;
      snap = await deps.upstream.getTask(task.upstreamTaskId, {
        retries: 0,
        key: task.upstreamKey,
        beforeSend: async () => {
          await budget.acquire();
          if (!running) throw new Error('the poller stopped');
          sentAt = now();
        },
      });
    } catch (err) {
      if (now() - started > settings.deadlineMs + Math.max(DEADLINE_GRACE_MS, 5 * maxBackoffMs)) {
        log(task).warn({ err }, 'past the deadline and no status answer since: timing out');
        return timeOut(task);
      }
      return queryFailed(task, err);
    }
    const pastDeadline = sentAt - started > settings.deadlineMs;
    notFound.delete(id);
    const attempts = Math.max(attemptsOf.get(id) ?? 0, task.attempts) + 1;
    attemptsOf.set(id, attempts);
    if (snap.state === 'succeeded' && snap.videoUrl) {
      const next = await deps.tasks.apply(
        id,
        'markDelivering',
        { videoUrl: snap.videoUrl, status: snap.rawStatus, attempts },
        task,
        own,
      );
      return delivery.deliver(next, { fresh: true });
    }
    if (snap.state === 'failed' || snap.state === 'cancelled' || snap.state === 'succeeded') {
      const reason =
        snap.state === 'succeeded'
          ? 'no_video'
          : snap.state === 'cancelled'
            ? 'cancelled'
            : (snap.failureKind ?? 'unknown');
      return endAndTell(task, 'fail', { stage: 'upstream', reason, detail: snap.errorMessage ?? snap.rawStatus });
    }
    if (pastDeadline) return timeOut(task);
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
        ? await deps.tasks.apply(id, 'recordProgress', { status: snap.rawStatus, progress, attempts }, task, own)
        : { ...task, upstreamStatus: snap.rawStatus, progress };
      if (worthSaving) live.delete(id);
      else live.set(id, next);
      await deps.presenter.progress(next);
    }
    later(id, nextPollDelay(settings, attempts, deps.random));
  }

  function timeOut(task: TaskRecord): Promise<void> {
    return endAndTell(task, 'timeOut', { minutes: Math.max(1, Math.round(settings.deadlineMs / 60_000)) });
  }

  /** Ends a task without a video (if it has not ended or moved on meanwhile), then tells the member. */
  async function endAndTell<N extends 'fail' | 'timeOut' | 'markUncertain' | 'failReview' | 'timeOutReview'>(
    task: TaskRecord,
    name: N,
    args: Parameters<TaskService['end']>[2] & TransitionArgs<N>,
  ): Promise<void> {
    const ended = await deps.tasks.end(task.id, name, args as never, task, own);
    if (ended) return delivery.tell(ended);
    // It moved on meanwhile (another path ended it): look at it again from the database.
    records.delete(task.id);
    later(task.id, 0);
  }

  /** A task accepted before a restart that never left (or whose media just passed review): sent now, once. */
  async function submitRecovered(task: TaskRecord): Promise<void> {
    await followSubmitted(task, await deps.tasks.submit(task.id));
  }

  /**
   * A task this process holds, left `submitting` (or `review_submitting`) without a restart: a database
   * failure while its send was saved. The answer kept in memory is saved now, or (nothing under way, no
   * answer) it ends uncertain and the member is told; while its send is still under way, looked at again later.
   */
  async function resumeSubmit(task: TaskRecord): Promise<void> {
    const resumed = await deps.tasks.resumeSubmit(task, own);
    if (!resumed) return later(task.id, settings.minIntervalMs);
    await followSubmitted(task, resumed);
  }

  /** Follows a task as its send left it: polled, its review checked, or its member told. */
  async function followSubmitted(task: TaskRecord, submitted: TaskRecord): Promise<void> {
    if (submitted.state === 'running') {
      later(task.id, settings.firstDelayMs);
      if (task.review) await deps.presenter.progress(submitted);
    } else if (submitted.state === 'reviewing') later(task.id, nextPollDelay(settings, 0, deps.random));
    else if (isFinal(submitted.state)) delivery.tell(submitted);
    // Still being sent (by an overlapping call here): looked at again shortly.
    else later(task.id, settings.minIntervalMs);
  }

  /** Asset statuses seen lately, by asset id: one status query answers for the files of several tasks. */
  const assetSeen = new Map<string, { status: AssetStatus; at: number }>();
  /** Seen within half the shortest polling interval: as good as asking again. */
  const seenLately = (assetId: string) => {
    const seen = assetSeen.get(assetId);
    return !!seen && now() - seen.at < settings.minIntervalMs / 2;
  };
  /** Statuses of files no followed task asks about any more (their task moved on elsewhere) go after a while. */
  function forgetOldAssets(at: number): void {
    if (assetSeen.size < 10_000) return;
    for (const [id, seen] of assetSeen) if (at - seen.at > (settings.reviewTimeoutMs ?? 600_000)) assetSeen.delete(id);
  }

  /**
   * A task whose files are in the media review: asks for their status (within the query budget) until every
   * asset is Active (then the task is created with the asset ids), one is Failed (the file is named, refunded),
   * or the review's time limit passes (refunded).
   */
  async function checkReview(task: TaskRecord): Promise<void> {
    const review = task.review;
    const limitMs = settings.reviewTimeoutMs ?? 10 * 60_000;
    if (now() - (review?.startedAt ?? task.updatedAt) > limitMs)
      return endAndTell(task, 'timeOutReview', { minutes: Math.max(1, Math.round(limitMs / 60_000)) });
    if (!review || !deps.review) return later(task.id, settings.maxIntervalMs); // nothing to ask with: wait for the limit
    const pending = review.items.filter((it) => it.assetId && !it.reused);
    const ids = pending.map((it) => it.assetId!);
    try {
      // One query answers for several tasks: statuses seen lately are used as they are, and a query that has
      // to go out also asks about other followed tasks' files, up to its size.
      if (!ids.every(seenLately)) {
        // Only files of the same account: an asset id is known only to the key that reviewed it.
        const others = [...records.values()]
          .filter((t) => t.id !== task.id && t.state === 'reviewing' && t.upstreamKey === task.upstreamKey)
          .flatMap((t) => t.review?.items ?? [])
          .filter((it) => it.assetId && !it.reused && !seenLately(it.assetId))
          .map((it) => it.assetId!);
        const ask = [...new Set([...ids, ...others])].slice(0, Math.max(ids.length, MAX_ASSET_IDS_PER_QUERY));
        stats.queries += 1;
        const statuses = await deps.review.status(
          ask,
          async () => {
            await budget.acquire();
            if (!running) throw new Error('the poller stopped');
          },
          task.upstreamKey,
        );
        const at = now();
        for (const st of statuses) assetSeen.set(st.assetId, { status: st, at });
        forgetOldAssets(at);
      }
    } catch (err) {
      const checks = Math.max(attemptsOf.get(task.id) ?? 0, review.checks) + 1;
      attemptsOf.set(task.id, checks);
      const limited = isSeedanceError(err) && err.kind === 'rate_limited';
      if (limited) slowDown(err);
      else log(task).warn({ err }, 'media review status query failed; will try again');
      later(task.id, Math.max(nextPollDelay(settings, checks, deps.random), limited ? pauseFor(err) : 0));
      return;
    }
    const checks = Math.max(attemptsOf.get(task.id) ?? 0, review.checks) + 1;
    attemptsOf.set(task.id, checks);
    const byId = new Map<string, AssetStatus>();
    for (const id of ids) {
      const seen = assetSeen.get(id);
      if (seen) byId.set(id, seen.status);
    }
    const decided = () => {
      for (const id of ids) assetSeen.delete(id);
    };
    const failed = pending.filter((it) => byId.get(it.assetId!)?.state === 'failed');
    if (failed.length) {
      // Every refused file is named, with the review's reason.
      const reasons = failed.map((it) => byId.get(it.assetId!)!).map((st) => st.reason ?? st.rawStatus);
      decided();
      return endAndTell(task, 'failReview', {
        file: failed.map((it) => it.name).join(', '),
        detail: [...new Set(reasons)].join('; '),
      });
    }
    if (pending.every((it) => byId.get(it.assetId!)?.state === 'active')) {
      const reviewed = await deps.tasks.apply(task.id, 'markReviewed', { checks }, task, own);
      decided();
      attemptsOf.delete(task.id);
      log(task).info({ files: pending.length, checks }, 'media review passed');
      await deps.review.cache
        .remember(reviewed.review?.items.filter((it) => !it.reused) ?? [], reviewed.upstreamKey)
        .catch((err: unknown) => log(task).warn({ err }, 'could not remember the reviewed files'));
      return submitRecovered(reviewed);
    }
    later(task.id, nextPollDelay(settings, checks, deps.random));
  }

  async function queryFailed(task: TaskRecord, err: unknown): Promise<void> {
    const attempts = Math.max(attemptsOf.get(task.id) ?? 0, task.attempts) + 1;
    attemptsOf.set(task.id, attempts);
    const delay = nextPollDelay(settings, attempts, deps.random);
    if (isSeedanceError(err) && err.kind === 'rate_limited') {
      slowDown(err);
      later(task.id, Math.max(delay, pauseFor(err)));
      return;
    }
    if (isSeedanceError(err) && err.kind === 'not_found') {
      const n = (notFound.get(task.id) ?? 0) + 1;
      notFound.set(task.id, n);
      if (n >= NOT_FOUND_LIMIT) {
        notFound.delete(task.id);
        return endAndTell(task, 'fail', { stage: 'upstream', reason: 'not_found' });
      }
    }
    log(task).warn({ err }, 'status query failed; will try again');
    later(task.id, delay);
  }

  const api = {
    stats,
    get pending() {
      return schedule.size + inFlight.size + delivery.pending;
    },
    /** This process's share of the query budget (several processes share one API key's budget). */
    setQueryRate(rate: number): void {
      budget.setRate(rate);
    },
    /** Follows a task handed over by the front end: polls a running one, delivers or tells a finished one. */
    track(task: TaskRecord): void {
      if (task.toldAt || task.state === 'queued') return;
      if (task.state === 'running') later(task.id, nextPollDelay(settings, task.attempts, deps.random));
      else if (task.state === 'delivering') delivery.deliver(task);
      else if (isFinal(task.state)) delivery.tell(task);
      else later(task.id, 0);
    },
    /**
     * Takes over the open tasks this process may work on (with SQLite: all of them), before the bot takes
     * interactions: see `adopt`. With a shared store, it then renews its leases and takes over tasks whose
     * process died, every third of a lease. One task that cannot be recovered is logged and skipped.
     */
    async start(): Promise<{ open: number; uncertain: number; failed: number }> {
      running = true;
      // This process's lease record first: the tasks it claims, and those it creates from now on, name it.
      if (leases.shared) await leases.renew();
      const counts = await takeOver(true);
      if (leases.shared) {
        maintenance = setInterval(() => void maintain(), settings.leaseMs / 3);
        maintenance.unref?.();
      }
      arm();
      return counts;
    },
    /** Stops scheduling; waits up to `graceMs` for queries and deliveries in flight, then gives its leases back. */
    async stop(graceMs = 10_000): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      if (maintenance) clearInterval(maintenance);
      timer = undefined;
      queue.clear();
      budget.clear();
      await Promise.all([
        Promise.race([queue.onIdle(), new Promise((r) => setTimeout(r, graceMs).unref?.())]),
        delivery.stop(graceMs),
      ]);
      await leases.release().catch((err: unknown) => deps.logger.warn({ err }, 'could not give the task leases back'));
    },
  };
  return api;

  /** Claims what may be taken now and adopts it. */
  async function takeOver(includeHeld = false): Promise<{ open: number; uncertain: number; failed: number }> {
    const claimed = await leases.claim(await leases.findClaimable({ includeHeld }));
    const tasks = await deps.tasks.getMany(claimed);
    const counts = { open: 0, uncertain: 0, failed: 0 };
    for (const t of tasks) {
      try {
        const r = await adopt(t);
        counts.open += 1;
        if (r === 'uncertain') counts.uncertain += 1;
        if (r === 'failed') counts.failed += 1;
      } catch (err) {
        log(t).error({ err, state: t.state }, 'could not recover this task; skipping it');
      }
    }
    return counts;
  }

  /**
   * A task this process has just taken on (at start, or from a process that died): caught mid-submit, it
   * becomes `uncertain` (never resent; refunded); accepted but older than the deadline, it fails; the rest is
   * queued: accepted ones are sent, running ones queried (spread over a few seconds so a takeover does not
   * burst the budget), delivering ones delivered again (edits are idempotent), members not yet told are told.
   */
  async function adopt(t: TaskRecord): Promise<'uncertain' | 'failed' | 'queued' | 'told'> {
    if (t.toldAt) {
      leases.drop(t.id);
      return 'told';
    }
    if (t.state === 'submitting' || t.state === 'review_submitting') {
      const ended = await deps.tasks.end(
        t.id,
        'markUncertain',
        { stage: 'restart', reason: t.state === 'submitting' ? 'restart_submitting' : 'review_uncertain' },
        t,
        own,
      );
      schedule.schedule(t.id, now());
      return ended ? 'uncertain' : 'queued';
    }
    // Waiting in the queue: the queue starts it when a slot frees (the lease only says who looks after it).
    if (t.state === 'queued') return 'queued';
    if (t.state === 'accepted' && now() - (t.startedAt ?? t.createdAt) > settings.deadlineMs) {
      const ended = await deps.tasks.end(t.id, 'fail', { stage: 'restart', reason: 'restart_stale' }, t, own);
      schedule.schedule(t.id, now());
      return ended ? 'failed' : 'queued';
    }
    if (t.state === 'delivering') delivery.deliver(t);
    else if (t.state === 'running' || t.state === 'reviewing') {
      const spread = Math.min(settings.firstDelayMs, 5000);
      schedule.schedule(t.id, now() + Math.floor((deps.random ?? Math.random)() * spread));
    } else {
      schedule.schedule(t.id, now());
    }
    return 'queued';
  }

  /** Renews this process's leases (forgetting tasks another process took), then takes over orphaned ones. */
  async function maintain(): Promise<void> {
    if (!running || maintaining) return;
    maintaining = true;
    try {
      for (const id of await leases.renew()) forget(id, 'its lease was taken over');
      const { open } = await takeOver();
      if (open) deps.logger.info({ tasks: open }, 'took over tasks whose process stopped');
      arm();
    } catch (err) {
      deps.logger.warn({ err }, 'lease maintenance failed; will try again');
    } finally {
      maintaining = false;
    }
  }

  /** Stops following a task (another process has it). */
  function forget(id: string, why: string): void {
    schedule.remove(id);
    records.delete(id);
    live.delete(id);
    attemptsOf.delete(id);
    delivery.forget(id);
    leases.drop(id);
    deps.logger.info({ taskId: id, why }, 'no longer following this task');
  }
}

export type Poller = ReturnType<typeof createPoller>;
