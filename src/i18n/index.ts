/** Locale lookup: picks the member's language (en-US fallback) and renders a message key. */
import { enUS, type MessageKey } from './en-US.js';
import { zhCN } from './zh-CN.js';

export type { MessageKey };
export const LOCALES = ['en-US', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageParams = Record<string, string | number>;

const TABLES: Record<Locale, Record<MessageKey, (p: MessageParams) => string>> = { 'en-US': enUS, 'zh-CN': zhCN };

/** Maps a Discord locale (`zh-CN`, `zh-TW`, `en-GB`, …) to one we have; English otherwise. */
export function resolveLocale(discordLocale: string | null | undefined): Locale {
  if (discordLocale?.toLowerCase().startsWith('zh')) return 'zh-CN';
  return 'en-US';
}

export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return TABLES[locale][key](params);
}
