/**
 * Every card stage and every refusal, in every language, fits Discord's limits for messages, embeds and
 * components, with the longest inputs a member or the video service can produce (issue 22 §5).
 * Limits: https://discord.com/developers/docs/resources/message#embed-object-embed-limits (title 256,
 * description 4096, field name 256 / value 1024, 25 fields, 6000 in all), message content 2000; button labels
 * 80, select option labels 100, text input labels and modal titles 45 (components reference).
 */
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/catalog/models.js';
import { describeModelChoice } from '../../src/commands/video/modelChoices.js';
import { guildSettingsEmbed } from '../../src/discord/render/guildSettingsEmbed.js';
import { renderProblemList } from '../../src/discord/render/problemList.js';
import { type Refusal, renderRefusal } from '../../src/discord/render/refusal.js';
import { remixModal } from '../../src/discord/render/remixModal.js';
import { taskMessage } from '../../src/discord/render/taskMessage.js';
import { enUS } from '../../src/i18n/en-US.js';
import { LOCALES, type Locale, type MessageKey, message, t } from '../../src/i18n/index.js';
import { bytes, money } from '../../src/i18n/params.js';
import type { EffectiveGuildConfig } from '../../src/services/guildConfig/guildConfig.js';
import type { FailureReason, TaskRecord, TaskState } from '../../src/services/tasks/taskRecord.js';
import type { Problem } from '../../src/services/validation/types.js';
import { NO_LIMITS } from '../support/tempStore.js';
import { ALL_REASONS, ALL_STATES } from '../support/taskValues.js';

const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  embedTotal: 6000,
  button: 80,
  selectOption: 100,
  modalLabel: 45,
};

function embedProblems(e: APIEmbed): string[] {
  const out: string[] = [];
  if ((e.title ?? '').length > LIMITS.title) out.push(`title ${e.title!.length}`);
  if ((e.description ?? '').length > LIMITS.description) out.push(`description ${e.description!.length}`);
  const fields = e.fields ?? [];
  if (fields.length > LIMITS.fields) out.push(`${fields.length} fields`);
  for (const f of fields) {
    if (!f.name || f.name.length > LIMITS.fieldName) out.push(`field name ${f.name.length}`);
    if (!f.value || f.value.length > LIMITS.fieldValue) out.push(`field ${f.name}: ${f.value.length}`);
  }
  const total =
    (e.title ?? '').length +
    (e.description ?? '').length +
    fields.reduce((n, f) => n + f.name.length + f.value.length, 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0);
  if (total > LIMITS.embedTotal) out.push(`total ${total}`);
  return out;
}

// The longest inputs: a prompt at the option's maximum, upstream details and file names at their caps.
const LONG_PROMPT = 'A slow dolly shot over a neon city at night, rain on the lens, '.repeat(80).slice(0, 5000);
const LONG_DETAIL = 'upstream said: '.padEnd(2000, 'x');
const REASONS: readonly FailureReason[] = ALL_REASONS;
const STATES: readonly TaskState[] = ALL_STATES;

const task = (state: TaskState, extra: Partial<TaskRecord> = {}): TaskRecord => ({
  id: 'AbCdEfGhIjKl',
  guildId: '1100000000000000000',
  channelId: '1100000000000000001',
  userId: '1100000000000000002',
  locale: 'en-US',
  interaction: { applicationId: 'app', token: 'tok', createdAt: 0 },
  model: 'sd2_mx_1080p',
  request: {
    model: 'sd2_mx_1080p',
    prompt: LONG_PROMPT,
    duration: 15,
    resolution: '1080p',
    ratio: '21:9',
    images: Array.from({ length: 9 }, (_, i) => `https://cdn.example/${i}.png`),
    reference_audios: ['https://cdn.example/a.mp3', 'https://cdn.example/b.mp3', 'https://cdn.example/c.mp3'],
  } as unknown as TaskRecord['request'],
  cost: { billing: 'per_second', units: 15, seconds: 15, billedAs: 'seedance2.0-mx-1080p' },
  reservation: {
    docs: [],
    day: '2026-11-30',
    month: '2026-11',
    amount: { tasks: 1, seconds: 15, spend: 123_456_789 },
    at: 0,
    currency: 'EUR',
  } as unknown as TaskRecord['reservation'],
  state,
  attempts: 3,
  createdAt: 0,
  updatedAt: 3_599_000,
  submittedAt: 1000,
  finishedAt: 3_599_000,
  parentId: 'ZyXwVuTsRqPo',
  parentKind: 'extend',
  parentUrl: `https://discord.com/channels/1100000000000000000/1100000000000000001/${'9'.repeat(19)}`,
  usage: 'reserved',
  ...extra,
});

/** Every stage a card shows, with the variants that make it longer. */
function cards(locale: Locale) {
  const out: Array<[string, ReturnType<typeof taskMessage>]> = [];
  const place = { position: 250, startsAt: 1_796_083_200_000 } as never;
  for (const state of STATES) out.push([state, taskMessage(task(state), locale, 3_599_000, undefined, place)]);
  out.push(['running 73%', taskMessage(task('running', { progress: 73 }), locale, 60_000)]);
  out.push(['preparing', taskMessage(task('delivering'), locale, 60_000, undefined, undefined, { preparing: true })]);
  for (const reason of REASONS)
    out.push([
      `failed ${reason}`,
      taskMessage(
        task('failed', {
          lastError: { stage: 'upstream', reason, detail: LONG_DETAIL, file: 'f'.repeat(400) } as never,
        }),
        locale,
        0,
      ),
    ]);
  for (const parentKind of ['reroll', 'retry', 'remix', 'extend'] as const)
    out.push([`from ${parentKind}`, taskMessage(task('done', { parentKind }), locale, 0)]);
  // Delivered as a link: the note says why; a URL too long for a button goes in the note or the description.
  const fitted = t(locale, 'delivery.fitted', { limit: bytes(500 * 1024 * 1024), expiresAt: 1_796_083_200 });
  const link = t(locale, 'delivery.link', {
    reason: t(locale, 'delivery.reason.cannotFit', { limit: bytes(500 * 1024 * 1024) }),
  });
  for (const [name, note] of [
    ['fitted', fitted],
    ['link', link],
  ] as const) {
    out.push([`done ${name}`, taskMessage(task('done'), locale, 0, { url: 'https://v.example/a.mp4', note })]);
    out.push([
      `done ${name} long url`,
      taskMessage(task('done'), locale, 0, { url: `https://v.example/${'a'.repeat(2000)}.mp4`, note }),
    ]);
  }
  return out;
}

/** Every refusal a request can get: each limit (with large numbers), the channel and role policy, a blocked term. */
function refusals(): Array<[string, Refusal]> {
  const big = { used: 123_456, limit: 999_999, needed: 99_999, resetAt: 1_796_083_200, seconds: 86_400 };
  const cash = { used: money(99_999.99, 'EUR'), limit: money(100_000, 'EUR'), needed: money(9_999.99, 'EUR') };
  const keys = (Object.keys(enUS) as MessageKey[]).filter(
    (k) => k.startsWith('limit.') && !k.startsWith('limit.label.') && k !== 'limit.blocked',
  );
  const out: Array<[string, Refusal]> = keys.map((key) => [
    key,
    { kind: 'refused', key, params: key === 'limit.guild_monthly_spend' ? { ...big, ...cash } : big } as Refusal,
  ]);
  const channels = Array.from({ length: 500 }, (_, i) => String(1_100_000_000_000_000_000n + BigInt(i)));
  out.push(['policy.channel', { kind: 'policy', refusal: { kind: 'channel', channels } }]);
  out.push(['policy.role', { kind: 'policy', refusal: { kind: 'role', roleId: '1100000000000000009' } }]);
  out.push(['limit.blocked', { kind: 'blocked', term: '禁'.repeat(100) }]);
  return out;
}

describe.each(LOCALES)('%s: within Discord limits', (locale) => {
  it.each(cards(locale))('card %s', (_name, card) => {
    expect(card.content.length).toBeLessThanOrEqual(LIMITS.content);
    for (const e of card.embeds) expect(embedProblems(e)).toEqual([]);
    for (const row of card.components)
      for (const b of row.components as Array<{ label?: string }>)
        expect(b.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.button);
  });

  it.each(refusals())('refusal %s', (_name, r) => {
    const text = renderRefusal(r, locale);
    expect(text.length).toBeLessThanOrEqual(LIMITS.content);
    expect(text).not.toMatch(/undefined|NaN|\[object/);
  });

  it('a list of every validation problem fits one message; one problem is never cut', () => {
    const problemKeys = (Object.keys(enUS) as MessageKey[]).filter((k) =>
      /^(model|prompt|duration|resolution|ratio|orientation|images|frames|videos|audios|media|field)\./.test(k),
    );
    const params = new Proxy({} as Record<string, string>, { get: () => 'x'.repeat(100) });
    const problems = problemKeys.map(
      (key) => ({ field: 'prompt', ...message(key as never, params as never) }) as unknown as Problem,
    );
    expect(renderProblemList(problems, locale).length).toBeLessThanOrEqual(LIMITS.content);
    for (const p of problems) expect(renderProblemList([p], locale)).not.toMatch(/…$/);
  });

  it('modal titles and text input labels fit 45 characters without being cut', () => {
    for (const key of [
      'modal.remix.title',
      'modal.extend.title',
      'modal.field.prompt',
      'modal.field.extendPrompt',
    ] as const)
      expect(t(locale, key).length, key).toBeLessThanOrEqual(LIMITS.modalLabel);
    expect(t(locale, 'modal.field.duration', { min: 4, max: 15 }).length).toBeLessThanOrEqual(LIMITS.modalLabel);
    expect(t(locale, 'modal.field.ratio').length).toBeLessThanOrEqual(LIMITS.modalLabel);
    // The modal as built (discord.js validates the lengths it is given).
    expect(() => remixModal(task('done'), locale, 'remix').toJSON()).not.toThrow();
    expect(() => remixModal(task('done'), locale, 'extend').toJSON()).not.toThrow();
  });

  it('every button label fits 80 characters; model choices fit 100', () => {
    for (const key of (Object.keys(enUS) as MessageKey[]).filter((k) => /^button\.[a-z]+$/.test(k) && k.length < 20))
      expect(t(locale, key as 'button.retry').length, key).toBeLessThanOrEqual(LIMITS.button);
    for (const m of MODELS) {
      const name = describeModelChoice(m, locale);
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(LIMITS.selectOption);
    }
  });

  it('the settings embed with 300 channels and 500 blocked terms', () => {
    const channels = Array.from({ length: 300 }, (_, i) => String(1_100_000_000_000_000_000n + BigInt(i)));
    const cfg: EffectiveGuildConfig = {
      limits: NO_LIMITS,
      timeZone: 'America/Argentina/ComodRivadavia',
      channels,
      enabledModels: MODELS.slice(0, 3).map((m) => m.id),
      defaults: { model: 'seedance2.0-mini-sp', ratio: '16:9', resolution: '1080p', duration: 15 },
      blocklist: Array.from({ length: 500 }, (_, i) => `term ${i}`),
      defaultModel: 'seedance2.0-mini-sp',
    };
    expect(embedProblems(guildSettingsEmbed(cfg, { channels }, locale))).toEqual([]);
  });
});
