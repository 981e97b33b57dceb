import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/catalog/models.js';
import { HELP_FAMILY_SELECT } from '../../src/discord/customIds.js';
import { dmNoticeMessage } from '../../src/discord/render/dmNoticeMessage.js';
import { type HelpLimits, helpMessage } from '../../src/discord/render/helpMessage.js';
import { memberSettingsText } from '../../src/discord/render/memberSettingsText.js';
import { LOCALES } from '../../src/i18n/index.js';
import { familyRules } from '../../src/services/help/familyRules.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';

const FAMILIES = familyRules();
const LIMITS: HelpLimits[] = [
  { dailyUsed: 0, dailyLimit: null, running: 0, runningLimit: null },
  {
    dailyUsed: 3,
    dailyLimit: 10,
    dailyResetAt: 1_800_000_000,
    running: 1,
    runningLimit: 2,
    spend: { currency: 'USD', mine: 12_340_000, server: { spent: 999_999_990_000, limit: 1_000_000_000_000 } },
  },
];

/** Discord counts these characters of every embed of a message against 6,000. */
const embedChars = (e: APIEmbed) =>
  (e.title ?? '').length +
  (e.description ?? '').length +
  (e.footer?.text ?? '').length +
  (e.author?.name ?? '').length +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

const variants = LOCALES.flatMap((locale) =>
  FAMILIES.flatMap((f) =>
    [false, true].flatMap((admin) => LIMITS.map((limits, i) => [locale, f.family, admin, i, limits] as const)),
  ),
);

describe("/help fits Discord's limits in every language, family and role", () => {
  it.each(variants)('%s · %s · admin %s · limits %i', (locale, family, admin, _i, limits) => {
    const m = helpMessage({ locale, families: FAMILIES, family, limits, admin });
    expect(m.embeds.length).toBeLessThanOrEqual(10);
    expect(m.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(6000);
    for (const e of m.embeds) {
      expect((e.title ?? '').length).toBeLessThanOrEqual(256);
      expect((e.description ?? '').length).toBeLessThanOrEqual(4096);
      expect(e.description ?? '').not.toMatch(/…$/); // nothing had to be cut
      expect((e.fields ?? []).length).toBeLessThanOrEqual(25);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeLessThanOrEqual(256);
        expect(f.value.length).toBeLessThanOrEqual(1024);
        expect(f.value).not.toMatch(/…$/);
      }
    }
    const menu = (m.components[0] as unknown as { components: unknown[] }).components[0] as {
      custom_id: string;
      placeholder: string;
      options: Array<{ label: string; description: string; value: string; default: boolean }>;
    };
    expect(menu.custom_id).toBe(HELP_FAMILY_SELECT);
    expect(menu.custom_id.length).toBeLessThanOrEqual(100);
    expect(menu.placeholder.length).toBeLessThanOrEqual(150);
    expect(menu.options.length).toBeLessThanOrEqual(25);
    for (const o of menu.options) {
      expect(o.label.length).toBeLessThanOrEqual(100);
      expect(o.description.length).toBeLessThanOrEqual(100);
    }
    expect(menu.options.filter((o) => o.default).map((o) => o.value)).toEqual([family]);
    expect(m.embeds.length).toBe(admin ? 4 : 3);
  });
});

describe("/help's model rules come from the catalog", () => {
  it('every model is in exactly one family, and each family lists its models', () => {
    expect(FAMILIES.flatMap((f) => f.models).sort()).toEqual(MODELS.map((m) => m.id).sort());
  });
  it.each(MODELS.map((m) => [m.id, m] as const))('%s: its durations, resolutions and ratios are shown', (id, m) => {
    const f = FAMILIES.find((x) => x.models.includes(id))!;
    const text = JSON.stringify(
      helpMessage({ locale: 'en-US', families: FAMILIES, family: f.family, limits: LIMITS[0]!, admin: false })
        .embeds[1],
    );
    expect(text).toContain(`${m.duration.min}–${m.duration.max} s (default ${m.duration.default})`);
    for (const r of m.resolution.allowed) expect(text).toContain(r);
    expect(text).toContain(m.ratios.join(' · '));
  });
});

describe('the DM notice and /settings show fit one message and ping nobody', () => {
  const task = {
    id: 'AbCdEfGh',
    locale: 'en-US',
    state: 'failed',
    guildId: '1',
    channelId: '2',
    messageId: '3',
    userId: '4',
    request: { prompt: `@everyone **bold** <@123> ${'x'.repeat(5000)}` },
    lastError: { stage: 'upstream', reason: 'unknown', detail: `<@&9> ${'y'.repeat(3000)}` },
    createdAt: 0,
    updatedAt: 0,
    finishedAt: 0,
  } as unknown as TaskRecord;
  it.each(LOCALES)('%s', (locale) => {
    const body = dmNoticeMessage({ ...task, locale });
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content!.length).toBeLessThanOrEqual(2000);
    expect(body.content).not.toContain('@everyone');
    expect(body.content).not.toMatch(/<@&?\d/);
    expect(body.content).toContain('https://discord.com/channels/1/2/3');
    const show = memberSettingsText(
      { defaults: { model: 'seedance2.0-sp', ratio: '16:9', resolution: '1080p', duration: 10 }, notifyDm: true },
      locale,
      [],
      'saved',
    );
    expect(show.length).toBeLessThanOrEqual(2000);
  });
});
