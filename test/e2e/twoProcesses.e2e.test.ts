import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { createLogger } from '../../src/logging/logger.js';
import { eventually, startHarness, type Harness } from '../harness.js';

let h: Harness | undefined;
let second: App | undefined;
let dir: string | undefined;
afterEach(async () => {
  await second?.stop(0);
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  h = second = dir = undefined;
});

describe('two bot processes on one token (e.g. dev and prod)', () => {
  it('exactly one answers and submits; the other drops its copy, refunded, without crashing', async () => {
    h = await startHarness({ seedance: { defaultScript: { kind: 'stuck' } } });
    dir = mkdtempSync(join(tmpdir(), 'seedance-second-'));
    const quiet = createLogger({ destination: new Writable({ write: (_c, _e, d) => d() }) });
    second = await createApp({ ...h.config, databasePath: join(dir, 'second.sqlite') }, quiet);
    await second.start();

    const ix = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: { id: '990000000000000001' },
      options: [{ name: 'prompt', value: 'race' }],
    });
    await h.discord.waitForCallback(ix.id);
    const apps = [h.app, second];
    // Both received it; both wrote a task; one lost the acknowledgement race (40060) and closed its task.
    const settled = await eventually(
      async () => {
        const tasks = (await Promise.all(apps.map((a) => a.tasks.listRecentByUser('990000000000000001')))).flat();
        return tasks.length === 2 && tasks.some((t) => t.state === 'failed') && tasks.some((t) => t.state === 'running')
          ? tasks
          : undefined;
      },
      5000,
      'one running and one dropped task',
    );
    expect(settled.find((t) => t.state === 'failed')).toMatchObject({ usage: 'refunded' });
    expect(h.seedance.createCount()).toBe(1);
    const callbacks = h.discord.requests.filter((r) => r.route === 'POST /interactions/:id/:token/callback');
    expect(callbacks.map((r) => r.status).sort()).toEqual([200, 400]);
    // Both processes keep working afterwards.
    expect(h.app.discord.isReady() && second.discord.isReady()).toBe(true);
  });
});
