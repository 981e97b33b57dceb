/** How long to wait before the next status query of a task: soon at first, then backing off with jitter. */
export interface PollTiming {
  firstDelayMs: number;
  minIntervalMs: number;
  maxIntervalMs: number;
}

/** Delay before query number `attempt + 1`, given `attempt` queries made so far. `random` is in [0, 1). */
export function nextPollDelay(timing: PollTiming, attempt: number, random: () => number = Math.random): number {
  if (attempt <= 0) return timing.firstDelayMs;
  const base = Math.min(timing.maxIntervalMs, timing.minIntervalMs * 1.25 ** (attempt - 1));
  // ±10 % jitter keeps tasks created together from querying in lock-step, within [min, max].
  const jittered = base * (0.9 + 0.2 * random());
  return Math.round(Math.min(timing.maxIntervalMs, Math.max(timing.minIntervalMs, jittered)));
}
