/**
 * The hook points where a task's usage is reserved, committed and refunded. The limits issue fills in
 * the real per-guild ledger; `createOpenLedger` accepts everything and only counts, so tasks can
 * already settle exactly once.
 */
import type { UsageCost } from '../validation/types.js';

export interface UsageScope {
  guildId: string | null;
  userId: string;
  model: string;
  cost: UsageCost;
}

export type ReserveResult = { ok: true } | { ok: false; reason: string; params?: Record<string, string | number> };

export interface UsageLedger {
  /** Called before anything is sent upstream; a refusal means nothing is charged. */
  reserve(taskId: string, scope: UsageScope): Promise<ReserveResult>;
  commit(taskId: string, scope: UsageScope): Promise<void>;
  refund(taskId: string, scope: UsageScope): Promise<void>;
}

export function createOpenLedger(): UsageLedger & { counts: { reserved: number; committed: number; refunded: number } } {
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
