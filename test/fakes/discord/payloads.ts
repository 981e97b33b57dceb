/** Builders of gateway and REST payloads shaped like Discord's (typed with discord-api-types). */
import {
  ApplicationCommandOptionType,
  ChannelType,
  InteractionType,
  type APIAttachment,
  type APIChannel,
  type APIInteractionGuildMember,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';
import { snowflake } from './snowflake.js';

export const ALL_PERMISSIONS = '2251799813685247';
/** View channel, send messages, embed links, attach files, read history, use application commands. */
export const MEMBER_PERMISSIONS = String(
  (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 31n),
);
export const MANAGE_MESSAGES = 1n << 13n;
export const MANAGE_GUILD = 1n << 5n;
export const DEFAULT_ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

/** Per-file upload limit of a guild by boost tier: 10 MiB (tiers 0 and 1), 50 MiB (tier 2), 100 MiB (tier 3). */
export function uploadLimitForTier(tier: number): number {
  return tier >= 3 ? 100 * 1024 * 1024 : tier === 2 ? 50 * 1024 * 1024 : DEFAULT_ATTACHMENT_SIZE_LIMIT;
}

/** The shard that receives a guild's events: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export interface FakeGuild {
  id: string;
  name: string;
  /** The guild's one text channel. */
  channelId: string;
  channelName: string;
  ownerId: string;
  premiumTier: 0 | 1 | 2 | 3;
  preferredLocale: string;
  memberCount: number;
  /** Extra channels, roles and emojis its GUILD_CREATE carries (a mid-size community: 50, 30, 20). */
  shape?: GuildShape;
}

export interface GuildShape {
  channels?: number;
  roles?: number;
  emojis?: number;
}

/** What a test may say about a guild; everything else gets a default. */
export type FakeGuildSpec = Partial<FakeGuild>;

/**
 * Guild ids carry distinct creation times (1,009 ms apart, going back from `now`), so that they spread over
 * shards the way real ids do.
 */
export function makeGuild(spec: FakeGuildSpec, index: number, now: number = Date.now()): FakeGuild {
  return {
    id: spec.id ?? snowflake(now - (index + 1) * 1009),
    name: spec.name ?? `Guild ${index + 1}`,
    channelId: spec.channelId ?? snowflake(),
    channelName: spec.channelName ?? 'generate',
    ownerId: spec.ownerId ?? snowflake(),
    premiumTier: spec.premiumTier ?? 0,
    preferredLocale: spec.preferredLocale ?? 'en-US',
    memberCount: spec.memberCount ?? 2,
    ...(spec.shape ? { shape: spec.shape } : {}),
  };
}

/** Ids derived from the guild's, so a shaped guild is the same on every READY. */
const childId = (guildId: string, n: number) => (BigInt(guildId) + BigInt(n + 1)).toString();

/** Channels as a community has them: categories, text and voice channels, some with permission overwrites. */
function shapedChannels(g: FakeGuild, count: number, roleIds: string[]): APIChannel[] {
  return Array.from({ length: count }, (_, i) => {
    const type =
      i % 10 === 0 ? ChannelType.GuildCategory : i % 5 === 4 ? ChannelType.GuildVoice : ChannelType.GuildText;
    return {
      id: childId(g.id, 1000 + i),
      guild_id: g.id,
      type,
      name: `${type === ChannelType.GuildVoice ? 'voice' : 'channel'}-${i}`,
      position: i,
      parent_id: type === ChannelType.GuildCategory ? null : childId(g.id, 1000 + i - (i % 10)),
      permission_overwrites: roleIds.slice(0, i % 4).map((id) => ({ id, type: 0, allow: '1024', deny: '2048' })),
      nsfw: false,
      topic: type === ChannelType.GuildText ? `Talk about topic ${i} here. Be kind.` : null,
      last_message_id: type === ChannelType.GuildText ? childId(g.id, 900_000 + i) : null,
      rate_limit_per_user: 0,
      ...(type === ChannelType.GuildVoice ? { bitrate: 64000, user_limit: 0, rtc_region: null } : {}),
      flags: 0,
    } as unknown as APIChannel;
  });
}

export function makeUser(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
  } as APIUser;
}

function everyoneRole(guildId: string) {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: MEMBER_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function textChannel(g: FakeGuild): APIChannel {
  return {
    id: g.channelId,
    guild_id: g.id,
    type: ChannelType.GuildText,
    name: g.channelName,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    parent_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  } as unknown as APIChannel;
}

/**
 * GUILD_CREATE for a guild: enough for discord.js to cache the guild, its @everyone role, the bot's member
 * and the text channel. Kept small (no emojis, stickers or presences) so that thousands stay cheap.
 */
export function guildCreate(g: FakeGuild, botUser: APIUser, joinedAt: string): GatewayGuildCreateDispatchData {
  const roles = Array.from({ length: g.shape?.roles ?? 0 }, (_, i) => ({
    ...everyoneRole(g.id),
    id: childId(g.id, 2000 + i),
    name: `Role ${i}`,
    color: 0x3498db + i,
    colors: { primary_color: 0x3498db + i, secondary_color: null, tertiary_color: null },
    hoist: i < 5,
    position: i + 1,
    permissions: String(MEMBER_PERMISSIONS),
    mentionable: i % 3 === 0,
  }));
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: g.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [everyoneRole(g.id), ...roles],
    emojis: Array.from({ length: g.shape?.emojis ?? 0 }, (_, i) => ({
      id: childId(g.id, 3000 + i),
      name: `emoji_${i}`,
      roles: [],
      require_colons: true,
      managed: false,
      animated: i % 4 === 0,
      available: true,
    })),
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: g.premiumTier,
    premium_subscription_count: 0,
    preferred_locale: g.preferredLocale,
    public_updates_channel_id: null,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: g.memberCount,
    voice_states: [],
    members: [{ user: botUser, roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0 }],
    channels: [
      textChannel(g),
      ...shapedChannels(
        g,
        g.shape?.channels ?? 0,
        roles.map((r) => r.id),
      ),
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  } as unknown as GatewayGuildCreateDispatchData;
}

export interface AttachmentSpec {
  /** The attachment option's name (default `image1`, `image2`, … by position). */
  optionName?: string;
  filename: string;
  contentType?: string;
  size: number;
  width?: number;
  height?: number;
  /** Defaults to a cdn.discordapp.com URL that nothing serves; point it at a local server to download. */
  url?: string;
}

export function attachmentPayload(spec: AttachmentSpec, channelId: string, at?: number): APIAttachment {
  const id = snowflake(at);
  const url =
    spec.url ??
    `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(spec.filename)}?ex=0&is=0&hm=fake`;
  return {
    id,
    filename: spec.filename,
    size: spec.size,
    url,
    proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
    ...(spec.contentType ? { content_type: spec.contentType } : {}),
    ...(spec.width ? { width: spec.width, height: spec.height ?? spec.width } : {}),
  } as APIAttachment;
}

export function memberPayload(
  user: APIUser,
  permissions: string,
  roles: string[],
  joinedAt: string,
): APIInteractionGuildMember {
  return {
    user,
    roles,
    permissions,
    joined_at: joinedAt,
    deaf: false,
    mute: false,
    flags: 0,
    avatar: null,
    premium_since: null,
    nick: null,
    pending: false,
  } as unknown as APIInteractionGuildMember;
}

/** The option type a plain value implies when a test does not say. */
export function impliedOptionType(value: string | number | boolean): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number')
    return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  return ApplicationCommandOptionType.String;
}

export { ApplicationCommandOptionType, InteractionType };
