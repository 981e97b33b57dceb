/**
 * The `name_localizations` / `description_localizations` of every command, option and choice, and the names of the
 * message context menus, per Discord locale: zh-CN from commandTexts.ts, the other languages from slash/<locale>.ts;
 * es-419 reads es-ES. Limit-name choices are labelled with the limit's text from the message tables (`limit.label.*`).
 */
import { COMMAND_TEXTS, type CommandTextKey, MESSAGE_COMMAND_TEXTS, type MessageCommandKey } from './commandTexts.js';
import { deCommands } from './slash/de.js';
import { esESCommands } from './slash/es-ES.js';
import { frCommands } from './slash/fr.js';
import { jaCommands } from './slash/ja.js';
import { koCommands } from './slash/ko.js';
import { ptBRCommands } from './slash/pt-BR.js';
import { ruCommands } from './slash/ru.js';
import type { ChoiceWord, CommandLocale } from './slash/types.js';
import { zhTWCommands } from './slash/zh-TW.js';
import { type Locale, type MessageKey, t } from './index.js';

/** The Discord locales our commands carry texts for, and the table each one reads. */
export const COMMAND_LOCALES = {
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
  ja: 'ja',
  ko: 'ko',
  'es-ES': 'es-ES',
  'es-419': 'es-ES',
  'pt-BR': 'pt-BR',
  fr: 'fr',
  de: 'de',
  ru: 'ru',
} as const satisfies Record<string, Exclude<Locale, 'en-US'>>;
export type CommandLocaleCode = keyof typeof COMMAND_LOCALES;
export type Localizations = Record<CommandLocaleCode, string>;

const ZH_CN_CHOICES: Record<ChoiceWord, string> = {
  add: '添加',
  remove: '移除',
  clear: '清空',
  enable: '启用',
  disable: '停用',
  list: '列表',
  on: '开',
  off: '关',
  day: '今天',
  week: '本周',
  month: '本月',
  all: '全部',
  adaptive: '自适应（跟随你的图片或视频）',
};

/** The en-US names of word choices whose value alone says too little (others show their value). */
const EN_CHOICE_NAMES: Partial<Record<ChoiceWord, string>> = {
  adaptive: 'adaptive (matches your image or video)',
};

/** A word choice's en-US name (its value unless it needs more words). */
export const choiceName = (value: ChoiceWord): string => EN_CHOICE_NAMES[value] ?? value;

const zhCNCommands: CommandLocale = {
  texts: Object.fromEntries(
    Object.entries(COMMAND_TEXTS).map(([k, v]) => [k, [v.zhName, v.zhDescription] as const]),
  ) as CommandLocale['texts'],
  choices: ZH_CN_CHOICES,
  messageCommands: Object.fromEntries(
    Object.entries(MESSAGE_COMMAND_TEXTS).map(([k, v]) => [k, v.zhName]),
  ) as CommandLocale['messageCommands'],
};

const TABLES: Record<Exclude<Locale, 'en-US'>, CommandLocale> = {
  'zh-CN': zhCNCommands,
  'zh-TW': zhTWCommands,
  ja: jaCommands,
  ko: koCommands,
  'es-ES': esESCommands,
  'pt-BR': ptBRCommands,
  fr: frCommands,
  de: deCommands,
  ru: ruCommands,
};

function perLocale(read: (table: CommandLocale, locale: Exclude<Locale, 'en-US'>) => string): Localizations {
  return Object.fromEntries(
    Object.entries(COMMAND_LOCALES).map(([code, locale]) => [code, read(TABLES[locale], locale)]),
  ) as Localizations;
}

/** A command's, sub-command's or option's localized names (with `suffix`, as numbered options have) and descriptions. */
export function commandLocalizations(key: CommandTextKey, suffix = '') {
  return {
    name_localizations: perLocale((table) => `${table.texts[key][0]}${suffix}`),
    description_localizations: perLocale((table) => table.texts[key][1]),
  };
}

/** A word choice's localized names (`add` → 追加, hinzufügen, …). */
export function choiceLocalizations(value: ChoiceWord): Localizations {
  return perLocale((table) => table.choices[value]);
}

/** A message context menu's localized names (Apps → Animate → 生成动画, Animieren, …). */
export function messageCommandLocalizations(key: MessageCommandKey): Localizations {
  return perLocale((table) => table.messageCommands[key]);
}

/** The limits that have a label (`limit.label.<name>`) in the message tables. */
export type LabelledLimit = MessageKey extends infer K ? (K extends `limit.label.${infer L}` ? L : never) : never;

/** A limit-name choice's en-US name: the limit's label. */
export const LIMIT_LABEL_EN = (limit: LabelledLimit): string => t('en-US', `limit.label.${limit}`);

/** A limit-name choice's localized names: the limit's label in each language. */
export function limitChoiceLocalizations(limit: LabelledLimit): Localizations {
  return perLocale((_table, locale) => t(locale, `limit.label.${limit}`));
}
