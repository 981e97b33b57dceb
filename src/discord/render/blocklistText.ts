/** A server's prompt blocklist as one private message: every term escaped, as many as fit, then "and N more". */
import { t, type Locale } from '../../i18n/index.js';
import { escapeUntrusted, joinWithMore } from './text.js';

/** Discord's limit for a message's content. */
const CONTENT_MAX = 2000;

export function renderBlocklist(terms: readonly string[], locale: Locale): string {
  if (!terms.length) return t(locale, 'admin.blocklist.empty');
  const title = t(locale, 'admin.blocklist.title', { count: terms.length });
  const lines = joinWithMore(
    terms.map((term) => `• ${escapeUntrusted(term)}`),
    '\n',
    CONTENT_MAX - title.length - 1,
    (count) => t(locale, 'list.more', { count }),
  );
  return `${title}\n${lines}`;
}
