/**
 * Issue 20 through the real bot: a 429 asking for an hour pauses the status queries for POLL_MAX_BACKOFF_SEC
 * only, and tasks that passed their deadline meanwhile are asked once more (and delivered) instead of failed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, type Harness, startHarness } from '../harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a long Retry-After', () => {
  it('Retry-After 3600 on the first query: every ready video is delivered after the capped pause, none failed', async () => {
    h = await startHarness({
      // Deadline 3 s, pause cap 4 s: every task passes its deadline while the queries wait.
      env: { POLL_MAX_BACKOFF_SEC: '4', TASK_DEADLINE_MIN: '0.05' },
      seedance: { defaultScript: { kind: 'succeed', queuedMs: 0, runMs: 0 } },
    });
    h.seedance.injectFault('query', { status: 429, retryAfterSec: 3600 });
    const users = Array.from({ length: 6 }, (_, i) => `35000000000000000${i}`);
    const started = Date.now();
    for (const id of users) {
      const ix = h.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: { id },
        options: [{ name: 'prompt', value: `ready at once ${id}` }],
      });
      await h.discord.waitForCallback(ix.id);
    }
    const tasks = await eventually(
      async () => {
        const all = await Promise.all(users.map(async (u) => (await h!.app.tasks.listRecentByUser(u))[0]));
        return all.every((t) => t && (t.state === 'done' || t.state === 'timed_out' || t.state === 'failed'))
          ? all
          : undefined;
      },
      15_000,
      'every task ended',
    );
    const took = Date.now() - started;
    expect(tasks.map((t) => t!.state)).toEqual(users.map(() => 'done'));
    expect(took).toBeGreaterThanOrEqual(3900);
    expect(took).toBeLessThan(9000);
    expect(h.app.poller.stats.rateLimited).toBe(1);
    expect(h.logs.some((l) => l.includes('"pauseMs":4000') && l.includes('"retryAfterMs":3600000'))).toBe(true);
  }, 30_000);
});
