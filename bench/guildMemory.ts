/**
 * Memory per server of the bot's Discord client, with servers shaped like a mid-size community (50 channels,
 * 30 roles, 20 emojis in each GUILD_CREATE), at 1,000, 5,000 (the target) and 20,000 servers (it must stay
 * flat). Per server = (memory with N servers − memory with 1 server) / N, both after READY once settled, so
 * the client's fixed cost (code, sockets) is not spread over the servers; RSS right after READY (before V8
 * gives back the pages of the GUILD_CREATE burst) is reported too. Each figure is the median of three children
 * (RSS moves by a few MB from run to run). The fake runs here, the client in a child.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeDiscord } from '../test/fakes/discord/index.js';
import { botNodeArgs } from './botNodeArgs.js';
import { report } from './report.js';

export const REALISTIC_GUILD = { channels: 50, roles: 30, emojis: 20 };

interface ChildMemory {
  rssAtReady: number;
  rss: number;
  heapUsed: number;
  guilds: number;
  cachedGuilds: number;
}

export async function benchGuildMemory(): Promise<void> {
  const base = await measure(1);
  const KB = 1024;
  for (const n of [1000, 5000, 20_000]) {
    const m = await measure(n);
    const suffix = n === 5000 ? '' : `_${n}`;
    const target = n === 5000 ? '≤ 2 (5,000 servers of 50 channels, 30 roles, 20 emojis)' : 'flat: ≤ 2, like 5,000';
    report(`rss_per_guild${suffix}`, (m.rss - base.rss) / KB / n, 'KB', target);
    report(`rss_per_guild_at_ready${suffix}`, (m.rssAtReady - base.rssAtReady) / KB / n, 'KB', 'informational');
    report(`heap_per_guild${suffix}`, (m.heapUsed - base.heapUsed) / KB / n, 'KB', 'informational (retained JS)');
    if (n === 5000) report('rss_after_ready_5000_guilds', m.rss / KB / KB, 'MB', 'informational');
  }
}

/** The median (by settled RSS) of three children: RSS moves by a few MB from run to run. */
async function measure(guilds: number): Promise<ChildMemory> {
  const runs = [await measureOnce(guilds), await measureOnce(guilds), await measureOnce(guilds)];
  return runs.sort((a, b) => a.rss - b.rss)[1]!;
}

async function measureOnce(guilds: number): Promise<ChildMemory> {
  const discord = await startFakeDiscord({ guilds, guildShape: REALISTIC_GUILD });
  try {
    // The bot side runs as compiled JavaScript (as `npm start` does): `npm run bench` runs from dist-bench/.
    const child = fileURLToPath(new URL('./guildMemoryChild.js', import.meta.url));
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [...botNodeArgs(), '--expose-gc', child, discord.restUrl, discord.botToken],
        { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      ),
    );
    const r = JSON.parse(out.trim().split('\n').pop()!) as ChildMemory;
    if (r.guilds !== guilds) throw new Error(`only ${r.guilds} of ${guilds} guilds were received`);
    return r;
  } finally {
    await discord.close();
  }
}
