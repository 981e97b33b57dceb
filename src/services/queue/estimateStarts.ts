/**
 * When each waiting task should get a running slot: the scope's slots free up as the running tasks end
 * (their expected duration minus what has elapsed), and each waiting task, in queue order, takes the first
 * slot to free and holds it for its own expected duration. An estimate, shown as "starts about …".
 */
export interface EstimateInput {
  now: number;
  /** Running slots of the scope; null = no scope cap (then only the slots in use count). */
  cap: number | null;
  /** Expected end of each running task (ms since epoch). */
  runningEnds: number[];
  /** Expected duration (ms) of each waiting task, first in line first. */
  waiting: number[];
}

/** A floor for a task already past its expected end: it should be about to finish. */
const SOON_MS = 5_000;

export function estimateStarts(input: EstimateInput): number[] {
  const { now } = input;
  const slots = Math.max(1, input.cap ?? input.runningEnds.length);
  // Free times of every slot, earliest first.
  const free = input.runningEnds.map((end) => Math.max(end, now + SOON_MS)).sort((a, b) => a - b);
  free.splice(slots);
  while (free.length < slots) free.unshift(now);
  const starts: number[] = [];
  for (const duration of input.waiting) {
    const at = free.shift()!;
    starts.push(at);
    // Keep the list sorted: insert the slot's next free time where it belongs.
    const next = at + duration;
    let i = free.findIndex((t) => t > next);
    if (i < 0) i = free.length;
    free.splice(i, 0, next);
  }
  return starts;
}

/**
 * Estimates closer than this are not shown: a start "now" means the slot is free and something else holds the
 * task (a member's own running limit), and one a few seconds away reads "x seconds ago" before the card is
 * next edited. The position says enough.
 */
export const SHOWN_ESTIMATE_MIN_MS = 60_000;

/** The estimate to show on a card, or undefined when it is too close to be worth a time. */
export function shownStart(startsAt: number | undefined, now: number): number | undefined {
  return startsAt !== undefined && startsAt - now >= SHOWN_ESTIMATE_MIN_MS ? startsAt : undefined;
}
