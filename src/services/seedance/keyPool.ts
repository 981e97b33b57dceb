/**
 * Several API keys of the video service used as one: a new task goes to the available key with the fewest
 * tasks in flight, and is always queried with the key that created it (known by a short fingerprint, never
 * by the key). A key whose create answer proves no task was made and says the key is refused (`20001`) or
 * out of balance/quota is set aside for a cooldown, and the request goes to the next key. An uncertain
 * create (timeout, reset, 5xx) is never repeated on another key: it could have made, and charged, a video.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../../logging/logger.js';
import { SeedanceClient, type SeedanceClientOptions } from './client.js';
import { isSeedanceError, SeedanceError } from './errors.js';
import type { TaskSnapshot } from './parse.js';

/** The first 8 hex digits of the key's SHA-256: enough to tell keys apart, useless to anyone who reads it. */
export const keyFingerprint = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

/** `SEEDANCE_API_KEY` as written: one key, or several separated by commas (blanks and repeats dropped). */
export function splitKeys(raw: string | undefined): string[] {
  return [
    ...new Set(
      (raw ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ];
}

/** The client's options (see SeedanceClientOptions) with several keys instead of one. */
export type KeyPoolOptions = Pick<
  SeedanceClientOptions,
  | 'createPath'
  | 'queryPath'
  | 'timeoutMs'
  | 'maxAnswerBytes'
  | 'queryRetries'
  | 'retryMinDelayMs'
  | 'retryMaxDelayMs'
  | 'relativeUrlBase'
  | 'allowInsecureVideoUrls'
  | 'fetch'
  | 'onExchange'
> & {
  baseUrl: string;
  apiKeys: readonly string[];
  /** How long a refused or exhausted key is set aside. */
  cooldownMs: number;
  now?: () => number;
  logger?: Logger;
};

interface PooledKey {
  fingerprint: string;
  client: SeedanceClient;
  /** Create calls under way with this key. */
  creating: number;
  /** Until when it is set aside (0: available), and why. */
  asideUntil: number;
  asideFor?: 'auth' | 'quota';
}

export interface KeyState {
  fingerprint: string;
  inFlight: number;
  available: boolean;
  asideFor?: 'auth' | 'quota';
  /** Until when it is set aside (only while it is). */
  asideUntil?: number;
}

export function createKeyPool(options: KeyPoolOptions) {
  const now = options.now ?? Date.now;
  const { apiKeys, cooldownMs, now: _now, ...clientOptions } = options;
  void _now;
  const pool: PooledKey[] = apiKeys.map((apiKey) => ({
    fingerprint: keyFingerprint(apiKey),
    client: new SeedanceClient({ ...clientOptions, apiKey }),
    creating: 0,
    asideUntil: 0,
  }));
  // No key configured (tools that never call upstream): one empty key, so every call fails as `auth`.
  if (!pool.length)
    pool.push({
      fingerprint: keyFingerprint(''),
      client: new SeedanceClient({ ...clientOptions, apiKey: '' }),
      creating: 0,
      asideUntil: 0,
    });
  const byFingerprint = new Map(pool.map((k) => [k.fingerprint, k]));
  /** Tasks created upstream and not finished yet, by our task id → the fingerprint of their key. */
  const held = new Map<string, string>();

  const heldCount = new Map<string, number>();
  const inFlight = (k: PooledKey) => k.creating + (heldCount.get(k.fingerprint) ?? 0);
  const isAvailable = (k: PooledKey) => k.asideUntil <= now();

  /** A task created with `fingerprint` is in flight until `release` (counts towards its key's load). */
  function hold(taskId: string, fingerprint: string): void {
    if (!byFingerprint.has(fingerprint) || held.has(taskId)) return;
    held.set(taskId, fingerprint);
    heldCount.set(fingerprint, (heldCount.get(fingerprint) ?? 0) + 1);
  }

  function setAside(k: PooledKey, err: SeedanceError): void {
    const why = err.kind === 'auth' ? 'auth' : 'quota';
    k.asideUntil = now() + cooldownMs;
    k.asideFor = why;
    options.logger?.warn(
      { key: k.fingerprint, why, code: err.code, cooldownMin: Math.round(cooldownMs / 60_000) },
      'API key set aside; new tasks go to the other keys',
    );
  }

  return {
    /** Fingerprints of the keys, in the order given. */
    fingerprints: pool.map((k) => k.fingerprint),

    /**
     * The key a new media review goes to: the first key that is not set aside (the first one when none is).
     * Asset ids belong to its account, so the task using them is created with it too (`createTask(…, { key })`),
     * and their status is asked with it (`call(…, key)`).
     */
    get reviewKey(): string {
      return (pool.find(isAvailable) ?? pool[0]!).fingerprint;
    },

    /**
     * One call to another route of the API (the media review) with the key of fingerprint `key` (default: the
     * first). An answer proving the key refused or out of balance sets it aside, as a create's does, so the next
     * review goes to another key.
     */
    async call(
      method: Parameters<SeedanceClient['call']>[0],
      pathAndQuery: string,
      body?: unknown,
      beforeSend?: () => Promise<void>,
      key?: string,
    ): Promise<unknown> {
      const k = (key && byFingerprint.get(key)) || pool[0]!;
      try {
        return await k.client.call(method, pathAndQuery, body, beforeSend);
      } catch (err) {
        if (isSeedanceError(err) && !err.mayHaveReachedServer && (err.kind === 'auth' || err.kind === 'quota'))
          setAside(k, err);
        throw err;
      }
    },

    /** Whether any key may take a new task now. */
    available: () => pool.some(isAvailable),

    /** Each key's tasks in flight (this process) and whether it is set aside. */
    states: (): KeyState[] =>
      pool.map((k) => ({
        fingerprint: k.fingerprint,
        inFlight: inFlight(k),
        available: isAvailable(k),
        ...(isAvailable(k) ? {} : { asideFor: k.asideFor, asideUntil: k.asideUntil }),
      })),

    /**
     * Creates one task on the least busy available key. A refusal that proves nothing was created (the key
     * refused, or out of balance) sets the key aside and tries the next one; any other failure is thrown as
     * it is. Every key set aside: a SeedanceError of kind `unavailable` (nothing was sent). `key`: only that
     * key may take it (media reviewed under its account).
     */
    async createTask(
      body: Record<string, unknown>,
      options: { holdAs?: string; key?: string } = {},
    ): Promise<{ taskId: string; status?: string; key: string }> {
      const tried = new Set<PooledKey>();
      const allowed = options.key ? pool.filter((k) => k.fingerprint === options.key) : pool;
      for (;;) {
        const candidates = allowed.filter((k) => !tried.has(k) && isAvailable(k));
        if (!candidates.length)
          throw new SeedanceError({
            kind: 'unavailable',
            message: `every API key is set aside (${pool.length} loaded)`,
            mayHaveReachedServer: false,
          });
        let best = candidates[0]!;
        let bestLoad = inFlight(best);
        for (const k of candidates.slice(1)) {
          const load = inFlight(k);
          if (load < bestLoad) {
            best = k;
            bestLoad = load;
          }
        }
        tried.add(best);
        best.creating += 1;
        try {
          const created = await best.client.createTask(body);
          // Counted at once under our task id (until released), so the next create already sees this one.
          if (options.holdAs) hold(options.holdAs, best.fingerprint);
          return { ...created, key: best.fingerprint };
        } catch (err) {
          const proven = isSeedanceError(err) && !err.mayHaveReachedServer;
          if (proven && (err.kind === 'auth' || err.kind === 'quota')) {
            setAside(best, err);
            continue;
          }
          throw err;
        } finally {
          best.creating -= 1;
        }
      }
    },

    /**
     * Queries a task with the key that created it (`key`: its fingerprint). Tasks from before several keys
     * (no fingerprint), or whose key is no longer configured, are queried with the first key.
     */
    getTask(
      taskId: string,
      opts: { retries?: number; beforeSend?: () => Promise<void>; key?: string } = {},
    ): Promise<TaskSnapshot> {
      const { key, ...rest } = opts;
      const k = (key && byFingerprint.get(key)) || pool[0]!;
      return k.client.getTask(taskId, rest);
    },

    hold,
    release(taskId: string): void {
      const fp = held.get(taskId);
      if (fp === undefined) return;
      held.delete(taskId);
      heldCount.set(fp, (heldCount.get(fp) ?? 1) - 1);
    },
  };
}

export type KeyPool = ReturnType<typeof createKeyPool>;
