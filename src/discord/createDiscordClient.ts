/**
 * The discord.js Client as the bot needs it: **no gateway intents** (interactions arrive without any), no
 * caches of servers, channels, members or messages, and an optional REST base URL (the loopback fake Discord in
 * tests and the sandbox; Discord itself otherwise).
 *
 * Why: every interaction carries what the bot reads (the member's roles and permissions, the app's permissions,
 * the locale, `attachment_size_limit`, the channel id, type and parent), so the GUILD_CREATE of each server (for
 * a community of 50 channels, 30 roles and 20 emojis, about 95 KB once cached, and as much garbage to parse at
 * every READY) bought nothing. Without the GUILDS intent Discord sends none; READY still lists the servers, and
 * discord.js is ready at once. Interactions then come as from uncached servers (`interaction.member` is the raw
 * API member, `interaction.guild` and `interaction.channel` are null). The facts only the gateway has, which
 * servers this process serves (READY) and a thread's parent channel (the raw interaction), come from
 * gatewayFacts.ts. The caches stay off too, should a guild event arrive anyway; discord.js calls an empty
 * `client.channels` unsupported because its cache-reading getters stop working: the bot uses none of them
 * (messages are edited and deleted through REST by id).
 */
import { Client, type ClientOptions, LimitedCollection, Options } from 'discord.js';
import { trackGatewayFacts } from './gatewayFacts.js';

export interface DiscordClientSettings {
  restUrl?: string;
  /** The bot's shard count and the shards this process runs (default: one shard). */
  shards?: { count: number; ids: readonly number[] };
}

/**
 * Managers whose caches stay empty. The client-wide ones matter (a Guild's own managers go with the Guild):
 * `client.guilds` and `client.channels` (which would otherwise keep every channel, and through it its Guild).
 */
const UNCACHED = new Set(['GuildManager', 'ChannelManager', 'MessageManager', 'GuildMemberManager']);

const trimmed = Options.cacheWithLimits({
  ...Options.DefaultMakeCacheSettings,
  UserManager: 0,
  PresenceManager: 0,
  ReactionManager: 0,
  ThreadMemberManager: 0,
  VoiceStateManager: 0,
  GuildEmojiManager: 0,
  GuildStickerManager: 0,
  GuildScheduledEventManager: 0,
  StageInstanceManager: 0,
  GuildInviteManager: 0,
  GuildBanManager: 0,
  AutoModerationRuleManager: 0,
  ApplicationCommandManager: 0,
});

export function createDiscordClient(settings: DiscordClientSettings = {}): Client {
  const options: ClientOptions = {
    intents: [],
    // Never ping anyone unless a message says so explicitly (every send also sets allowedMentions).
    allowedMentions: { parse: [] },
    makeCache: (managerType, holds, manager) =>
      UNCACHED.has(manager.name) || UNCACHED.has(managerType.name)
        ? new LimitedCollection({ maxSize: 0 })
        : trimmed(managerType, holds, manager),
    rest: settings.restUrl ? { api: settings.restUrl } : {},
    // Identify follows Discord's max_concurrency buckets (@discordjs/ws reads it from GET /gateway/bot).
    ...(settings.shards ? { shardCount: settings.shards.count, shards: [...settings.shards.ids] } : {}),
  };
  // discord.js warns once that an empty `client.channels` is unsupported; we know (see above), so that one
  // warning is not printed at every start. Every other warning goes through.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (rest[0] === 'UnsupportedCacheOverwriteWarning') return;
    (emitWarning as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  let client: Client;
  try {
    client = new Client(options);
  } finally {
    process.emitWarning = emitWarning;
  }
  trackGatewayFacts(client);
  return client;
}
