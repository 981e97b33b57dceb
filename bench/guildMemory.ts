/** RSS of the bot's Discord client after READY with 5,000 guilds in GUILD_CREATE (fake in this process, bot in a child). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeDiscord } from '../test/fakes/discord/index.js';
import { report } from './report.js';

export async function benchGuildMemory(guilds = 5000): Promise<void> {
  const discord = await startFakeDiscord({ guilds });
  try {
    // The bot side runs as compiled JavaScript (as `npm start` does): `npm run bench` runs from dist-bench/.
    const child = fileURLToPath(new URL('./guildMemoryChild.js', import.meta.url));
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--expose-gc', child, discord.restUrl, discord.botToken],
        { timeout: 120_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    const r = JSON.parse(out.trim().split('\n').pop()!) as { before: number; after: number; guilds: number };
    if (r.guilds !== guilds) throw new Error(`only ${r.guilds} of ${guilds} guilds were cached`);
    report('rss_after_ready_5000_guilds', r.after / 1024 / 1024, 'MB', 'informational');
    report('rss_per_guild', (r.after - r.before) / 1024 / guilds, 'KB', 'flat as guilds grow (cache limits)');
  } finally {
    await discord.close();
  }
}
