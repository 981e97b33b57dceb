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
  scheduler: Pick<Scheduler, 'running' | 'put' | 'arm' | 'earliestDue'>;
  delivery: Pick<DeliveryWorker, 'deliver'>;
  /** Stops following a task (another process has it). */
  forget(id: string, why: string): void;
  /** Keeps the record of a task adopted to be checked (as just read), so its first check reads no database. */
  remember(task: TaskRecord): void;
}

export type Adopted = { open: number; uncertain: number; failed: number };

/**
 * Open tasks adopted before `start` resolves (before the bot takes interactions); the rest of the index is
 * scanned and adopted in the background, so start-up time does not grow with the open tasks (100,000 took
 * over 30 s to read and claim).
 */
export const START_PAGE = 2000;

export function createTakeover(deps: TakeoverDeps) {
  const { leases, now, scheduler, own } = deps;
  let maintenance: NodeJS.Timeout | undefined;
  /** An extra round when another process's lease runs out before the next regular one. */
  let atExpiry: NodeJS.Timeout | undefined;
  let maintaining = false;
  /** The background adoption of the open tasks found at start, while it runs. */
  let rest: Promise<void> | undefined;
  const log = (t: Pick<TaskRecord, 'id' | 'guildId' | 'upstreamTaskId'>) =>
    deps.logger.child({ taskId: t.id, guildId: t.guildId, upstreamTaskId: t.upstreamTaskId });

  /**
   * Claims these tasks (those still claimable) and adopts them. One task that cannot be recovered is logged and
   * skipped. With `ahead` (tasks left by a process that stopped: unasked for a lease or more) running ones are put
   * before every task this process already follows; with a busy budget those are overdue too, and the orphans
   * would otherwise wait a whole round behind them.
   */
  async function adoptAll(ids: readonly string[], ahead: boolean, counts: Adopted): Promise<void> {
    const tasks = await deps.tasks.getMany(await leases.claim(ids));
    const at = now();
    const before = ahead ? Math.min(at, scheduler.earliestDue() ?? at) - 1 : undefined;
    for (const t of tasks) {
      try {
        const r = await adopt(t, before);
        counts.open += 1;
        if (r === 'uncertain') counts.uncertain += 1;
        if (r === 'failed') counts.failed += 1;
      } catch (err) {
        log(t).error({ err, state: t.state }, 'could not recover this task; skipping it');
      }
    }
  }

  /** Claims and adopts what may be taken now (tasks of processes that stopped). */
  async function takeOver(): Promise<Adopted> {
    const counts = { open: 0, uncertain: 0, failed: 0 };
    await adoptAll(await leases.findClaimable({ includeHeld: false }), true, counts);
    return counts;
  }

  /**
   * The open tasks found at start past the first START_PAGE: the rest of the index scan, a page at a time
   * while the bot already takes interactions (their queries wait for the budget anyway); the timer is armed
   * after each page.
   */
  async function adoptRest(first: readonly string[], pages: AsyncIterator<string[]>): Promise<void> {
    const counts = { open: 0, uncertain: 0, failed: 0 };
    try {
      let ids = first;
      while (scheduler.running) {
        if (ids.length) await adoptAll(ids, false, counts);
        scheduler.arm();
        const next = await pages.next();
        if (next.done) break;
        ids = next.value;
      }
      deps.logger.info(counts, 'took over the rest of the open tasks');
    } catch (err) {
      deps.logger.error({ err }, 'could not take over the rest of the open tasks; lease rounds will');
    } finally {
      await pages.return?.(undefined);
      rest = undefined;
    }
  }

  /**
   * A task this process has just taken on (at start, or from a process that died): caught mid-submit, it
   * becomes `uncertain` (never resent; refunded); accepted but older than the deadline, it fails; the rest is
   * scheduled: accepted ones are sent, running ones queried (spread over a few seconds so a takeover does not
   * burst the budget), delivering ones delivered again (edits are idempotent), members not yet told are told.
   * Scheduled without arming the timer: the caller arms it once after the batch. With `ahead`, running ones are
   * due in the spread before that time instead of after now.
   */
  async function adopt(t: TaskRecord, ahead?: number): Promise<'uncertain' | 'failed' | 'queued' | 'told'> {
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
      deps.remember(t);
      const spread = Math.min(deps.firstDelayMs, 5000);
      const offset = Math.floor((deps.random ?? Math.random)() * spread);
      scheduler.put(t.id, ahead === undefined ? now() + offset : ahead - spread + offset);
    } else {
      scheduler.put(t.id, now());
    }
    return 'queued';
  }

  /**
   * A live process renews its lease every third of it, so a lease running out before the next regular round
   * is one of a process that stopped: one more round then, so its tasks are not left up to a third of a lease longer.
   */
  function expiryRound(): void {
    const expiry = leases.nextExpiry?.();
    if (atExpiry || expiry === undefined || !scheduler.running) return;
    const wait = expiry - now() + 100;
    if (wait >= deps.leaseMs / 3) return;
    atExpiry = setTimeout(
      () => {
        atExpiry = undefined;
        void maintain();
      },
      Math.max(0, wait),
    );
    atExpiry.unref?.();
  }

  /** Renews this process's leases (forgetting tasks another process took), then takes over orphaned ones. */
  async function maintain(): Promise<void> {
    if (!scheduler.running || maintaining) return;
    maintaining = true;
    try {
      for (const id of await leases.renew()) deps.forget(id, 'its lease was taken over');
      // The start's adoption still runs: what it has not claimed yet is its to adopt.
      if (rest) return;
      // Nothing can have become claimable since the last scan: no scan of the whole index this round.
      if (leases.mayHaveOrphans && !(await leases.mayHaveOrphans())) {
        expiryRound();
        return;
      }
      const { open } = await takeOver();
      if (open) deps.logger.info({ tasks: open }, 'took over tasks whose process stopped');
      scheduler.arm();
      expiryRound();
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
      // The index is scanned a page at a time: the first START_PAGE tasks found are adopted before the bot
      // takes interactions, the rest (and the rest of the scan) after.
      const pages = leases.claimablePages({ includeHeld: true });
      const ids: string[] = [];
      let done = false;
      while (ids.length < START_PAGE) {
        const next = await pages.next();
        if (next.done) {
          done = true;
          break;
        }
        ids.push(...next.value);
      }
      const counts = { open: 0, uncertain: 0, failed: 0 };
      await adoptAll(ids.slice(0, START_PAGE), false, counts);
      if (!done || ids.length > START_PAGE) rest = adoptRest(ids.slice(START_PAGE), pages);
      if (leases.shared) {
        maintenance = setInterval(() => void maintain(), deps.leaseMs / 3);
        maintenance.unref?.();
      }
      return counts;
    },
    /** Resolves once the start's background adoption (if any) has ended. */
    settled: async (): Promise<void> => {
      await rest;
    },
    stop(): void {
      if (maintenance) clearInterval(maintenance);
      if (atExpiry) clearTimeout(atExpiry);
      atExpiry = undefined;
    },
  };
}

export type Takeover = ReturnType<typeof createTakeover>;
