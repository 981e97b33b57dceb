/** A usage counter (videos, seconds, billing units) and the arithmetic on it. */
export interface Counter {
  tasks: number;
  /** Seconds of video. */
  seconds: number;
  /** In the model's billing unit: tasks for per-task models plus seconds for per-second models. */
  perTaskUnits: number;
  perSecondUnits: number;
  /** Estimated cost in millionths of the operator's currency (only when prices are set). */
  spend?: number;
}

export const EMPTY_COUNTER: Readonly<Counter> = Object.freeze({
  tasks: 0,
  seconds: 0,
  perTaskUnits: 0,
  perSecondUnits: 0,
});

/** a + b (sign 1) or a − b (sign −1), never below zero. */
export const addCounter = (a: Counter, b: Counter, sign: 1 | -1): Counter => ({
  tasks: Math.max(0, a.tasks + sign * b.tasks),
  seconds: Math.max(0, a.seconds + sign * b.seconds),
  perTaskUnits: Math.max(0, a.perTaskUnits + sign * b.perTaskUnits),
  perSecondUnits: Math.max(0, a.perSecondUnits + sign * b.perSecondUnits),
  ...(a.spend || b.spend ? { spend: Math.max(0, (a.spend ?? 0) + sign * (b.spend ?? 0)) } : {}),
});
