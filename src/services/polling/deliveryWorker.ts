/**
 * Hands finished videos over (upload, else link, else DM) and tells members how tasks without a video ended,
 * on a p-queue of its own: a delivery never waits behind status queries held by the query budget or a 429
 * pause. Failed attempts are tried again after a back-off (capped by POLL_MAX_BACKOFF_SEC).
 */
import PQueue from 'p-queue';
import type { Logger } from '../../logging/logger.js';
import { LeaseLostError } from '../cluster/taskLeases.js';
import { isFinal, type TaskRecord } from '../tasks/taskRecord.js';
import type { ApplyOptions, Checkpoint, TaskService } from '../tasks/taskService.js';
import type { DeliveryMode, TaskPresenter } from './taskPresenter.js';

export interface DeliveryWorkerDeps {
  tasks: TaskService;
  presenter: TaskPresenter;
  logger: Logger;
  /** Deliveries and notices in flight at once. */
  concurrency: number;
  /** Attempts per way of delivering (upload, then link, then DM) before the video is given up. */
  attemptsPerMode: number;
  /** The first retry waits this long, doubling with each failure up to `maxBackoffMs`. */
  retryBaseMs: number;
  maxBackoffMs: number;
  /** Options of the transitions made here (the lease owner, with a shared store). */
  own: ApplyOptions;
  /** Whether this process still works on the task (shared stores: its lease). */
  holds(id: string): boolean;
  /** The task's lease was taken over: the poller stops following it. */
  lost(id: string): void;
  /** A task found neither delivering nor ended on a retry (it moved on): the poller follows it again. */
  handBack(task: TaskRecord): void;
  checkpoint?: (name: Checkpoint, task: TaskRecord) => void;
}

const MAX_NOTICE_ATTEMPTS = 6;

export function createDeliveryWorker(deps: DeliveryWorkerDeps) {
  const queue = new PQueue({ concurrency: deps.concurrency });
  /** Tasks queued, being worked on, or waiting for a retry: each is handled once at a time. */
  const active = new Set<string>();
  const retries = new Map<string, NodeJS.Timeout>();
  const deliveryAttempts = new Map<string, number>();
  const noticeAttempts = new Map<string, number>();
  /** Tasks this process has just seen finish: their first delivery attempt is the first anywhere. */
  const fresh = new Set<string>();
  let running = true;

  const log = (t: Pick<TaskRecord, 'id' | 'guildId' | 'upstreamTaskId'>) =>
    deps.logger.child({ taskId: t.id, guildId: t.guildId, upstreamTaskId: t.upstreamTaskId });
  const backoff = (n: number) => Math.min(deps.maxBackoffMs, deps.retryBaseMs * 2 ** Math.min(6, n - 1));

  function enqueue(id: string, work: () => Promise<void>): void {
    if (!running || active.has(id)) return;
    active.add(id);
    void queue
      .add(async () => {
        if (!deps.holds(id)) return deps.lost(id);
        await work();
      })
      .catch((err: unknown) => {
        if (err instanceof LeaseLostError) return deps.lost(id);
        // A database hiccup must not drop the task: look at it again later.
        deps.logger.error({ err, taskId: id }, 'delivery or notice failed unexpectedly');
        retry(id, deps.retryBaseMs);
      })
      .finally(() => {
        if (!retries.has(id)) active.delete(id);
      });
  }

  /** Looks at the task again after `delayMs`, as it is saved then. */
  function retry(id: string, delayMs: number): void {
    if (!running) return;
    clearTimeout(retries.get(id));
    const timer = setTimeout(() => {
      retries.delete(id);
      active.delete(id);
      void deps.tasks.get(id).then(
        (task) => {
          if (!task || task.toldAt) return;
          if (task.state === 'delivering') worker.deliver(task);
          else if (isFinal(task.state)) worker.tell(task);
          else deps.handBack(task);
        },
        (err: unknown) => {
          deps.logger.error({ err, taskId: id }, 'could not read a task to deliver; will try again');
          retry(id, deps.retryBaseMs);
        },
      );
    }, delayMs);
    timer.unref?.();
    retries.set(id, timer);
  }

  /**
   * Hands the finished video over: as an upload first, then (after upload failures) as a link in the card,
   * then as a link by DM. Only when even that fails has the member got nothing: then it ends refunded.
   */
  async function deliver(task: TaskRecord): Promise<void> {
    const n = (deliveryAttempts.get(task.id) ?? 0) + 1;
    const per = deps.attemptsPerMode;
    const mode: DeliveryMode = n <= per ? 'upload' : n <= 2 * per ? 'link' : 'dm';
    // Unless this process has just found it finished, an earlier attempt (a process killed after Discord took
    // the upload, or an answer lost on the way back) may have landed: look at the card before uploading again.
    const lookFirst = !fresh.delete(task.id) || n > 1;
    let outcome: Awaited<ReturnType<TaskPresenter['deliver']>>;
    try {
      const landed = lookFirst ? await deps.presenter.alreadyDelivered?.(task) : undefined;
      if (landed) log(task).info({ via: landed.via }, 'the card already carries the video; not uploaded again');
      outcome = landed ?? (await deps.presenter.deliver(task, mode));
    } catch (err) {
      deliveryAttempts.set(task.id, n);
      if (n >= 3 * per) {
        deliveryAttempts.delete(task.id);
        log(task).error({ err, mode }, 'the video could not be posted anywhere, not even by DM; refunding');
        await deps.tasks.end(task.id, 'abandon', { stage: 'delivery', reason: 'undeliverable' }, task, deps.own);
        return;
      }
      log(task).warn({ err, attempt: n, mode }, 'delivery failed; will try again');
      retry(task.id, backoff(n));
      return;
    }
    deliveryAttempts.delete(task.id);
    if ('unreachable' in outcome) {
      log(task).warn('the card was deleted and the member does not accept DMs; the video is not posted');
      await deps.tasks.end(task.id, 'abandon', { stage: 'delivery', reason: 'message_deleted' }, task, deps.own);
      return;
    }
    deps.checkpoint?.('task.delivered_unsaved', task);
    const done = await deps.tasks.apply(task.id, 'markDelivered', outcome, task, deps.own);
    deps.checkpoint?.('task.delivered', done);
  }

  /** Shows a final state without a video; the member is then marked as told (and the token forgotten). */
  async function tell(task: TaskRecord): Promise<void> {
    let shown: Awaited<ReturnType<TaskPresenter['final']>>;
    try {
      shown = await deps.presenter.final(task);
    } catch (err) {
      const n = (noticeAttempts.get(task.id) ?? 0) + 1;
      noticeAttempts.set(task.id, n);
      if (n < MAX_NOTICE_ATTEMPTS) {
        log(task).warn({ err, attempt: n }, 'could not show the member how their task ended; will try again');
        retry(task.id, backoff(n));
        return;
      }
      log(task).error({ err }, 'giving up telling the member how their task ended');
      shown = { unreachable: true };
    }
    noticeAttempts.delete(task.id);
    if ('unreachable' in shown)
      log(task).warn({ state: task.state }, 'the member could not be told (message gone, DMs closed)');
    await deps.tasks.apply(
      task.id,
      'markTold',
      { movedTo: 'unreachable' in shown ? undefined : shown.movedTo },
      task,
      deps.own,
    );
  }

  const worker = {
    /** Delivers a task's finished video (it is `delivering`), at once unless it is already being handled. */
    /** `fresh`: this process has just moved it to delivering (no earlier attempt can have landed). */
    deliver(task: TaskRecord, options: { fresh?: boolean } = {}): void {
      if (options.fresh) fresh.add(task.id);
      enqueue(task.id, () => deliver(task));
    },
    /** Tells the member how a task without a video ended (it is final, not yet told). */
    tell(task: TaskRecord): void {
      enqueue(task.id, () => tell(task));
    },
    has(id: string): boolean {
      return active.has(id);
    },
    /** Deliveries and notices queued, under way or waiting for a retry. */
    get pending(): number {
      return active.size;
    },
    /** Stops working on a task (another process has it). */
    forget(id: string): void {
      if (retries.has(id)) active.delete(id);
      clearTimeout(retries.get(id));
      retries.delete(id);
      deliveryAttempts.delete(id);
      noticeAttempts.delete(id);
      fresh.delete(id);
    },
    /** Takes no more work, drops retries and what has not started; waits up to `graceMs` for what has. */
    async stop(graceMs: number): Promise<void> {
      running = false;
      for (const timer of retries.values()) clearTimeout(timer);
      retries.clear();
      queue.clear();
      await Promise.race([queue.onIdle(), new Promise((r) => setTimeout(r, graceMs).unref?.())]);
    },
  };
  return worker;
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
