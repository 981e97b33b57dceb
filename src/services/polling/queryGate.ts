/** The gate every status query passes: this process's query budget, the 429 pause all queries share, the counters. */
import type { Logger } from '../../logging/logger.js';
import { isSeedanceError } from '../seedance/errors.js';
import { QueryBudget } from './queryBudget.js';

export interface QueryGateDeps {
  now: () => number;
  /** This process's share of POLL_QUERIES_PER_SEC at start (`setRate` changes it). */
  queriesPerSecond: number;
  /** A 429 without Retry-After pauses this long. */
  minIntervalMs: number;
  /** The longest pause a Retry-After may impose (POLL_MAX_BACKOFF_SEC). */
  maxBackoffMs: number;
  logger: Logger;
  /** False once the poller stops: a query let go then is not sent. */
  isRunning(): boolean;
}

export function createQueryGate(deps: QueryGateDeps) {
  const { now, logger } = deps;
  // At most `queriesPerSecond` queries start in any rolling second, right before the HTTP call.
  const budget = new QueryBudget(deps.queriesPerSecond, now);
  let pausedUntil = 0;
  const stats = { queries: 0, rateLimited: 0 };

  /** How long a 429 holds queries: its Retry-After (else the polling interval), at most POLL_MAX_BACKOFF_SEC. */
  const pauseFor = (err: unknown): number =>
    Math.min(deps.maxBackoffMs, (isSeedanceError(err) ? err.retryAfterMs : undefined) ?? deps.minIntervalMs);

  return {
    stats,
    pauseFor,
    /** Waits for this query's turn in the budget (call it right before sending); throws if the poller stopped. */
    async pass(): Promise<void> {
      await budget.acquire();
      if (!deps.isRunning()) throw new Error('the poller stopped');
    },
    /** A 429: every status query (tasks and the media review) waits; the pause is capped, the asked one logged. */
    slowDown(err: unknown): void {
      stats.rateLimited += 1;
      const pauseMs = pauseFor(err);
      const until = now() + pauseMs;
      if (until <= pausedUntil) return;
      pausedUntil = until;
      budget.pauseUntil(until);
      const retryAfterMs = isSeedanceError(err) ? err.retryAfterMs : undefined;
      logger.warn({ pauseMs, retryAfterMs }, 'upstream rate limit: pausing all status queries');
    },
    /** Queries this process may start per second now (its share of the budget). */
    get rate(): number {
      return budget.currentRate;
    },
    /** This process's share of the budget (several processes share one API key's budget). */
    setRate(rate: number): void {
      budget.setRate(rate);
    },
    /** Lets every waiting query go at once (shutdown: they find the poller stopped). */
    clear(): void {
      budget.clear();
    },
  };
}

export type QueryGate = ReturnType<typeof createQueryGate>;
