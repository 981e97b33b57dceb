/** The operator's quota alert: only a task failed for balance or quota, logged at error level and counted per key. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { createMetrics } from '../../src/services/monitoring/metrics.js';
import { alertOnQuota } from '../../src/services/monitoring/quotaAlert.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';

function setup() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write: (c, _e, done) => {
      lines.push(JSON.parse(String(c)) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination, secrets: [] });
  const metrics = createMetrics({ openTasksByState: async () => ({}), keys: () => [] });
  const deps = { logger, count: (key: string) => metrics.quotaFailure(key) };
  return { lines, metrics, deps };
}

const task = (over: Record<string, unknown>) =>
  ({ id: 't1', guildId: 'g1', state: 'failed', upstreamKey: 'k:abc', ...over }) as unknown as TaskRecord;

describe('a task failed for quota alerts the operator', () => {
  it('logs at error level naming key, server and task, and counts it for the key', async () => {
    const { lines, metrics, deps } = setup();
    expect(alertOnQuota(task({ lastError: { stage: 'upstream', reason: 'quota', detail: 'balance' } }), deps)).toBe(
      true,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', key: 'k:abc', guildId: 'g1', taskId: 't1' });
    expect(await metrics.scrape()).toContain('seedance_bot_quota_failures_total{key="k:abc"} 1');
  });

  it('a task that never reached a key is counted as unknown; a record of the first schema counts too', async () => {
    const { metrics, deps } = setup();
    alertOnQuota(task({ upstreamKey: undefined, lastError: { stage: 'submit', reason: 'quota' } }), deps);
    alertOnQuota(task({ upstreamKey: undefined, lastError: { stage: 'upstream', failureKind: 'quota' } }), deps);
    expect(await metrics.scrape()).toContain('seedance_bot_quota_failures_total{key="unknown"} 2');
  });

  it.each([
    ['another failure', task({ lastError: { stage: 'upstream', reason: 'transient' } })],
    ['a finished task', task({ state: 'done' })],
    ['not failed (uncertain)', task({ state: 'uncertain', lastError: { stage: 'submit', reason: 'quota' } })],
  ])('%s: nothing', async (_name, t) => {
    const { lines, metrics, deps } = setup();
    expect(alertOnQuota(t, deps)).toBe(false);
    expect(lines).toEqual([]);
    expect(await metrics.scrape()).not.toMatch(/seedance_bot_quota_failures_total\{/);
  });
});
