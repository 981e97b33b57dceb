/**
 * The bot's permissions in a channel, computed as Discord does (base from @everyone and the member's roles,
 * Administrator grants all, then the channel's overwrites: @everyone, the roles together, the member), and which
 * of those a gallery needs are missing. Plain numbers; no Discord objects.
 */
import type { GalleryKind } from './gallerySettings.js';

export const PERMISSION = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  ManageChannels: 1n << 4n,
  Administrator: 1n << 3n,
  ManageThreads: 1n << 34n,
  SendMessagesInThreads: 1n << 38n,
} as const;
export type PermissionName = keyof typeof PERMISSION;

export interface Overwrite {
  id: string;
  /** 0 = role, 1 = member. */
  type: number;
  allow: string;
  deny: string;
}

export interface PermissionInput {
  guildId: string;
  /** The server owner has every permission. */
  ownerId?: string;
  memberId: string;
  memberRoleIds: readonly string[];
  /** Every role of the server: id → its permissions (the @everyone role has the server's id). */
  rolePermissions: ReadonlyMap<string, bigint>;
  overwrites: readonly Overwrite[];
}

export function channelPermissions(p: PermissionInput): bigint {
  if (p.ownerId === p.memberId) return ~0n;
  let base = p.rolePermissions.get(p.guildId) ?? 0n;
  for (const r of p.memberRoleIds) base |= p.rolePermissions.get(r) ?? 0n;
  if (base & PERMISSION.Administrator) return ~0n;
  let perms = base;
  const everyone = p.overwrites.find((o) => o.type === 0 && o.id === p.guildId);
  if (everyone) perms = (perms & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of p.overwrites)
    if (o.type === 0 && o.id !== p.guildId && p.memberRoleIds.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  perms = (perms & ~deny) | allow;
  const own = p.overwrites.find((o) => o.type === 1 && o.id === p.memberId);
  if (own) perms = (perms & ~BigInt(own.deny)) | BigInt(own.allow);
  // Without View Channel nothing else in the channel counts.
  return perms & PERMISSION.ViewChannel ? perms : 0n;
}

/**
 * What the bot needs in a gallery channel. Forum: view, create posts (Send Messages), attach files, send in
 * posts, Manage Threads (its posts' upkeep) and Manage Channels (creating tags). Text: view, send, attach files,
 * embed links. Read Message History for the reactions of the top list, in both.
 */
export function requiredGalleryPermissions(kind: GalleryKind): PermissionName[] {
  return kind === 'forum'
    ? [
        'ViewChannel',
        'SendMessages',
        'SendMessagesInThreads',
        'AttachFiles',
        'EmbedLinks',
        'ReadMessageHistory',
        'ManageThreads',
        'ManageChannels',
      ]
    : ['ViewChannel', 'SendMessages', 'AttachFiles', 'EmbedLinks', 'ReadMessageHistory'];
}

export function missingPermissions(have: bigint, kind: GalleryKind): PermissionName[] {
  return requiredGalleryPermissions(kind).filter((n) => (have & PERMISSION[n]) === 0n);
}
