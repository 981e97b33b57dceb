/**
 * The operator's alert when the video service account runs out of balance or quota: a task that failed for it
 * is logged at error level (key fingerprint, server, task) and counted, so the member's "the bot operator has
 * been alerted" is true.
 */
import type { Logger } from '../../logging/logger.js';
import type { TaskRecord } from '../tasks/taskRecord.js';

export interface QuotaAlertDeps {
  logger: Logger;
  /** Counts one quota failure for the key (its fingerprint, `unknown` when the task never reached a key). */
  count(key: string): void;
}

/** Whether a task ended failed because the video service account ran out of balance or quota. */
export function failedForQuota(task: TaskRecord): boolean {
  return task.state === 'failed' && (task.lastError?.reason ?? task.lastError?.failureKind) === 'quota';
}

/** Alerts the operator about a task that reached a new state, if it failed for quota; true when it did. */
export function alertOnQuota(task: TaskRecord, deps: QuotaAlertDeps): boolean {
  if (!failedForQuota(task)) return false;
  const key = task.upstreamKey ?? 'unknown';
  deps.count(key);
  deps.logger.error(
    {
      key,
      guildId: task.guildId,
      taskId: task.id,
      upstreamTaskId: task.upstreamTaskId,
      detail: task.lastError?.detail,
    },
    'the video service account is out of balance or quota: top it up (the member was told the operator was alerted)',
  );
  return true;
}
