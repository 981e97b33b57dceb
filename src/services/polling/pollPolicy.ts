/**
 * How the poller picks a running task's next query delay, and what it learns from a finish: the fixed
 * curve (`nextPollDelay`), or the schedule around each task's expected finish (`expectedFinishDelay`)
 * from the render times learned per kind of video (`renderStats`).
 */
import type { TaskSnapshot } from '../seedance/parse.js';
import type { TaskRecord } from '../tasks/taskRecord.js';
import { expectedFinishDelay } from './expectedFinish.js';
import { nextPollDelay, type PollTiming } from './pollInterval.js';
import type { RenderFacts, RenderStats } from './renderStats.js';

/** What the poller carries when it asks: tasks it follows, its share of the query budget (per second). */
export interface PollLoad {
  followed: number;
  queriesPerSecond: number;
}

export interface PollPolicy {
  /** Delay (ms) before the next status query of `task`, after `attempts` queries. */
  nextDelay(task: TaskRecord, attempts: number, load: PollLoad): number;
  /** The vendor says `task` finished with a video (answer `snap`, seen at `seenAt`). */
  finished(task: TaskRecord, snap: TaskSnapshot, seenAt: number): void;
}

/** Today's curve: the first delay, then backing off from the shortest to the longest interval, with jitter. */
export function fixedPolicy(timing: PollTiming, random: () => number = Math.random): PollPolicy {
  return {
    nextDelay: (_task, attempts) => nextPollDelay(timing, attempts, random),
    finished: () => {},
  };
}

export const renderFactsOf = (task: TaskRecord): RenderFacts => ({
  model: task.model,
  resolution: task.request.resolution,
  seconds: task.cost.seconds,
});

/**
 * Render time of a finished task: from its submission to the vendor's own completion time when it gave one
 * that fits (between the submission and when we saw it, a second's rounding allowed), else to when the poller
 * saw it finished (later by the detection lag).
 */
export function renderMs(task: TaskRecord, snap: TaskSnapshot, seenAt: number): number | undefined {
  if (task.submittedAt === undefined) return undefined;
  const done = snap.completedAt?.getTime();
  const fits = done !== undefined && done >= task.submittedAt - 1000 && done <= seenAt + 1000;
  const end = fits ? Math.min(seenAt, Math.max(task.submittedAt + 1, done)) : seenAt;
  return end - task.submittedAt;
}

/** A number in [0, 1) fixed per task, so one task's schedule is steady and tasks of one kind spread apart. */
export function stableJitter(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/** How long the most tasks followed counts as the load (a burst that drains does not tighten the spacing). */
const PEAK_MS = 10 * 60_000;

/** The schedule around each task's expected finish, learning from every finish. */
export function learnedPolicy(stats: RenderStats, timing: PollTiming, now: () => number = Date.now): PollPolicy {
  let peak = 0;
  let peakAt = 0;
  return {
    nextDelay(task, attempts, load) {
      const at = now();
      if (load.followed >= peak || at - peakAt > PEAK_MS) {
        peak = load.followed;
        peakAt = at;
      }
      return expectedFinishDelay({ submittedAt: task.submittedAt }, stats.summary(renderFactsOf(task)), attempts, at, {
        timing,
        load: { followed: peak, queriesPerSecond: load.queriesPerSecond },
        jitter: stableJitter(task.id),
      });
    },
    finished(task, snap, seenAt) {
      const ms = renderMs(task, snap, seenAt);
      if (ms !== undefined && task.submittedAt !== undefined) stats.record(renderFactsOf(task), ms, task.submittedAt);
    },
  };
}
