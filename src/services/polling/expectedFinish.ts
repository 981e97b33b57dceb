/**
 * When to ask about a running task next, from the render times learned for its kind (a pure function):
 * no query while it is almost certainly not done (until the 10th percentile), queries every `spacing`
 * while its finish is likely (10th to 95th percentile), and the fixed curve (`nextPollDelay`) past that (no
 * denser than half the longest spacing), while too little was learned (the prior alone, or a few finishes), or
 * without a submission time.
 *
 * The fixed curve's bound for a task is what the fixed curve achieves: half its interval, or half the time the
 * query budget takes to go round every followed task: max(fixed / 2, followed / (2 × budget)). Dense queries
 * are at most 0.8 × that apart near the median and at most the bound itself towards the edges (mean detection
 * lag ≤ half the bound), finer when the likely window is narrow; never longer than the fixed curve's longest
 * wait or one round of the budget, so no task waits longer between queries than it would today. `followed`
 * is the load the process carries (the poller's recent peak), so the spacing does not tighten as a burst drains.
 */
import { nextPollDelay, type PollTiming } from './pollInterval.js';
import type { RenderSummary } from './renderStats.js';

export interface ScheduleFacts {
  /** When the vendor took the task (ms since epoch); unknown → the fixed curve. */
  submittedAt?: number;
}

export interface ScheduleContext {
  timing: PollTiming;
  /** Tasks this process follows and its share of the query budget (queries per second). */
  load: { followed: number; queriesPerSecond: number };
  /** In [0, 1): spreads tasks of one kind apart (±10 %). */
  jitter: number;
}

/** Weight of real finishes (decayed) a kind needs before its distribution is used (about 9 finishes). */
export const MIN_OBSERVATIONS = 8;
/** Share of the fixed curve's bound used as the spacing of dense queries (mean lag = half of it). */
const SPACING_SHARE = 0.8;
/** How much sparser than at the median dense queries get at the 10th and 90th percentile (× 1.8, within the bound). */
const WIDEN = 0.8;
/** A narrow likely window is covered by about this many queries (finer than the bound asks for). */
const DENSE_QUERIES = 8;
/** Past the 95th percentile, queries at least this share of the longest dense spacing apart. */
const LATE_SHARE = 0.5;

/** Delay (ms) before the next status query of a running task that has had `attempts` queries so far. */
export function expectedFinishDelay(
  facts: ScheduleFacts,
  stats: RenderSummary | undefined,
  attempts: number,
  now: number,
  ctx: ScheduleContext,
): number {
  const { timing, load, jitter } = ctx;
  const fixed = nextPollDelay(timing, attempts, () => jitter);
  if (!stats || facts.submittedAt === undefined) return fixed;
  const elapsed = Math.max(0, now - facts.submittedAt);
  // Thin data (the prior alone, or a few finishes): the fixed curve.
  if (stats.observations < MIN_OBSERVATIONS) return fixed;
  // The first query between the 5th and 10th percentile (tasks sent together do not all ask at once).
  const first = stats.p05 + jitter * (stats.p10 - stats.p05);
  if (elapsed < first) return Math.round(first - elapsed);
  const roundMs = (1000 * load.followed) / Math.max(load.queriesPerSecond, 1e-9);
  const bound = Math.max(fixed / 2, roundMs / 2);
  const longest = Math.min(bound, Math.max(timing.maxIntervalMs, roundMs));
  // Past the 95th percentile: the fixed curve, but not more often than every half of the longest spacing (mean
  // lag a quarter of the bound). The few tasks still running there no longer share the budget with a burst, so
  // the bare curve would ask every few seconds for as long as they run.
  if (elapsed >= stats.p95) return Math.max(fixed, Math.round(LATE_SHARE * longest * (0.9 + 0.2 * jitter)));
  // A narrow likely window is covered by about DENSE_QUERIES queries, finer than the bound asks for.
  const base = Math.min(SPACING_SHARE * bound, Math.max(1000, (stats.p90 - stats.p10) / DENSE_QUERIES));
  // Densest around the median, sparser towards the 10th and 90th percentiles (finishes are rarer there).
  const away =
    Math.abs(Math.log(Math.max(elapsed, 1) / stats.p50)) / Math.log(Math.max(stats.p90, stats.p50 + 1) / stats.p50);
  const spacing = Math.min(longest, base * (1 + WIDEN * Math.min(away, 2)));
  return Math.max(1, Math.round(spacing * (0.9 + 0.2 * jitter)));
}
