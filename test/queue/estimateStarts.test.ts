import { describe, expect, it } from 'vitest';
import { estimateStarts, shownStart } from '../../src/services/queue/estimateStarts.js';

const NOW = 1_000_000;

describe('estimated starts of waiting tasks', () => {
  it('with a free slot the first starts now; the rest as running tasks end, first to end first', () => {
    expect(
      estimateStarts({
        now: NOW,
        cap: 3,
        runningEnds: [NOW + 60_000, NOW + 30_000],
        waiting: [10_000, 10_000, 10_000],
      }),
    ).toEqual([NOW, NOW + 10_000, NOW + 20_000]);
  });

  it('a full scope: each waiting task takes the earliest slot to free and holds it for its own duration', () => {
    expect(
      estimateStarts({
        now: NOW,
        cap: 2,
        runningEnds: [NOW + 30_000, NOW + 60_000],
        waiting: [50_000, 10_000, 10_000],
      }),
    ).toEqual([NOW + 30_000, NOW + 60_000, NOW + 70_000]);
  });

  it('a running task past its expected end is taken to end in a few seconds, not in the past', () => {
    expect(estimateStarts({ now: NOW, cap: 1, runningEnds: [NOW - 99_000], waiting: [1000] })).toEqual([NOW + 5000]);
  });

  it('without a scope cap (members capped only), the slots in use count', () => {
    expect(estimateStarts({ now: NOW, cap: null, runningEnds: [NOW + 20_000], waiting: [5000, 5000] })).toEqual([
      NOW + 20_000,
      NOW + 25_000,
    ]);
  });

  it('a card shows no time for a start under a minute away (a free slot behind a member limit reads "now")', () => {
    expect(shownStart(NOW, NOW)).toBeUndefined();
    expect(shownStart(NOW + 59_999, NOW)).toBeUndefined();
    expect(shownStart(NOW + 60_000, NOW)).toBe(NOW + 60_000);
    expect(shownStart(undefined, NOW)).toBeUndefined();
  });
});
