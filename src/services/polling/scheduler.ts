/** Decides when each followed task is next checked: a due-time heap, one timer on a 250 ms grid, a delay policy. */
import type { TaskRecord } from '../tasks/taskRecord.js';
import { DueSchedule } from './dueSchedule.js';
import { nextPollDelay, type PollTiming } from './pollInterval.js';

/**
 * How long until a task's next status query, given the queries made so far (`attempts`) and the time now.
 * Today's back-off curve by default; expected-duration scheduling plugs in here.
 */
export type DelayPolicy = (task: TaskRecord, attempts: number, now: number) => number;

/** Today's curve: the first delay, then the minimum interval growing by a quarter per query up to the maximum. */
export function curvePolicy(timing: PollTiming, random?: () => number): DelayPolicy {
  return (_task, attempts) => nextPollDelay(timing, attempts, random);
}

export interface SchedulerDeps {
  now: () => number;
  timing: PollTiming;
  random?: () => number;
  /** When a task being rendered is next asked (default: `curvePolicy`). */
  delay?: DelayPolicy;
  /** How many due tasks the checker can start soon; the rest stay in the heap in due order. */
  room(): number;
  /** Hands one due task to the checker. */
  dispatch(id: string): void;
}

/** The grid the scheduler wakes up on (ms): a query goes out at most this much after it is due. */
export const TICK_MS = 250;

export function createScheduler(deps: SchedulerDeps) {
  const { now, timing } = deps;
  const heap = new DueSchedule();
  const policy = deps.delay ?? curvePolicy(timing, deps.random);
  let timer: NodeJS.Timeout | undefined;
  let timerDue = Number.POSITIVE_INFINITY;
  let running = false;

  /**
   * Sets the one timer for the earliest due task (if it is earlier than the one set), on the next tick of a
   * TICK_MS grid: tasks due within one tick go out together, their answers come back together and their
   * saves share one commit, instead of one wake-up of the process for each.
   */
  function arm(): void {
    if (!running) return;
    const due = heap.peekDue();
    if (due === undefined) return;
    const at = Math.ceil(due / TICK_MS) * TICK_MS;
    if (timer && at >= timerDue) return;
    if (timer) clearTimeout(timer);
    timerDue = at;
    timer = setTimeout(fire, Math.max(0, at - now()));
    timer.unref?.();
  }

  function fire(): void {
    timer = undefined;
    timerDue = Number.POSITIVE_INFINITY;
    if (!running) return;
    // Only take as many due tasks as the checker can start soon; the rest stay in the heap in due order.
    for (const id of heap.popDue(now(), deps.room())) deps.dispatch(id);
    if (!heap.size || timer) return;
    if (heap.peekDue()! > now()) {
      arm();
      return;
    }
    // Checker full: look again when it has drained a little, not in a busy loop.
    timerDue = now() + 50;
    timer = setTimeout(fire, 50);
    timer.unref?.();
  }

  function later(id: string, delayMs: number): void {
    heap.schedule(id, now() + delayMs);
    arm();
  }

  return {
    /** Between `start` and `stop`: the poller's work goes on. */
    get running(): boolean {
      return running;
    },
    /** Tasks waiting for their due time. */
    get size(): number {
      return heap.size;
    },
    has: (id: string): boolean => heap.has(id),
    /** The earliest due time in the heap (undefined when empty). */
    earliestDue: (): number | undefined => heap.peekDue(),
    /** Puts a task at a due time without setting the timer (a batch, armed once after it). */
    put(id: string, due: number): void {
      heap.schedule(id, due);
    },
    /** Checks the task again after `delayMs`. */
    later,
    /** The policy's delay for a task being rendered, after `attempts` queries. */
    delayFor: (task: TaskRecord, attempts: number): number => policy(task, attempts, now()),
    /** Asks about a task being rendered again when the policy says, after `attempts` queries. */
    next(task: TaskRecord, attempts: number): void {
      later(task.id, policy(task, attempts, now()));
    },
    /** Today's curve, for waits that are not a render's (the media review's status checks). */
    curve: (attempts: number): number => nextPollDelay(timing, attempts, deps.random),
    remove(id: string): void {
      heap.remove(id);
    },
    arm,
    /** Work may go on; the timer is set by the first `arm` (after the start-up takeover). */
    start(): void {
      running = true;
    },
    stop(): void {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
