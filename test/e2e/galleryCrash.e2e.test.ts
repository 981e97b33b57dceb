/**
 * kill -9 around the gallery's posting: a real bot process is killed (SIGKILL) right after the task became done
 * (its gallery job written in that same transaction) or right after Discord took the post (before it was
 * recorded); a new instance on the same SQLite file posts what is missing, never twice.
 */
import type { ChildProcess } from 'node:child_process';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../../src/db/keys.js';
import { eventually, type Harness, startHarness } from '../harness.js';
import { killed, startCrashingBot } from '../support/botProcesses.js';

const ADMIN = { id: '960000000000000001', username: 'admin' };
const MEMBER = { id: '960000000000000002', username: 'fay' };

let h: Harness | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await h?.close();
  h = undefined;
  child = undefined;
});

describe.each(['task.delivered', 'gallery.posted_unsaved'])('kill -9 at %s, then restart', (crashAt) => {
  it('the video is in the gallery exactly once', async () => {
    h = await startHarness({
      startApp: false,
      seedance: { defaultScript: { kind: 'succeed', queuedMs: 50, runMs: 50 } },
    });
    const guildId = h.discord.guilds[0]!.id;
    const text = h.discord.addChannel(guildId, { type: 0 });
    child = await startCrashingBot(h, crashAt);
    const set = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommand: 'gallery',
      user: ADMIN,
      permissions: 1n << 5n,
      options: [
        { name: 'channel', value: text.id, type: ApplicationCommandOptionType.Channel },
        { name: 'auto', value: true },
      ],
    });
    await h.discord.waitForCallback(set.id);
    const ix = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      options: [{ name: 'prompt', value: 'a lighthouse in a storm' }],
    });
    await h.discord.waitForCallback(ix.id);
    expect(await killed(child)).toBe('SIGKILL');
    const app = await h.restart();
    const [task] = await app.tasks.listRecentByUser(MEMBER.id);
    await eventually(
      async () => (await app.store.get(keys.galleryPost(guildId, task!.id))) !== undefined,
      15_000,
      'recorded',
    );
    const posts = [...h.discord.messages.byId.values()].filter((m) => m.channelId === text.id && !m.deleted);
    expect(posts).toHaveLength(1);
    expect(await app.store.get(keys.galleryJob(task!.id))).toBeUndefined();
  }, 60_000);
});
