/**
 * The gallery under a burst: `count` videos finishing within 10 s in one server whose gallery (a text channel,
 * automatic) gets one message each. The fake Discord enforces Discord's per-route limit for message creation
 * (5 per 5 s per channel) and answers 429 beyond it. Figures: posts made (all of them), 429s met (counted at the
 * fake server; target 0) and the time from the first finished video to the last post.
 */
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { prefixes } from '../src/db/keys.js';
import { startHarness } from '../test/harness.js';
import { report } from './report.js';

export async function benchGallery(count = 200, rate = { limit: 5, windowMs: 5000 }): Promise<void> {
  const h = await startHarness({
    discord: { recordRequests: false, rateLimit: rate },
    // Each video renders for 2-8 s: with the requests sent over 2 s, all finish within 10 s.
    seedance: { defaultScript: { kind: 'succeed', queuedMs: 100, runMs: 5000 } },
    env: { LOG_LEVEL: 'info', POLL_QUERIES_PER_SEC: '200', POLL_CONCURRENCY: '32' },
  });
  try {
    const guildId = h.discord.guilds[0]!.id;
    const gallery = h.discord.addChannel(guildId, { type: 0 });
    const set = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommand: 'gallery',
      user: { id: '990000000000000001' },
      permissions: 1n << 5n,
      options: [
        { name: 'channel', value: gallery.id, type: ApplicationCommandOptionType.Channel },
        { name: 'auto', value: true },
      ],
    });
    await h.discord.waitForCallback(set.id);
    const started = Date.now();
    for (let i = 0; i < count; i += 1) {
      const due = started + (i * 2000) / count;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      h.discord.dispatchCommand({
        name: 'video',
        subcommand: 'text',
        user: { id: `9${String(i).padStart(17, '0')}` },
        options: [{ name: 'prompt', value: `gallery bench ${i}` }],
      });
    }
    const posts = async () => (await h.app.store.scan(prefixes.galleryPostsOf(guildId))).length;
    const deadline = Date.now() + 15 * 60_000;
    let shown = Date.now();
    while ((await posts()) < count && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      if (process.env.BENCH_PROGRESS && Date.now() - shown > 10_000) {
        shown = Date.now();
        const open = (await h.app.tasks.listOpen()).length;
        process.stderr.write(
          `posts ${await posts()} open tasks ${open} 429s ${h.discord.rateLimitedCount()} jobs ${(await h.app.store.scan(prefixes.galleryJob)).length}\n`,
        );
      }
    }
    const lastPost = Date.now();
    const finished = (await h.app.tasks.listRecentByUser(`9${'0'.repeat(17)}`))[0]?.finishedAt ?? started;
    // The first video to finish (they finish within 10 s of each other).
    let firstDone = Number.POSITIVE_INFINITY;
    for (let i = 0; i < count; i += 1) {
      const [t] = await h.app.tasks.listRecentByUser(`9${String(i).padStart(17, '0')}`);
      if (t?.finishedAt) firstDone = Math.min(firstDone, t.finishedAt - h.clock.offset);
    }
    const made = await posts();
    const channelPosts = [...h.discord.messages.byId.values()].filter((m) => m.channelId === gallery.id).length;
    report(`gallery_posts_of_${count}`, made, 'posts', `${count} (each once: ${channelPosts} messages in the channel)`);
    report(`gallery_discord_429_${count}`, h.discord.rateLimitedCount(), 'responses', '0');
    report(
      `gallery_first_finish_to_last_post_${count}`,
      (lastPost - (Number.isFinite(firstDone) ? firstDone : finished)) / 1000,
      's',
      `≤ ${Math.ceil((count / rate.limit) * (rate.windowMs / 1000)) + 30} (Discord allows ${rate.limit} per ${rate.windowMs / 1000} s per channel)`,
    );
    if (made !== count || channelPosts !== count || h.discord.rateLimitedCount() > 0) process.exitCode = 1;
  } finally {
    await h.close();
  }
}
