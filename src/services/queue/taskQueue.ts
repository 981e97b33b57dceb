/**
 * The per-scope queue of requests waiting for a running slot. The records (queue entries, usage counts,
 * task states) change only inside the task service's transactions; this module decides *when* to try:
 * a running slot freed in a scope (a task reached a final state), a request joined or left the queue, and
 * a sweep every few seconds for what another process or a crash left. It also keeps the members' cards
 * told of their position and estimated start, with throttled edits.
 */
import type { Logger } from '../../logging/logger.js';
import type { TaskRecord, TaskState } from '../tasks/taskRecord.js';
import { placeKeys, type TaskService } from '../tasks/taskService.js';
import { IllegalTransitionError } from '../tasks/stateMachine.js';
import { type GuildLedger, isUserScope } from '../usage/guildLedger.js';
import { estimateStarts, shownStart } from './estimateStarts.js';
import type { RenderTimes } from './renderTimes.js';

export interface QueuePlace {
  position: number;
  /** Estimated start (ms since epoch). */
  startsAt?: number;
}

/** What the queue needs from the front end: show a waiting task's place. Must not throw. */
export interface QueuePresenter {
  queued(task: TaskRecord, place: QueuePlace): Promise<void>;
}

export interface TaskQueueSettings {
  /** How often every scope's queue is looked at (for slots freed elsewhere, crashes, changed limits). */
  sweepMs: number;
  /** Least time between two refresh rounds of one scope's cards. */
  refreshGapMs: number;
  /** Card edits per refresh round (the rest wait for the next round). */
  editsPerRound: number;
}

export interface TaskQueueDeps {
  tasks: TaskService;
  ledger: GuildLedger;
  renderTimes: RenderTimes;
  presenter: QueuePresenter;
  logger: Logger;
  /** Sends a task that just left the queue upstream and follows it. */
  onStarted(task: TaskRecord): void;
  /** Whether this process looks after the scope (its guild's shard runs here). */
  ownsScope(scope: string): boolean;
  settings?: Partial<TaskQueueSettings>;
  now?: () => number;
}

const HOLDS_SLOT: readonly TaskState[] = ['accepted', 'submitting', 'running', 'delivering'];
const guildOfScope = (scope: string) => (scope.startsWith('g') ? scope.slice(1) : null);
/** A card is edited again for a new position at once near the front, else at most this often. */
const FAR_EDIT_GAP_MS = 60_000;
const NEAR_FRONT = 10;

export function createTaskQueue(deps: TaskQueueDeps) {
  const now = deps.now ?? Date.now;
  const settings: TaskQueueSettings = { sweepMs: 5_000, refreshGapMs: 3_000, editsPerRound: 25, ...deps.settings };
  const log = deps.logger;
  /** Scopes being promoted now, and whether another try was asked for meanwhile. */
  const promoting = new Map<string, boolean>();
  /** What each waiting task's card last showed, per scope. */
  const shown = new Map<string, Map<string, QueuePlace & { at: number }>>();
  const refreshTimers = new Map<string, NodeJS.Timeout>();
  const lastRound = new Map<string, number>();
  let sweepTimer: NodeJS.Timeout | undefined;
  let sweeping = false;
  let running = false;

  deps.tasks.onStateChange((task, previous) => {
    const scope = placeKeys(task).scope;
    // A running slot was freed: the next in line may start.
    if (HOLDS_SLOT.includes(previous) && !HOLDS_SLOT.includes(task.state)) void kick(scope);
    if (previous === 'running' && task.state === 'delivering' && task.submittedAt)
      deps.renderTimes.observe(task.cost.seconds, task.request.resolution, now() - task.submittedAt);
    // Someone left the queue: those behind move up.
    if (previous === 'queued') {
      shown.get(scope)?.delete(task.id);
      scheduleRefresh(scope);
    }
  });

  /** Starts what fits in `scope` now; calls made while one runs are folded into one more try. */
  async function kick(scope: string): Promise<void> {
    if (promoting.has(scope)) {
      promoting.set(scope, true);
      return;
    }
    promoting.set(scope, false);
    try {
      do {
        promoting.set(scope, false);
        const started = await deps.tasks.startQueued(scope);
        for (const t of started) {
          log.info({ taskId: t.id, guildId: t.guildId }, 'task left the queue for a running slot');
          deps.onStarted(t);
        }
      } while (promoting.get(scope));
    } catch (err) {
      log.error({ err, scope }, 'could not start queued tasks; the sweep will try again');
    } finally {
      promoting.delete(scope);
    }
  }

  /** Positions and estimated starts of every task waiting in `scope`. */
  async function places(scope: string): Promise<Array<{ id: string; place: QueuePlace }>> {
    const [waiting, runningNow] = await Promise.all([deps.tasks.waiting(scope), deps.tasks.running(scope)]);
    if (!waiting.length) return [];
    const guildId = guildOfScope(scope);
    // A member's own scope (user install) runs at most its member cap: that is the scope's cap for estimates.
    const cap = guildId
      ? (await deps.ledger.limitsFor(guildId)).guild_running
      : isUserScope(scope)
        ? (await deps.ledger.limitsFor(null, true)).member_running
        : null;
    const at = now();
    const records = await deps.tasks.getMany(waiting.map((w) => w.id));
    const byId = new Map(records.map((t) => [t.id, t]));
    const expect = (seconds: number, resolution?: string) => deps.renderTimes.expectMs(seconds, resolution);
    const starts = estimateStarts({
      now: at,
      cap,
      runningEnds: runningNow.map(({ entry }) => entry.at + expect(entry.seconds, entry.resolution)),
      waiting: waiting.map(({ id }) => {
        const t = byId.get(id);
        return t ? expect(t.cost.seconds, t.request.resolution) : expect(5);
      }),
    });
    return waiting.map(({ id }, i) => ({ id, place: { position: i + 1, startsAt: shownStart(starts[i], at) } }));
  }

  function scheduleRefresh(scope: string): void {
    if (!running || refreshTimers.has(scope)) return;
    const wait = Math.max(0, (lastRound.get(scope) ?? 0) + settings.refreshGapMs - now());
    const timer = setTimeout(() => {
      refreshTimers.delete(scope);
      void refresh(scope);
    }, wait);
    timer.unref?.();
    refreshTimers.set(scope, timer);
  }

  /** One refresh round: edits the cards whose position (or estimate) changed enough to be worth it. */
  async function refresh(scope: string): Promise<number> {
    lastRound.set(scope, now());
    let edits = 0;
    try {
      const all = await places(scope);
      const seen = shown.get(scope) ?? new Map<string, QueuePlace & { at: number }>();
      shown.set(scope, seen);
      const live = new Set(all.map((x) => x.id));
      for (const id of seen.keys()) if (!live.has(id)) seen.delete(id);
      const at = now();
      const due = all.filter(({ id, place }) => {
        const last = seen.get(id);
        if (!last) return true;
        const quiet = at - last.at >= FAR_EDIT_GAP_MS;
        if (place.position !== last.position)
          return place.position <= NEAR_FRONT || quiet || place.position <= last.position * 0.8;
        const drift = Math.abs((place.startsAt ?? 0) - (last.startsAt ?? 0));
        return quiet && drift > Math.max(60_000, 0.2 * ((place.startsAt ?? at) - at));
      });
      const batch = due.slice(0, settings.editsPerRound);
      const records = await deps.tasks.getMany(batch.map((x) => x.id));
      const byId = new Map(records.map((t) => [t.id, t]));
      await Promise.all(
        batch.map(async ({ id, place }) => {
          const t = byId.get(id);
          if (t?.state !== 'queued') return;
          seen.set(id, { ...place, at });
          edits += 1;
          await deps.presenter.queued(t, place);
        }),
      );
      if (due.length > batch.length) scheduleRefresh(scope);
    } catch (err) {
      log.warn({ err, scope }, 'queue positions could not be refreshed; will try again');
    }
    return edits;
  }

  async function sweep(): Promise<void> {
    if (sweeping || !running) return;
    sweeping = true;
    try {
      for (const scope of await deps.tasks.queuedScopes()) {
        if (!deps.ownsScope(scope)) continue;
        await kick(scope);
        if (now() - (lastRound.get(scope) ?? 0) >= 30_000) scheduleRefresh(scope);
      }
    } catch (err) {
      log.warn({ err }, 'queue sweep failed; will try again');
    } finally {
      sweeping = false;
    }
  }

  return {
    kick,
    refresh,
    places,

    /** A task that just joined the queue: its place now (for its first card), and a try to start it. */
    async joined(task: TaskRecord): Promise<QueuePlace | undefined> {
      const scope = placeKeys(task).scope;
      const place = (await places(scope)).find((x) => x.id === task.id)?.place;
      if (place) {
        const seen = shown.get(scope) ?? new Map<string, QueuePlace & { at: number }>();
        shown.set(scope, seen);
        seen.set(task.id, { ...place, at: now() });
      }
      return place;
    },

    /** After the new task's card is up: start it if a slot is free after all. */
    afterJoin(task: TaskRecord): void {
      void kick(placeKeys(task).scope);
    },

    /** The place of one waiting task, or undefined when it is not waiting. */
    async placeOf(task: TaskRecord): Promise<QueuePlace | undefined> {
      if (task.state !== 'queued') return undefined;
      return (await places(placeKeys(task).scope)).find((x) => x.id === task.id)?.place;
    },

    /**
     * Takes a waiting task out of the queue (it never reaches the video service; its usage is refunded).
     * `started`: it already left the queue, and can no longer be cancelled. `already`: it was cancelled before
     * (the same click answered by another process of a rolling deploy, or a second click): the same answer,
     * nothing changed here; the process that cancelled it tells the member.
     */
    async cancel(
      id: string,
      by: string,
    ): Promise<{ ok: true; task: TaskRecord; already?: true } | { ok: false; reason: 'unknown' | 'started' }> {
      const outcome = (t: TaskRecord) =>
        t.lastError?.reason === 'member_cancelled'
          ? { ok: true as const, task: t, already: true as const }
          : { ok: false as const, reason: 'started' as const };
      const task = await deps.tasks.get(id);
      if (!task) return { ok: false, reason: 'unknown' };
      if (task.state !== 'queued') return outcome(task);
      try {
        const next = await deps.tasks.apply(id, 'cancelQueued', { by }, task);
        log.info({ taskId: id, guildId: task.guildId, by }, 'queued task cancelled');
        return { ok: true, task: next };
      } catch (err) {
        if (!(err instanceof IllegalTransitionError)) throw err;
        const current = await deps.tasks.get(id);
        return current ? outcome(current) : { ok: false, reason: 'unknown' };
      }
    },

    async start(): Promise<void> {
      running = true;
      await deps.renderTimes.load().catch((err: unknown) => log.warn({ err }, 'render times could not be read'));
      sweepTimer = setInterval(() => {
        void sweep();
        void deps.renderTimes.save().catch((err: unknown) => log.warn({ err }, 'render times could not be saved'));
      }, settings.sweepMs);
      sweepTimer.unref?.();
      void sweep();
    },

    async stop(): Promise<void> {
      running = false;
      if (sweepTimer) clearInterval(sweepTimer);
      for (const t of refreshTimers.values()) clearTimeout(t);
      refreshTimers.clear();
      await deps.renderTimes.save().catch(() => undefined);
    },
  };
}

export type TaskQueue = ReturnType<typeof createTaskQueue>;
