/**
 * The discord.js Client as the bot needs it: the Guilds intent only (slash commands need no other), no
 * caches of servers, channels, roles, members or emojis, and an optional REST base URL (the loopback fake
 * Discord in tests and the sandbox; Discord itself otherwise).
 *
 * Why no guild cache: every interaction carries what the bot reads (the member's roles and permissions, the
 * app's permissions, the locale, `attachment_size_limit`, the channel id and type), so a cached Guild with its
 * channels, roles and emojis (about 95 KB for a community of 50 channels, 30 roles and 20 emojis) bought
 * nothing. discord.js then hands interactions over as from an uncached guild (`interaction.member` is the raw
 * API member, `interaction.guild` is null). The two facts only the gateway has, which servers this process
 * serves and a thread's parent channel, come from gatewayFacts.ts. discord.js calls overriding the guild,
 * channel and role caches unsupported because its cache-reading getters stop working: the bot uses none of them
 * (messages are edited and deleted through REST by id).
 */
import { Client, type ClientOptions, GatewayIntentBits, LimitedCollection, Options } from 'discord.js';
import { trackGatewayFacts } from './gatewayFacts.js';

export interface DiscordClientSettings {
  restUrl?: string;
  /** The bot's shard count and the shards this process runs (default: one shard). */
  shards?: { count: number; ids: readonly number[] };
}

/** Managers whose caches stay empty (the first five are the ones discord.js calls unsupported: see above). */
const UNCACHED = new Set([
  'GuildManager',
  'ChannelManager',
  'GuildChannelManager',
  'RoleManager',
  'PermissionOverwriteManager',
  'GuildTextThreadManager',
  'GuildForumThreadManager',
  'MessageManager',
  'GuildMemberManager',
]);

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
    intents: [GatewayIntentBits.Guilds],
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
  const client = new Client(options);
  trackGatewayFacts(client);
  return client;
}
