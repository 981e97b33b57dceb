/**
 * The permissions the bot asks for when a server adds it, each with the reason the code needs it, and the invite
 * links built from them (server install, and user install when USER_INSTALL is on). One place: the README, the
 * "ready" log line and the tests read them from here.
 *
 * What the bot does through the bot token (REST, `discord/messageTarget.ts`, `commands/video/modals.ts`,
 * `discord/sourceMessage.ts`, `discord/galleryPoster.ts`, `discord/galleryReactions.ts`): edits its own cards
 * (no permission beyond seeing the channel), reads messages by id, posts new messages with files and embeds,
 * reads reactions, deletes its own messages (no permission). It never adds reactions, never deletes other
 * people's messages (Manage Messages is checked on the member pressing Delete, not on the bot) and reads no
 * message content from the gateway (no intents: `discord/createDiscordClient.ts`).
 */
import { PermissionFlagsBits } from 'discord.js';

export interface NeededPermission {
  /** discord.js's name of the flag (PermissionFlagsBits). */
  name: keyof typeof PermissionFlagsBits;
  /** The name Discord's server settings show. */
  label: string;
  /** Why the bot needs it (for the README and whoever reviews the invite). */
  why: string;
}

/** Asked for in the invite: what every feature needs in the channels where members use the bot. */
export const INVITE_PERMISSIONS: readonly NeededPermission[] = [
  {
    name: 'ViewChannel',
    label: 'View Channels',
    why: 'reach the channel at all: edit a card after the 15-minute interaction token has run out, post a result there',
  },
  {
    name: 'SendMessages',
    label: 'Send Messages',
    why: "post the card anew when the original is gone, Extend's last frame, and gallery posts (Create Posts in a forum)",
  },
  {
    name: 'SendMessagesInThreads',
    label: 'Send Messages in Threads',
    why: 'the same in threads and forum posts (members may use /video in a thread; a forum gallery posts there)',
  },
  {
    name: 'EmbedLinks',
    label: 'Embed Links',
    why: 'the task card is an embed; edits through the channel (after the interaction token) need it',
  },
  {
    name: 'AttachFiles',
    label: 'Attach Files',
    why: "upload the finished video into the card, Extend's last frame, the gallery's video files",
  },
  {
    name: 'ReadMessageHistory',
    label: 'Read Message History',
    why: 'look at a card before uploading again after a restart, read the message Animate / Use as references start from, read gallery reactions for the top list',
  },
];

/**
 * Needed only on a forum gallery channel (`/video-admin gallery`, which names each one missing): grant them on
 * that channel rather than server-wide, so they are not part of the invite.
 */
export const FORUM_GALLERY_PERMISSIONS: readonly NeededPermission[] = [
  {
    name: 'ManageThreads',
    label: 'Manage Threads and Posts',
    why: 'remove gallery posts (Delete, gallery-purge, a deleted card) and keep them up',
  },
  {
    name: 'ManageChannels',
    label: 'Manage Channels',
    why: "create the forum's tags for model family and ratio",
  },
];

export function permissionBits(list: readonly NeededPermission[]): bigint {
  return list.reduce((bits, p) => bits | PermissionFlagsBits[p.name], 0n);
}

/** The permission integer of the invite link. */
export const INVITE_PERMISSION_BITS = permissionBits(INVITE_PERMISSIONS);

const AUTHORIZE = 'https://discord.com/oauth2/authorize';

/** The server-install invite: the bot user plus its commands, with INVITE_PERMISSIONS (oauth2.mdx, integration_type 0). */
export function serverInviteUrl(applicationId: string): string {
  return `${AUTHORIZE}?client_id=${applicationId}&integration_type=0&scope=bot+applications.commands&permissions=${INVITE_PERMISSION_BITS}`;
}

/** The user-install link (USER_INSTALL=true): the commands only, no bot and no permissions (integration_type 1). */
export function userInstallUrl(applicationId: string): string {
  return `${AUTHORIZE}?client_id=${applicationId}&integration_type=1&scope=applications.commands`;
}
