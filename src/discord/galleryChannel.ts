/**
 * What the bot can do in a channel an admin picks for the gallery: its kind (forum or text), the bot's own
 * permissions there (read through REST: the bot keeps no caches), which of those the gallery needs are missing,
 * and how many tags a forum has already.
 */
import { DiscordAPIError, type REST, Routes } from 'discord.js';
import type { GalleryKind } from '../services/gallery/gallerySettings.js';
import {
  channelPermissions,
  missingPermissions,
  type Overwrite,
  type PermissionName,
} from '../services/gallery/permissions.js';

export type GalleryChannelCheck =
  | { ok: true; kind: GalleryKind; tagCount: number }
  | { ok: false; why: 'not_visible' | 'bad_kind' }
  | { ok: false; why: 'missing'; kind: GalleryKind; missing: PermissionName[] };

const KIND_BY_TYPE: Record<number, GalleryKind | undefined> = { 0: 'text', 5: 'text', 15: 'forum' };

export async function checkGalleryChannel(
  rest: REST,
  guildId: string,
  channelId: string,
  botId: string,
): Promise<GalleryChannelCheck> {
  let channel: { type: number; guild_id?: string; permission_overwrites?: Overwrite[]; available_tags?: unknown[] };
  try {
    channel = (await rest.get(Routes.channel(channelId))) as typeof channel;
  } catch (err) {
    if (err instanceof DiscordAPIError && [10003, 50001, 50013].includes(Number(err.code)))
      return { ok: false, why: 'not_visible' };
    throw err;
  }
  const kind = KIND_BY_TYPE[channel.type];
  if (!kind || (channel.guild_id && channel.guild_id !== guildId)) return { ok: false, why: 'bad_kind' };
  const [guild, me] = (await Promise.all([
    rest.get(Routes.guild(guildId)),
    rest.get(Routes.guildMember(guildId, botId)),
  ])) as [{ owner_id?: string; roles: Array<{ id: string; permissions: string }> }, { roles: string[] }];
  const have = channelPermissions({
    guildId,
    ownerId: guild.owner_id,
    memberId: botId,
    memberRoleIds: me.roles,
    rolePermissions: new Map(guild.roles.map((r) => [r.id, BigInt(r.permissions)])),
    overwrites: channel.permission_overwrites ?? [],
  });
  const missing = missingPermissions(have, kind);
  if (missing.length) return { ok: false, why: 'missing', kind, missing };
  return { ok: true, kind, tagCount: channel.available_tags?.length ?? 0 };
}
