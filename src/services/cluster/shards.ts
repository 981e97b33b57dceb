/** Which shard a guild belongs to, and which shards this process runs (Discord: (guild_id >> 22) % shards). */

export interface ShardSet {
  /** Shards of the whole bot. */
  count: number;
  /** The shards this process runs. */
  ids: readonly number[];
}

/** The shard that receives a guild's events; direct messages belong to shard 0. */
export function shardOf(guildId: string | null, shardCount: number): number {
  if (!guildId || shardCount <= 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export const runsGuild = (shards: ShardSet, guildId: string | null) =>
  shards.ids.includes(shardOf(guildId, shards.count));

/** Every shard, for a process that runs them all. */
export const allShards = (count: number): ShardSet => ({ count, ids: Array.from({ length: count }, (_, i) => i) });
