/** Builders of gateway and REST payloads shaped like Discord's (typed with discord-api-types). */
import {
  ApplicationCommandOptionType,
  ChannelType,
  InteractionType,
  type APIAttachment,
  type APIGuild,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';
import { snowflake } from './snowflake.js';

export const ALL_PERMISSIONS = '2251799813685247';
/** View channel, send messages, embed links, attach files, read history, use application commands. */
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 31n));
export const MANAGE_MESSAGES = 1n << 13n;

export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
  ownerId: string;
  premiumTier: 0 | 1 | 2 | 3;
}

export function makeUser(id: string, username: string, bot = false): APIUser {
  return { id, username, discriminator: '0', global_name: username, avatar: null, bot } as APIUser;
}

export function guildCreate(g: FakeGuild, botUser: APIUser): GatewayGuildCreateDispatchData {
  const guild: Record<string, unknown> = {
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
    roles: [
      { id: g.id, name: '@everyone', color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: MEMBER_PERMISSIONS, managed: false, mentionable: false, flags: 0 },
    ],
    emojis: [],
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
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    hub_type: null,
    incidents_data: null,
  };
  return {
    ...(guild as unknown as APIGuild),
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [
      { user: botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } as never,
    ],
    channels: [
      { id: g.channelId, type: ChannelType.GuildText, name: 'generate', position: 0, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null, parent_id: null, rate_limit_per_user: 0, flags: 0 } as never,
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  } as unknown as GatewayGuildCreateDispatchData;
}

export interface AttachmentSpec {
  optionName: string;
  filename: string;
  contentType?: string;
  size: number;
  width?: number;
  height?: number;
  url?: string;
}

export function attachmentPayload(spec: AttachmentSpec, channelId: string): APIAttachment {
  const id = snowflake();
  const url = spec.url ?? `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(spec.filename)}?ex=0&is=0&hm=fake`;
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

export function memberPayload(user: APIUser, permissions: string): APIInteractionGuildMember {
  return { user, roles: [], permissions, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, avatar: null, premium_since: null, nick: null, pending: false } as unknown as APIInteractionGuildMember;
}

export { ApplicationCommandOptionType, InteractionType };
export type { APIMessage };
