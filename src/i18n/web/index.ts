/**
 * The web dashboard's texts by locale (one typed table per locale, as the bot's own), and the page language:
 * `?lang=` (remembered in a cookie), else the cookie, else the browser's Accept-Language, else en-US.
 */
import { LOCALES, type Locale, resolveLocale } from '../index.js';
import { webDe } from './de.js';
import { type WebKey, type WebTexts, webEnUS } from './en-US.js';
import { webEsES } from './es-ES.js';
import { webFr } from './fr.js';
import { webJa } from './ja.js';
import { webKo } from './ko.js';
import { webPtBR } from './pt-BR.js';
import { webRu } from './ru.js';
import { webZhCN } from './zh-CN.js';
import { webZhTW } from './zh-TW.js';

export type { WebKey, WebTexts };

const TABLES: Record<Locale, WebTexts> = {
  'en-US': webEnUS,
  'zh-CN': webZhCN,
  'zh-TW': webZhTW,
  ja: webJa,
  ko: webKo,
  'es-ES': webEsES,
  'pt-BR': webPtBR,
  fr: webFr,
  de: webDe,
  ru: webRu,
};

/** What a key's text needs (nothing for a text without parameters). */
type ArgsOf<K extends WebKey> = Parameters<WebTexts[K]> extends [] ? [] : [params: Parameters<WebTexts[K]>[0]];

export function wt<K extends WebKey>(locale: Locale, key: K, ...args: ArgsOf<K>): string {
  const fn = TABLES[locale][key] as (p?: unknown) => string;
  return fn(args[0]);
}

/** Our locale for a `?lang=` value or a cookie (only one of ours, spelled exactly; anything else: none). */
export function exactLocale(raw: unknown): Locale | undefined {
  return typeof raw === 'string' ? LOCALES.find((l) => l.toLowerCase() === raw.toLowerCase()) : undefined;
}

/** The browser's preferred language we have (Accept-Language, by weight), else en-US. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'en-US';
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.tag && x.tag !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const locale = resolveLocale(tag);
    // resolveLocale answers en-US for a language we lack: only take it when English was asked for.
    if (locale !== 'en-US' || tag.toLowerCase().startsWith('en')) return locale;
  }
  return 'en-US';
}

/** The names of the languages in the switch, each in its own language. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  'en-US': 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  ja: '日本語',
  ko: '한국어',
  'es-ES': 'Español',
  'pt-BR': 'Português',
  fr: 'Français',
  de: 'Deutsch',
  ru: 'Русский',
};
