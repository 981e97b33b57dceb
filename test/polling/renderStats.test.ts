/**
 * Learned render times: the prior before any data, robustness to an outlier, decay after a vendor slowdown,
 * two processes merging their finishes through the store, and a save/read round trip on SQLite and PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import type { RecordStore } from '../../src/db/recordStore.js';
import { seedRenderMs } from '../../src/services/queue/renderTimes.js';
import { createRenderStats, durationBand, type StoredHistogram } from '../../src/services/polling/renderStats.js';
import { openTempStore, storeKinds, type TempStore } from '../support/tempStore.js';

const KIND = { model: 'seedance2.0-mini-sp', resolution: '720p', seconds: 5 };
/** A store no test here touches (stats only read and write it in flush/refresh). */
const noStore = {} as RecordStore;

/** Submission times, one second apart: steady traffic. */
let submitted = 0;
const next = () => (submitted += 1000);

/** 0 … n−1 in an order unrelated to their size (a seeded Fisher–Yates shuffle: the same order every run). */
function shuffled(n: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  let seed = 20261204;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Render times spread ±20 % around `medianMs`, in a fixed order (no randomness). */
const around = (medianMs: number, n: number) => Array.from({ length: n }, (_, i) => medianMs * (0.8 + (0.4 * i) / n));

describe('render stats of one kind', () => {
  it('before any finish: the wide prior around the seed estimate', () => {
    const s = createRenderStats(noStore).summary(KIND);
    const seed = seedRenderMs(5, '720p');
    expect(s.observations).toBe(0);
    expect(s.p50 / seed).toBeGreaterThan(0.9);
    expect(s.p50 / seed).toBeLessThan(1.1);
    // Wide: the 5th percentile well under half the median, the 95th well over twice it.
    expect(s.p05).toBeLessThan(seed * 0.4);
    expect(s.p95).toBeGreaterThan(seed * 2.5);
  });

  it('learns the data, and one 2-hour outlier among 40 finishes moves neither the median nor the 95th percentile much', () => {
    const stats = createRenderStats(noStore);
    for (const ms of around(90_000, 40)) stats.record(KIND, ms, next());
    const before = stats.summary(KIND);
    expect(before.p50).toBeGreaterThan(80_000);
    expect(before.p50).toBeLessThan(100_000);
    stats.record(KIND, 2 * 3600_000, next());
    const after = stats.summary(KIND);
    expect(after.p50 / before.p50).toBeLessThan(1.05);
    expect(after.p90 / before.p90).toBeLessThan(1.1);
    // The 95th percentile moves up to the next finishes (the outlier is 4 % of the weight), nowhere near 2 h
    // (the mean would go from 90 s to 4.4 min).
    expect(after.p95).toBeLessThan(1.5 * before.p95);
    expect(after.p95).toBeLessThan(150_000);
  });

  it('a vendor three times slower shows in the median within 30 finishes (decay)', () => {
    const stats = createRenderStats(noStore);
    for (const ms of around(90_000, 200)) stats.record(KIND, ms, next());
    for (const ms of around(270_000, 30)) stats.record(KIND, ms, next());
    expect(stats.summary(KIND).p50).toBeGreaterThan(200_000);
    // The other kinds are not touched.
    expect(stats.summary({ ...KIND, seconds: 10 }).observations).toBe(0);
    expect(durationBand(10)).not.toBe(durationBand(5));
  });

  it('a burst sent together whose finishes come shortest first is learned evenly, not as its last finishes', () => {
    const stats = createRenderStats(noStore);
    // 400 tasks submitted within 2 s (in an order unrelated to their length), finishing in order of length.
    const renders = around(90_000, 400);
    for (const [i, ms] of renders.entries()) stats.record(KIND, ms, 5_000_000 + ((i * 7919) % 400) * 5);
    const s = stats.summary(KIND);
    expect(s.p50).toBeGreaterThan(85_000);
    expect(s.p50).toBeLessThan(95_000);
    expect(s.p10).toBeLessThan(80_000);
  });

  it('a slowdown the next burst shows outweighs a larger burst sent 7 minutes before (weight by submission age)', () => {
    const stats = createRenderStats(noStore);
    // 2,500 renders around 63 s submitted within 2.5 s in an order unrelated to their length, finishing
    // shortest first …
    const offsets = shuffled(2500);
    for (const [i, ms] of around(63_000, 2500).entries()) stats.record(KIND, ms, 9_000_000 + offsets[i]!);
    expect(stats.summary(KIND).p50).toBeLessThan(70_000);
    // … then, 7 minutes later, 2,000 renders three times slower.
    for (const [i, ms] of around(189_000, 2000).entries()) stats.record(KIND, ms, 9_000_000 + 7 * 60_000 + offsets[i]!);
    // Counted by number alone (each render 1, decayed at the few new latest submissions) the median would sit at
    // the new cluster's lower edge (about 152 s; 78 s in the bench before weighting by age).
    expect(stats.summary(KIND).p50).toBeGreaterThan(160_000);
  });

  it('a pause in traffic halves what was learned at most: a quiet night does not erase it', () => {
    const stats = createRenderStats(noStore);
    for (const ms of around(90_000, 100)) stats.record(KIND, ms, next());
    const before = stats.summary(KIND).observations;
    submitted += 8 * 3600_000;
    stats.record(KIND, 90_000, next());
    const after = stats.summary(KIND).observations;
    // Half of the old weight (× DECAY) and the new finish; still far above what the schedule needs.
    expect(after).toBeGreaterThan(before * 0.45 + 1);
    expect(after).toBeLessThan(before * 0.5 + 1);
    // An old task finishing late (submitted 2 h before the latest) counts for almost nothing.
    stats.record(KIND, 2 * 3600_000, submitted - 2 * 3600_000);
    expect(stats.summary(KIND).observations - after).toBeLessThan(0.01);
  });

  it('ignores non-positive or non-finite render times', () => {
    const stats = createRenderStats(noStore);
    for (const ms of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) stats.record(KIND, ms, next());
    expect(stats.summary(KIND).observations).toBe(0);
  });
});

describe.each(await storeKinds())('render stats in the store (%s)', (kind) => {
  let temp: TempStore;
  afterEach(async () => temp?.cleanup());

  it('asked after every finish, while a flush runs and after it, the summary counts every finish once', async () => {
    temp = await openTempStore('render-stats-view', kind);
    const a = createRenderStats(temp.store);
    // The same finishes, never asked nor saved: its summary is built from all of them at once.
    const b = createRenderStats(noStore);
    const times = around(90_000, 60);
    let first: Promise<void> | undefined;
    for (const [n, i] of shuffled(60).entries()) {
      const at = next();
      a.record(KIND, times[i]!, at);
      b.record(KIND, times[i]!, at);
      a.summary(KIND);
      // A flush under way while more finishes come, then one awaited.
      if (n === 20) first = a.flush();
      if (n === 40) await a.flush();
    }
    await first;
    // The same up to the stored weights' rounding (1e-4, merged into by each later flush).
    const same = () => {
      const { observations, ...quantiles } = a.summary(KIND);
      const { observations: all, ...expected } = b.summary(KIND);
      expect(quantiles).toEqual(expected);
      expect(observations).toBeCloseTo(all, 3);
    };
    same();
    await a.flush();
    same();
    expect(b.summary(KIND).observations).toBeGreaterThan(20);
  });

  it('two processes merge their finishes in the stored record; a restart reads it back', async () => {
    temp = await openTempStore('render-stats', kind);
    const a = createRenderStats(temp.store);
    const b = createRenderStats(temp.store);
    for (const ms of around(60_000, 20)) a.record(KIND, ms, next());
    for (const ms of around(120_000, 20)) b.record(KIND, ms, next());
    await Promise.all([a.flush(), b.flush()]);
    const rec = await temp.store.get<StoredHistogram>(keys.renderStats('seedance2.0-mini-sp:720p:d05'));
    expect(rec?.w.length).toBeGreaterThan(0);
    expect(rec!.w.length).toBeLessThanOrEqual(20); // small: only buckets with weight
    // Each process sees the other's finishes after a read.
    await a.refresh();
    const merged = a.summary(KIND);
    // 40 finishes, decayed by 1/32 each: 32 × (1 − (31/32)^40) ≈ 23.
    expect(merged.observations).toBeGreaterThan(22);
    expect(merged.observations).toBeLessThan(24);
    expect(merged.p10).toBeLessThan(70_000);
    expect(merged.p90).toBeGreaterThan(100_000);
    // A restart (the store reopened, a fresh process) reads the same distribution.
    await temp.reopen();
    const c = createRenderStats(temp.store);
    await c.start();
    expect(c.summary(KIND)).toEqual(merged);
    // Unsaved finishes are saved when it stops.
    c.record(KIND, 300_000, next());
    await c.stop();
    const d = createRenderStats(temp.store);
    await d.refresh();
    expect(d.summary(KIND).observations).toBeGreaterThan(merged.observations);
  });
});
