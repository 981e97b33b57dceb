/** Takes on open tasks: all it may work on at start, then (shared stores) renews leases and adopts orphans. */
import type { Logger } from '../../logging/logger.js';
import type { TaskLeases } from '../cluster/taskLeases.js';
import type { TaskRecord } from '../tasks/taskRecord.js';
import type { ApplyOptions, TaskService } from '../tasks/taskService.js';
import type { DeliveryWorker } from './deliveryWorker.js';
import type { Scheduler } from './scheduler.js';

export interface TakeoverDeps {
  tasks: TaskService;
  leases: TaskLeases;
  logger: Logger;
  now: () => number;
  random?: () => number;
  deadlineMs: number;
  /** Adopted tasks being rendered are asked about spread over this long (at most 5 s). */
  firstDelayMs: number;
  /** How long a lease lasts; renewed (and orphans looked for) every third of it. */
  leaseMs: number;
  own: ApplyOptions;
  scheduler: Pick<Scheduler, 'running' | 'put' | 'arm'>;
  delivery: Pick<DeliveryWorker, 'deliver'>;
  /** Stops following a task (another process has it). */
  forget(id: string, why: string): void;
}

export type Adopted = { open: number; uncertain: number; failed: number };

export function createTakeover(deps: TakeoverDeps) {
  const { leases, now, scheduler, own } = deps;
  let maintenance: NodeJS.Timeout | undefined;
  let maintaining = false;
  const log = (t: Pick<TaskRecord, 'id' | 'guildId' | 'upstreamTaskId'>) =>
    deps.logger.child({ taskId: t.id, guildId: t.guildId, upstreamTaskId: t.upstreamTaskId });

  /** Claims what may be taken now and adopts it. One task that cannot be recovered is logged and skipped. */
  async function takeOver(includeHeld = false): Promise<Adopted> {
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
   * scheduled: accepted ones are sent, running ones queried (spread over a few seconds so a takeover does not
   * burst the budget), delivering ones delivered again (edits are idempotent), members not yet told are told.
   * Scheduled without arming the timer: the caller arms it once after the batch.
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
      scheduler.put(t.id, now());
      return ended ? 'uncertain' : 'queued';
    }
    // Waiting in the queue: the queue starts it when a slot frees (the lease only says who looks after it).
    if (t.state === 'queued') return 'queued';
    if (t.state === 'accepted' && now() - (t.startedAt ?? t.createdAt) > deps.deadlineMs) {
      const ended = await deps.tasks.end(t.id, 'fail', { stage: 'restart', reason: 'restart_stale' }, t, own);
      scheduler.put(t.id, now());
      return ended ? 'failed' : 'queued';
    }
    if (t.state === 'delivering') deps.delivery.deliver(t);
    else if (t.state === 'running' || t.state === 'reviewing') {
      const spread = Math.min(deps.firstDelayMs, 5000);
      scheduler.put(t.id, now() + Math.floor((deps.random ?? Math.random)() * spread));
    } else {
      scheduler.put(t.id, now());
    }
    return 'queued';
  }

  /** Renews this process's leases (forgetting tasks another process took), then takes over orphaned ones. */
  async function maintain(): Promise<void> {
    if (!scheduler.running || maintaining) return;
    maintaining = true;
    try {
      for (const id of await leases.renew()) deps.forget(id, 'its lease was taken over');
      const { open } = await takeOver();
      if (open) deps.logger.info({ tasks: open }, 'took over tasks whose process stopped');
      scheduler.arm();
    } catch (err) {
      deps.logger.warn({ err }, 'lease maintenance failed; will try again');
    } finally {
      maintaining = false;
    }
  }

  return {
    /**
     * Takes over the open tasks this process may work on (with SQLite: all of them), its own lease record
     * first (the tasks it claims, and those it creates from now on, name it); with a shared store, then renews
     * its leases and takes over tasks whose process died, every third of a lease.
     */
    async start(): Promise<Adopted> {
      if (leases.shared) await leases.renew();
      const counts = await takeOver(true);
      if (leases.shared) {
        maintenance = setInterval(() => void maintain(), deps.leaseMs / 3);
        maintenance.unref?.();
      }
      return counts;
    },
    stop(): void {
      if (maintenance) clearInterval(maintenance);
    },
  };
}

export type Takeover = ReturnType<typeof createTakeover>;
