/**
 * How long renders take, learned per kind of video (model, resolution, duration band) for the polling
 * schedule: a log-scale histogram with fixed buckets (robust to outliers, cheap to update and to merge),
 * decayed so a vendor slowdown shows within tens of finishes, mixed with a wide prior (render ≈
 * the queue's seed estimate, log-normal) before any data. Every process adds its finishes to the stored
 * records in batches and reads everyone's every `refreshMs`.
 */
import { keys, prefixes } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import type { Logger } from '../../logging/logger.js';
import { seedRenderMs } from '../queue/renderTimes.js';

/** What a render's kind is read from. */
export interface RenderFacts {
  model: string;
  resolution?: string;
  /** Seconds of video. */
  seconds: number;
}

/** A learned render-time distribution, in ms from submission; plain data for the (pure) schedule. */
export interface RenderSummary {
  /** Weight of real observations in it (decayed); 0 means the prior alone. */
  observations: number;
  p05: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
}

/** Bucket i holds renders in [BASE_MS·2^(i/8), BASE_MS·2^((i+1)/8)): ~9 % wide, 1 s to 9 h. */
export const BUCKETS = 120;
const PER_OCTAVE = 8;
const BASE_MS = 1000;
/**
 * A finish multiplies the older weight by this when its task was submitted after every task counted so far:
 * with steady traffic about the last 32 finishes of a kind count. A burst sent together, whose finishes come
 * in order of length, decays only a few times (at each new latest submission), so its long renders do not
 * crowd out its short ones.
 */
export const DECAY = 1 - 1 / 32;
/**
 * Older submissions also count less by their age: a finish's weight halves for every HALF_LIFE_MS its task was
 * submitted before the latest one counted. Measured in submission time, not the clock, so a burst's renders
 * (submitted within seconds) weigh the same whatever order they finish in; a burst sent ten minutes after
 * another counts twice as much per render, so a vendor slowdown is learned from the next bursts' finishes instead
 * of being drowned by thousands of older ones. A pause in traffic counts as one half-life at most: a quiet night
 * halves what was learned, it does not erase it.
 */
export const HALF_LIFE_MS = 10 * 60_000;
/** The prior counts as this many observations, spread log-normally around the seed estimate. */
const PRIOR_WEIGHT = 2;
const PRIOR_SIGMA = 0.7;
/** Weights below this are dropped when saved (keeps records small). */
const NEGLIGIBLE = 1e-3;

export const bucketOf = (ms: number): number =>
  Math.min(BUCKETS - 1, Math.max(0, Math.floor(Math.log2(Math.max(ms, 1) / BASE_MS) * PER_OCTAVE)));
const edgeMs = (i: number) => BASE_MS * 2 ** (i / PER_OCTAVE);

/** Duration bands: renders of 4–5 s, 6–8 s, 9–12 s and longer videos are told apart. */
export function durationBand(seconds: number): string {
  return seconds <= 5 ? 'd05' : seconds <= 8 ? 'd08' : seconds <= 12 ? 'd12' : 'd99';
}

export const kindOf = (f: RenderFacts): string => `${f.model}:${f.resolution ?? 'default'}:${durationBand(f.seconds)}`;

/** The stored record of one kind: sparse bucket weights and the latest submission counted. */
export interface StoredHistogram {
  v: 1;
  /** [bucket, weight] pairs. */
  w: Array<[number, number]>;
  /** Submission time (ms) of the latest-submitted task counted. */
  s: number;
  at: number;
}

/** Dense weights and the latest submission counted. */
export interface Histogram {
  w: number[];
  latest: number;
}

/** A finish: its bucket and when its task was submitted. */
type Finish = [bucket: number, submittedAt: number];

const dense = (rec: StoredHistogram | undefined): Histogram => {
  const w = new Array<number>(BUCKETS).fill(0);
  for (const [i, x] of rec?.w ?? []) if (i >= 0 && i < BUCKETS && x > 0 && Number.isFinite(x)) w[i] = x;
  return { w, latest: Number.isFinite(rec?.s) ? rec!.s : 0 };
};
const sparse = (h: Histogram, at: number): StoredHistogram => ({
  v: 1,
  w: h.w.flatMap((w, i): Array<[number, number]> => (w >= NEGLIGIBLE ? [[i, Math.round(w * 1e4) / 1e4]] : [])),
  s: h.latest,
  at,
});

/** How much a submission `ageMs` older than another counts against it. */
const ageFactor = (ageMs: number) => 2 ** (-ageMs / HALF_LIFE_MS);

/**
 * The finishes added in order: the older weight decayed at each one submitted after all counted before (by
 * DECAY and by the time between the two submissions); one submitted before the latest counted weighs its age.
 */
export function addFinishes(h: Histogram, finishes: readonly Finish[]): Histogram {
  const w = [...h.w];
  let latest = h.latest;
  for (const [b, submittedAt] of finishes) {
    if (submittedAt > latest) {
      // The first finish ever counted has nothing older to decay.
      const factor = latest > 0 ? DECAY * ageFactor(Math.min(submittedAt - latest, HALF_LIFE_MS)) : DECAY;
      for (let i = 0; i < BUCKETS; i += 1) w[i]! *= factor;
      latest = submittedAt;
      w[b]! += 1;
    } else w[b]! += ageFactor(latest - submittedAt);
  }
  return { w, latest };
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26; error < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The prior's weight per bucket: log-normal around the seed estimate, PRIOR_WEIGHT in all. */
export function priorWeights(f: RenderFacts): number[] {
  const mu = Math.log(seedRenderMs(f.seconds, f.resolution));
  const cdf = (ms: number) => normalCdf((Math.log(ms) - mu) / PRIOR_SIGMA);
  return Array.from({ length: BUCKETS }, (_, i) => PRIOR_WEIGHT * (cdf(edgeMs(i + 1)) - cdf(edgeMs(i))));
}

/** Quantiles of data + prior, interpolated in log scale inside a bucket. */
export function summarize(data: readonly number[], prior: readonly number[]): RenderSummary {
  const w = data.map((d, i) => d + prior[i]!);
  const total = w.reduce((a, b) => a + b, 0);
  const quantile = (p: number) => {
    const target = p * total;
    let cum = 0;
    for (let i = 0; i < BUCKETS; i += 1) {
      if (w[i]! > 0 && cum + w[i]! >= target) {
        const frac = (target - cum) / w[i]!;
        return Math.round(edgeMs(i + frac));
      }
      cum += w[i]!;
    }
    return Math.round(edgeMs(BUCKETS));
  };
  return {
    observations: data.reduce((a, b) => a + b, 0),
    p05: quantile(0.05),
    p10: quantile(0.1),
    p50: quantile(0.5),
    p90: quantile(0.9),
    p95: quantile(0.95),
  };
}

export interface RenderStatsOptions {
  /** How often finishes seen here are added to the stored records (default 10 s). */
  flushMs?: number;
  /** How often every process's records are read again (default 30 s). */
  refreshMs?: number;
  now?: () => number;
  logger?: Logger;
}

export function createRenderStats(store: RecordStore, options: RenderStatsOptions = {}) {
  const now = options.now ?? Date.now;
  /** What the store said at the last read or write, per kind. */
  const stored = new Map<string, Histogram>();
  /** Finishes seen here and not yet written, per kind, in order. */
  const unsaved = new Map<string, Finish[]>();
  /** Finishes being written now (still counted here until the write says what the store holds). */
  let writing = new Map<string, Finish[]>();
  const priors = new Map<string, number[]>();
  const cache = new Map<string, RenderSummary>();
  let timers: NodeJS.Timeout[] = [];
  let flushing: Promise<void> | undefined;

  /**
   * Per kind: the stored record with the finishes being written and those not yet written added, in order. A
   * new finish is one more step of `addFinishes` (a fold); rebuilt only when the stored record changes (every
   * flush and refresh), not at every finish: rebuilding it for each cost 2 % of the poller's CPU at 10,000 tasks.
   */
  const views = new Map<string, Histogram>();
  const view = (kind: string): Histogram => {
    let v = views.get(kind);
    if (!v) {
      const pending = [...(writing.get(kind) ?? []), ...(unsaved.get(kind) ?? [])];
      v = addFinishes(stored.get(kind) ?? dense(undefined), pending);
      views.set(kind, v);
    }
    return v;
  };
  /** The stored record of `kind` changed (or what is being written): its view and summary are built again. */
  const changed = (kind: string) => {
    views.delete(kind);
    cache.delete(kind);
  };

  const api = {
    /** The distribution for a render of this kind (the prior alone before any finish of it). */
    summary(f: RenderFacts): RenderSummary {
      const kind = kindOf(f);
      let s = cache.get(kind);
      if (!s) {
        let prior = priors.get(kind);
        if (!prior) priors.set(kind, (prior = priorWeights(f)));
        s = summarize(view(kind).w, prior);
        cache.set(kind, s);
      }
      return s;
    },
    /** A render of this kind, submitted at `submittedAt`, took `ms` until the vendor's completion. */
    record(f: RenderFacts, ms: number, submittedAt: number): void {
      if (!(ms > 0) || !Number.isFinite(ms) || !Number.isFinite(submittedAt)) return;
      const kind = kindOf(f);
      const finish: Finish = [bucketOf(ms), submittedAt];
      const list = unsaved.get(kind) ?? [];
      list.push(finish);
      unsaved.set(kind, list);
      const v = views.get(kind);
      if (v) views.set(kind, addFinishes(v, [finish]));
      cache.delete(kind);
    },
    /** Adds the finishes seen here to the stored records: one transaction for every kind that has some. */
    flush(): Promise<void> {
      if (flushing) return flushing.then(() => api.flush());
      if (!unsaved.size) return Promise.resolve();
      const batch = new Map(unsaved);
      writing = batch;
      unsaved.clear();
      const storeKeys = [...batch.keys()].map(keys.renderStats);
      flushing = store
        .transact(storeKeys, (tx) => {
          const written = new Map<string, Histogram>();
          for (const [kind, finishes] of batch) {
            const key = keys.renderStats(kind);
            const merged = addFinishes(dense(tx.get<StoredHistogram>(key)), finishes);
            tx.set(key, sparse(merged, now()));
            written.set(kind, merged);
          }
          return written;
        })
        .then(
          (written) => {
            // Written: the stored records hold the batch now (a view built before this would count it twice).
            writing = new Map();
            for (const [kind, w] of written) {
              stored.set(kind, w);
              changed(kind);
            }
          },
          (err: unknown) => {
            // Kept for the next try, in front of what came meanwhile (the views' order stays the same).
            writing = new Map();
            for (const [kind, finishes] of batch) {
              unsaved.set(kind, [...finishes, ...(unsaved.get(kind) ?? [])]);
              changed(kind);
            }
            throw err;
          },
        )
        .finally(() => {
          flushing = undefined;
        });
      return flushing;
    },
    /** Reads every kind's record as the processes left it. */
    async refresh(): Promise<void> {
      // Not across a write of ours: a read made before it commits would hide that write until the next read.
      await flushing?.catch(() => undefined);
      const rows = await store.scan<StoredHistogram>(prefixes.renderStats);
      for (const [key, rec] of rows) {
        const kind = key.slice(prefixes.renderStats.length);
        stored.set(kind, dense(rec));
        changed(kind);
      }
    },
    /** Reads the records now, then flushes and reads them again periodically. */
    async start(): Promise<void> {
      await api.refresh().catch((err: unknown) => options.logger?.warn({ err }, 'render stats could not be read'));
      const every = (ms: number, fn: () => Promise<void>, what: string) => {
        const t = setInterval(() => void fn().catch((err: unknown) => options.logger?.warn({ err }, what)), ms);
        t.unref?.();
        timers.push(t);
      };
      every(options.flushMs ?? 10_000, () => api.flush(), 'render stats could not be saved');
      every(options.refreshMs ?? 30_000, () => api.refresh(), 'render stats could not be read');
    },
    async stop(): Promise<void> {
      for (const t of timers) clearInterval(t);
      timers = [];
      await api.flush().catch((err: unknown) => options.logger?.warn({ err }, 'render stats could not be saved'));
    },
  };
  return api;
}

export type RenderStats = ReturnType<typeof createRenderStats>;
