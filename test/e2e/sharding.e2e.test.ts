/** Sharded bots: SHARD_COUNT (or auto) and SHARD_IDS, identify pacing, and each process serving its shards' guilds. */
import { gatewayFacts } from '../../src/discord/gatewayFacts.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { shardOf } from '../../src/services/cluster/shards.js';
import { eventually, type Harness, startHarness } from '../harness.js';
import { quietLogger, storeKinds } from '../support/tempStore.js';

const HAS_POSTGRES = (await storeKinds()).includes('postgres');
let h: Harness | undefined;
let second: App | undefined;
afterEach(async () => {
  await second?.stop(0);
  await h?.close();
  h = second = undefined;
});

describe('sharding', () => {
  it("SHARD_COUNT=auto runs Discord's recommended shards, identifying in max_concurrency buckets", async () => {
    h = await startHarness({ env: { SHARD_COUNT: 'auto' }, discord: { guilds: 4, shards: 2, maxConcurrency: 1 } });
    expect(h.app.shards).toEqual({ count: 2, ids: [0, 1] });
    const ids = h.discord.identifies.map((i) => i.shard);
    expect(ids).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    // One identify per 5 seconds when Discord allows one at a time.
    const [first, then] = h.discord.identifies.map((i) => i.at).sort((a, b) => a - b);
    expect(then! - first!).toBeGreaterThanOrEqual(4900);
  }, 30_000);

  it.skipIf(!HAS_POSTGRES)(
    'two processes each run one shard of two, and each answers and follows its own guilds',
    async () => {
      h = await startHarness({
        store: 'postgres',
        env: { SHARD_COUNT: '2', SHARD_IDS: '0' },
        discord: { guilds: 6, shards: 2, maxConcurrency: 2 },
      });
      second = await createApp({ ...h.config, shards: { count: 2, ids: [1] } }, quietLogger(), {
        now: h.clock.now,
      });
      await second.start();
      expect(h.discord.identifies.map((i) => i.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      const byShard = (s: number) => h!.discord.guilds.find((g) => shardOf(g.id, 2) === s)!;
      for (const [shard, app] of [
        [0, h.app],
        [1, second],
      ] as const) {
        const guild = byShard(shard);
        const user = { id: String(360_000_000_000_000_000n + BigInt(shard)) };
        const ix = h.discord.dispatchCommand({
          name: 'video',
          subcommand: 'text',
          guildId: guild.id,
          user,
          options: [{ name: 'prompt', value: `shard ${shard}` }],
        });
        expect((await h.discord.waitForCallback(ix.id)).type).toBe(4);
        const [task] = await eventually(
          async () => {
            const list = await app.tasks.listRecentByUser(user.id);
            return list[0]?.state === 'done' ? list : undefined;
          },
          8000,
          `the shard ${shard} task delivered`,
        );
        expect(task!.guildId).toBe(guild.id);
      }
      // Each process took only its own shard's guilds.
      const first = [...gatewayFacts(h.app.discord)!.guildIds];
      expect(first.length).toBeGreaterThan(0);
      expect(first.every((id) => shardOf(id, 2) === 0)).toBe(true);
      const other = [...gatewayFacts(second.discord)!.guildIds];
      expect(other.length).toBeGreaterThan(0);
      expect(other.every((id) => shardOf(id, 2) === 1)).toBe(true);
      expect(first.length + other.length).toBe(h.discord.guilds.length);
    },
    30_000,
  );
});
