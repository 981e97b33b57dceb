/**
 * How long a video takes to render, by resolution, in milliseconds per second of video: seeded with a
 * cautious guess and moved towards what this bot observes (an exponential moving average), kept in the
 * store so a restart does not forget it. Used only for the queue's start-time estimates.
 */
import { keys } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';

/** Fixed part of every render (upstream queueing, start-up), in ms. */
const OVERHEAD_MS = 20_000;
/** A first guess per resolution (ms of rendering per second of video). */
const SEED: Record<string, number> = { '480p': 6_000, '720p': 9_000, '1080p': 15_000, '2k': 25_000, '4k': 40_000 };
const ALPHA = 0.2;

/** The cautious first guess of a render's length before anything was observed (also the polling's prior). */
export function seedRenderMs(seconds: number, resolution?: string): number {
  return OVERHEAD_MS + Math.max(1, seconds) * (SEED[resolution ?? ''] ?? SEED['720p']!);
}
const KEY = keys.meta('render_times');

export interface RenderTimes {
  /** Expected render time of a video of `seconds` at `resolution`. */
  expectMs(seconds: number, resolution?: string): number;
  /** A render of `seconds` at `resolution` took `ms` (from submit to the finished video). */
  observe(seconds: number, resolution: string | undefined, ms: number): void;
  load(): Promise<void>;
  /** Saves what changed since the last save (best effort). */
  save(): Promise<void>;
}

export function createRenderTimes(store: RecordStore): RenderTimes {
  const perSecond = new Map<string, number>(Object.entries(SEED));
  let dirty = false;
  const res = (r?: string) => (r && perSecond.has(r) ? r : '720p');
  return {
    expectMs(seconds, resolution) {
      return OVERHEAD_MS + Math.max(1, seconds) * perSecond.get(res(resolution))!;
    },
    observe(seconds, resolution, ms) {
      if (!(ms > 0) || !(seconds > 0)) return;
      const r = res(resolution);
      const sample = Math.max(500, (ms - OVERHEAD_MS) / seconds);
      perSecond.set(r, perSecond.get(r)! * (1 - ALPHA) + sample * ALPHA);
      dirty = true;
    },
    async load() {
      const saved = await store.get<Record<string, number>>(KEY);
      for (const [r, v] of Object.entries(saved ?? {})) if (perSecond.has(r) && v > 0) perSecond.set(r, v);
    },
    async save() {
      if (!dirty) return;
      dirty = false;
      const value = Object.fromEntries(perSecond);
      await store.transact([KEY], (tx) => tx.set(KEY, value));
    },
  };
}
