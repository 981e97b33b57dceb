/** The private message for a refused request: a usage limit, or the server's channel/role policy. */
import { type Locale, type MessageKey, t } from '../../i18n/index.js';
import type { PolicyRefusal } from '../../services/guildConfig/guildConfig.js';
import { escapeUntrusted, joinWithMore } from './text.js';

/** Discord's limit for a message's content. */
const CONTENT_MAX = 2000;

export type Refusal =
  | { kind: 'policy'; refusal: PolicyRefusal }
  | { kind: 'refused'; key: MessageKey; params: Record<string, string | number> };

export function renderRefusal(r: Refusal, locale: Locale): string {
  if (r.kind === 'refused') {
    // Text in the parameters (a blocked term) is the admin's or the member's: shown, never as markup.
    const params = Object.fromEntries(
      Object.entries(r.params).map(([k, v]) => [k, typeof v === 'string' ? escapeUntrusted(v) : v]),
    );
    return t(locale, 'reply.limitRefused', { reason: t(locale, r.key, params) });
  }
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
