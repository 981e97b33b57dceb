/**
 * The discord.js Client as the bot needs it: the Guilds intent only (slash commands need no other),
 * caches trimmed so memory stays flat as the guild count grows, and an optional REST base URL
 * (the loopback fake Discord in tests and the sandbox; Discord itself otherwise).
 */
import { Client, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';

export interface DiscordClientSettings {
  restUrl?: string;
  /** The bot's shard count and the shards this process runs (default: one shard). */
  shards?: { count: number; ids: readonly number[] };
}

export function createDiscordClient(settings: DiscordClientSettings = {}): Client {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds],
    // Never ping anyone unless a message says so explicitly (every send also sets allowedMentions).
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (m) => m.id === m.client.user.id },
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
    }),
    rest: settings.restUrl ? { api: settings.restUrl } : {},
    // Identify follows Discord's max_concurrency buckets (@discordjs/ws reads it from GET /gateway/bot).
    ...(settings.shards ? { shardCount: settings.shards.count, shards: [...settings.shards.ids] } : {}),
  };
  return new Client(options);
}
