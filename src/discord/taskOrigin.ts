/** An interaction's task origin as plain data (where, who, which language, its webhook) and the member's roles. */
import type { RepliableInteraction } from 'discord.js';
import { resolveLocale } from '../i18n/index.js';
import { gatewayFacts } from './gatewayFacts.js';
import type { TaskOrigin } from '../services/tasks/taskRecord.js';

/** The member's role ids, from the interaction's member (cached or raw API shape). */
export function memberRoleIds(i: RepliableInteraction): string[] {
  const roles = i.member?.roles;
  if (!roles) return [];
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
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
  };
}
