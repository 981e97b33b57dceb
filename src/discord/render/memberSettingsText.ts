/** What /settings show says: the member's defaults (marking one this server switched off), the order, the DM choice. */
import { type Locale, type Message, t, tMessage } from '../../i18n/index.js';
import type { MemberSettingsRecord } from '../../services/memberSettings/memberSettings.js';
import { truncate } from './text.js';

export function memberSettingsText(
  s: Readonly<MemberSettingsRecord>,
  locale: Locale,
  /** The models this server has enabled (undefined in DMs: nothing is switched off there). */
  enabledHere?: readonly string[],
  prefix = '',
): string {
  const d = s.defaults ?? {};
  const lines: string[] = [];
  if (d.model !== undefined) {
    const off = enabledHere && !enabledHere.includes(d.model) ? ` ${t(locale, 'settings.offHere')}` : '';
    lines.push(t(locale, 'settings.line', { label: t(locale, 'settings.label.model'), value: d.model }) + off);
  }
  if (d.ratio !== undefined)
    lines.push(t(locale, 'settings.line', { label: t(locale, 'settings.label.ratio'), value: d.ratio }));
  if (d.resolution !== undefined)
    lines.push(t(locale, 'settings.line', { label: t(locale, 'settings.label.resolution'), value: d.resolution }));
  if (d.duration !== undefined)
    lines.push(
      t(locale, 'settings.line', {
        label: t(locale, 'settings.label.duration'),
        value: t(locale, 'settings.seconds', { value: d.duration }),
      }),
    );
  return truncate(
    [
      ...(prefix ? [prefix, ''] : []),
      `**${t(locale, 'settings.title')}**`,
      `__${t(locale, 'settings.defaults')}__`,
      ...(lines.length ? lines : [t(locale, 'settings.none')]),
      `-# ${t(locale, 'settings.order')}`,
      t(locale, s.notifyDm ? 'settings.notify.on' : 'settings.notify.off'),
    ].join('\n'),
    2000,
  );
}

/** A refused change: each problem on its own line. */
export function memberSettingsRefusal(problems: readonly Message[], locale: Locale): string {
  return truncate(problems.map((p) => `• ${tMessage(locale, p)}`).join('\n'), 2000);
}
