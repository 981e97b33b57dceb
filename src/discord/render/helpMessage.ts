/**
 * /help as one private message: how to make a video (each mode in one line with an example, the card's
 * buttons), one model family's rules (a select menu switches family; rules derived from the catalog), the
 * member's limits right now, where to look next, and for admins a short admin section. Within Discord's limits.
 */
import { ActionRowBuilder, type APIEmbed, StringSelectMenuBuilder } from 'discord.js';
import { type Locale, t } from '../../i18n/index.js';
import type { Aspect, FamilyRules, Reference } from '../../services/help/familyRules.js';
import { formatMoney } from '../../services/usage/prices.js';
import { HELP_FAMILY_SELECT } from '../customIds.js';
import { truncate } from './text.js';

const COLOR = 0x5865f2;

/** The member's limits right now, as the ledger reads them (null: no limit). */
export interface HelpLimits {
  dailyUsed: number;
  dailyLimit: number | null;
  /** Unix seconds of the daily reset. */
  dailyResetAt?: number;
  running: number;
  runningLimit: number | null;
  /** With prices set: the member's estimated spend this month (micros) and the server's, against its cap. */
  spend?: { currency: string; mine: number; server?: { spent: number; limit: number | null } };
}

export interface HelpView {
  locale: Locale;
  families: readonly FamilyRules[];
  /** The family shown (the first one when unknown). */
  family?: string;
  limits: HelpLimits;
  admin: boolean;
}

const zh = (locale: Locale) => locale === 'zh-CN';

function referenceText(r: Reference, locale: Locale): string {
  switch (r.kind) {
    case 'textOnly':
      return t(locale, 'help.refs.textOnly');
    case 'images':
      return t(locale, r.required ? 'help.refs.imagesRequired' : 'help.refs.images', { max: r.max });
    case 'frames':
      return t(locale, r.bothRequired ? 'help.refs.framesBoth' : 'help.refs.frames');
    case 'videos':
      return t(locale, 'help.refs.videos', { max: r.max, seconds: r.seconds });
    case 'audios':
      return t(locale, 'help.refs.audios', { max: r.max });
    case 'reviewed':
      return t(locale, 'help.refs.reviewed');
    case 'assetOnly':
      return t(locale, 'help.refs.assetOnly');
  }
}

const LABEL = {
  durations: 'help.models.durations',
  resolutions: 'help.models.resolutions',
  ratios: 'help.models.ratios',
  references: 'help.models.references',
  billing: 'help.models.billing',
} as const;

function aspectText(a: Aspect, locale: Locale): string {
  switch (a.kind) {
    case 'durations':
      return t(locale, 'help.models.seconds', { min: a.min, max: a.max, default: a.default });
    case 'resolutions':
      return a.fixed && a.allowed.length === 1
        ? t(locale, 'help.models.fixed', { value: a.allowed[0]! })
        : a.allowed.join(' / ');
    case 'ratios':
      return a.allowed.join(' · ');
    case 'references':
      return a.refs.map((r) => referenceText(r, locale)).join(zh(locale) ? '；' : '; ');
    case 'billing':
      return t(locale, a.billing === 'per_task' ? 'help.models.perTask' : 'help.models.perSecond');
  }
}

function familyEmbed(f: FamilyRules, locale: Locale): APIEmbed {
  const lines = [
    t(locale, 'help.models.line', {
      label: t(locale, 'help.models.ids'),
      value: f.models.map((id) => `\`${id}\``).join(', '),
    }),
    ...f.aspects.map((a) => {
      const kind = 'shared' in a ? a.shared.kind : a.perModel[0]!.aspect.kind;
      const value =
        'shared' in a
          ? aspectText(a.shared, locale)
          : a.perModel.map((p) => `\`${p.model}\` ${aspectText(p.aspect, locale)}`).join(zh(locale) ? '；' : '; ');
      return t(locale, 'help.models.line', { label: t(locale, LABEL[kind]), value });
    }),
  ];
  return {
    title: truncate(t(locale, 'help.models.title', { family: zh(locale) ? f.label.zh : f.label.en }), 256),
    color: COLOR,
    description: truncate(lines.join('\n'), 4096),
  };
}

function limitLines(l: HelpLimits, locale: Locale): string[] {
  const lines = [
    l.dailyLimit === null
      ? t(locale, 'help.limits.dailyNone')
      : t(locale, 'help.limits.daily', {
          left: Math.max(0, l.dailyLimit - l.dailyUsed),
          limit: l.dailyLimit,
          resetAt: l.dailyResetAt ?? '',
        }),
    l.runningLimit === null
      ? t(locale, 'help.limits.runningNone', { used: l.running })
      : t(locale, 'help.limits.running', { used: l.running, limit: l.runningLimit }),
  ];
  if (l.spend) {
    const money = (micros: number) => formatMoney(micros, l.spend!.currency, locale);
    lines.push(t(locale, 'help.limits.spend', { amount: money(l.spend.mine) }));
    const server = l.spend.server;
    if (server)
      lines.push(
        `${t(locale, 'usage.server')}: ${t(locale, 'help.limits.spend', {
          amount: money(server.spent),
          limit: server.limit === null ? '' : money(server.limit),
        })}`,
      );
  }
  return lines;
}

export function helpMessage(v: HelpView) {
  const { locale } = v;
  const family = v.families.find((f) => f.family === v.family) ?? v.families[0]!;
  const howTo: APIEmbed = {
    title: t(locale, 'help.title'),
    color: COLOR,
    fields: [
      {
        name: t(locale, 'help.make.title'),
        value: truncate(
          [
            t(locale, 'help.make.text'),
            t(locale, 'help.make.images'),
            t(locale, 'help.make.frames'),
            t(locale, 'help.make.references'),
            t(locale, 'source.help'),
            t(locale, 'help.make.options'),
          ].join('\n'),
          1024,
        ),
      },
      { name: '\u200b', value: truncate(t(locale, 'help.make.buttons'), 1024) },
    ],
  };
  const yours: APIEmbed = {
    title: t(locale, 'help.limits.title'),
    color: COLOR,
    description: truncate(limitLines(v.limits, locale).join('\n'), 4096),
    fields: [{ name: t(locale, 'help.next.title'), value: truncate(t(locale, 'help.next.body'), 1024) }],
  };
  const admin: APIEmbed[] = v.admin
    ? [
        {
          title: t(locale, 'help.admin.title'),
          color: COLOR,
          description: truncate(t(locale, 'help.admin.body'), 4096),
        },
      ]
    : [];
  const menu = new StringSelectMenuBuilder()
    .setCustomId(HELP_FAMILY_SELECT)
    .setPlaceholder(truncate(t(locale, 'help.models.pick'), 150))
    .addOptions(
      v.families.slice(0, 25).map((f) => ({
        label: truncate(zh(locale) ? f.label.zh : f.label.en, 100),
        description: truncate(f.models.join(', '), 100),
        value: f.family,
        default: f.family === family.family,
      })),
    );
  return {
    embeds: [howTo, familyEmbed(family, locale), yours, ...admin],
    components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu).toJSON()],
  };
}
