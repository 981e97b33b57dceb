/**
 * The private message for a refused request: a usage limit, the server's channel/role policy, or its blocklist (or
 * the operator's).
 */
import { type Locale, type Message, t, tMessage } from '../../i18n/index.js';
import type { PolicyRefusal } from '../../services/guildConfig/guildConfig.js';
import { escapeUntrusted, joinWithMore } from './text.js';

/** Discord's limit for a message's content. */
const CONTENT_MAX = 2000;

export type Refusal =
  | { kind: 'policy'; refusal: PolicyRefusal }
  | ({ kind: 'refused' } & Message)
  | { kind: 'blocked'; term: string; by?: 'operator' };

export function renderRefusal(r: Refusal, locale: Locale): string {
  if (r.kind === 'refused') return t(locale, 'reply.limitRefused', { reason: tMessage(locale, r) });
  // The term is an admin's text: shown as written, never as markup or a mention.
  if (r.kind === 'blocked')
    return t(locale, 'reply.limitRefused', {
      reason: t(locale, r.by === 'operator' ? 'limit.blockedByOperator' : 'limit.blocked', {
        term: escapeUntrusted(r.term),
      }),
    });
  if (r.refusal.kind === 'role') {
    return t(locale, 'reply.limitRefused', { reason: t(locale, 'policy.role', { role: `<@&${r.refusal.roleId}>` }) });
  }
  // Many allowed channels: as many as fit in one message, then "and N more".
  const frame = t(locale, 'reply.limitRefused', { reason: t(locale, 'policy.channel', { channels: '' }) });
  const channels = joinWithMore(
    r.refusal.channels.map((c) => `<#${c}>`),
    ', ',
    CONTENT_MAX - frame.length,
    (count) => t(locale, 'list.more', { count }),
  );
  return t(locale, 'reply.limitRefused', { reason: t(locale, 'policy.channel', { channels }) });
}
