/**
 * Where a task's usage is reserved, committed and refunded. `createOpenLedger` accepts everything and
 * only counts (tools and benchmarks); the bot uses the per-guild ledger in guildLedger.ts.
 */
import type { MessageKey } from '../../i18n/index.js';
import type { UsageCost } from '../validation/types.js';

export interface UsageScope {
  guildId: string | null;
  userId: string;
  model: string;
  cost: UsageCost;
}

export type ReserveResult = { ok: true } | { ok: false; key: MessageKey; params: Record<string, string | number> };

export interface UsageLedger {
  /** Called before anything is sent upstream; a refusal means nothing is charged. */
  reserve(taskId: string, scope: UsageScope): Promise<ReserveResult>;
  /** Success: the reservation stays counted. Idempotent. */
  commit(taskId: string, scope: UsageScope): Promise<void>;
  /** Failure: the reservation is given back, exactly once even if called again or racing a commit. */
  refund(taskId: string, scope: UsageScope): Promise<void>;
}

export function createOpenLedger(): UsageLedger & {
  counts: { reserved: number; committed: number; refunded: number };
} {
  const counts = { reserved: 0, committed: 0, refunded: 0 };
  return {
    counts,
    async reserve() {
      counts.reserved += 1;
      return { ok: true };
    },
    async commit() {
      counts.committed += 1;
    },
    async refund() {
      counts.refunded += 1;
    },
  };
}
