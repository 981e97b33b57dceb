/** Locale lookup: picks the member's language (en-US fallback) and renders a message key with its parameters. */
import { de } from './de.js';
import { enUS } from './en-US.js';
import { esES } from './es-ES.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import { type Arg, localizeNumbers } from './params.js';
import { ptBR } from './pt-BR.js';
import { ru } from './ru.js';
import { zhCN } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

/** Our tables, named by the Discord locale each one serves (es-ES also serves es-419). */
export const LOCALES = ['en-US', 'zh-CN', 'zh-TW', 'ja', 'ko', 'es-ES', 'pt-BR', 'fr', 'de', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

type Table = typeof enUS;
export type MessageKey = keyof Table;
/** The parameters of a message key, as its en-US text declares them (none: an empty object). */
export type ParamsOf<K extends MessageKey> = K extends MessageKey
  ? Parameters<Table[K]> extends [infer P]
    ? P
    : Record<string, never>
  : never;
/** Every locale's table: the same keys as en-US, each taking the same parameters. */
export type Messages = { [K in MessageKey]: (p: ParamsOf<K>) => string };
/** A message as data (a problem, a refusal): a key and exactly its parameters. */
export type Message<K extends MessageKey = MessageKey> = { [k in K]: { key: k; params: ParamsOf<k> } }[K];
/** Parameters of a message chosen at run time (zod issues carry only the key); checked nowhere else. */
export type LooseParams = Record<string, Arg | undefined>;

const TABLES: Record<Locale, Messages> = {
  'en-US': enUS,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  ja,
  ko,
  'es-ES': esES,
  'pt-BR': ptBR,
  fr,
  de,
  ru,
};

/** Discord locales served by a table named otherwise (Latin American Spanish reads the es-ES table). */
const ALIASES: Record<string, Locale> = { 'es-419': 'es-ES', 'zh-HK': 'zh-TW', pt: 'pt-BR' };

/**
 * Maps a Discord locale (`ja`, `es-419`, `en-GB`, …) to one of our tables: the same locale, an alias
 * (es-419 → es-ES), the same language (`fr-CA` → fr, `zh-SG` → zh-CN); English otherwise.
 */
export function resolveLocale(discordLocale: string | null | undefined): Locale {
  if (!discordLocale) return 'en-US';
  const exact = LOCALES.find((l) => l.toLowerCase() === discordLocale.toLowerCase());
  if (exact) return exact;
  const alias = ALIASES[discordLocale];
  if (alias) return alias;
  const language = discordLocale.split('-')[0]!.toLowerCase();
  return LOCALES.find((l) => l.split('-')[0]!.toLowerCase() === language) ?? 'en-US';
}

/** The keys whose texts can be given `P` (they read some of its parameters, or none). */
export type KeysTaking<P> = {
  [K in MessageKey]: ParamsOf<K> extends Record<string, never> ? K : P extends ParamsOf<K> ? K : never;
}[MessageKey];

/** What one key's text needs (a text without parameters needs nothing). */
type Needs<K extends MessageKey> = ParamsOf<K> extends Record<string, never> ? unknown : ParamsOf<K>;
/**
 * What `t` needs for key `K`: its parameters; for a key chosen at run time (a union), what every one of
 * them needs (the intersection), so a dynamic key cannot go without a parameter one of its texts reads.
 */
type ParamsFor<K extends MessageKey> = (K extends MessageKey ? (x: Needs<K>) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
/** Optional when the key takes no parameters (or only optional ones), required otherwise. */
type ParamsArg<K extends MessageKey> = object extends ParamsFor<K> ? [params?: ParamsFor<K>] : [params: ParamsFor<K>];

/**
 * The locale whose table renders a text: itself if we have its table, en-US otherwise (a task saved by a newer
 * version may carry a locale this one lacks; its card must still render, in English, rather than throw).
 */
export function tableLocale(locale: string): Locale {
  return Object.hasOwn(TABLES, locale) ? (locale as Locale) : 'en-US';
}

export function t<K extends MessageKey>(locale: Locale, key: K, ...[params]: ParamsArg<K>): string {
  const l = tableLocale(locale);
  return (TABLES[l][key] as (p: unknown) => string)(localizeNumbers(l, params ?? {}));
}

/** A message as data, its parameters checked against its key. */
export const message = <K extends MessageKey>(key: K, params: ParamsOf<K>): Message => ({ key, params }) as Message;

/** Renders a message carried as data. */
export function tMessage(locale: Locale, m: Message): string {
  const l = tableLocale(locale);
  return (TABLES[l][m.key] as (p: unknown) => string)(localizeNumbers(l, m.params));
}
