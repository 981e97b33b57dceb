/**
 * An interaction's task origin as plain data (where, who, which language, its webhook, whether the bot is there
 * at all) and the member's roles.
 */
import {
  ApplicationIntegrationType,
  type BaseInteraction,
  InteractionContextType,
  type RepliableInteraction,
} from 'discord.js';
import { resolveLocale } from '../i18n/index.js';
import { gatewayFacts } from './gatewayFacts.js';
import type { TaskOrigin } from '../services/tasks/taskRecord.js';

/** The member's role ids, from the interaction's member (cached or raw API shape). */
export function memberRoleIds(i: RepliableInteraction): string[] {
  const roles = i.member?.roles;
  if (!roles) return [];
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}

/**
 * Whether the interaction comes through a member's own install where the bot is not: a group DM, or a server that
 * did not add the bot. A server counts as having added it when either says so: `authorizing_integration_owners`
 * names it as the server-install owner (the interaction itself, on any process), or READY listed it for this
 * process's shards (an interaction arrives on its server's shard, so this covers a command a member ran through
 * their own install in a server that has the bot too). Older payloads without the field count as
 * server-installed, as before.
 */
export function isUserInstallPlace(
  i: Pick<BaseInteraction, 'client' | 'context' | 'guildId' | 'authorizingIntegrationOwners'>,
): boolean {
  if (i.context === InteractionContextType.PrivateChannel) return true;
  if (!i.guildId || i.context === InteractionContextType.BotDM) return false;
  const owners = i.authorizingIntegrationOwners as unknown as Record<number, unknown> | null | undefined;
  const guildOwner = owners?.[ApplicationIntegrationType.GuildInstall];
  const userOwner = owners?.[ApplicationIntegrationType.UserInstall];
  if (userOwner == null) return false;
  // Discord once sent the guild owner as a number (discord-api-docs#6730): compared as text.
  if (String(guildOwner ?? '') === i.guildId) return false;
  return !gatewayFacts(i.client)?.guildIds.has(i.guildId);
}

export function taskOriginOf(i: RepliableInteraction): TaskOrigin {
  // A thread or forum post belongs to its parent channel (for a server's channel allow-list).
  const parentChannelId = gatewayFacts(i.client)?.threadParentOf(i.id);
  return {
    parentChannelId,
    guildId: i.guildId,
    channelId: i.channelId ?? '',
    userId: i.user.id,
    locale: resolveLocale(i.locale),
    interaction: { id: i.id, applicationId: i.applicationId, token: i.token, createdAt: i.createdTimestamp },
    uploadLimitBytes: typeof i.attachmentSizeLimit === 'number' ? i.attachmentSizeLimit : undefined,
    ...(isUserInstallPlace(i) ? { userInstall: true } : {}),
  };
}
