/**
 * The words a member reads on a task card (issue 25 §3), in en-US and zh-CN (and every table where a rule is
 * about all of them): a content refusal, the video service's own queue, the start estimate, the usage line,
 * the elapsed time, the fitted-upload note, the uncertain outcome, and one name for the video service.
 */
import { describe, expect, it } from 'vitest';
import { formatElapsed, taskEmbed, taskMessage } from '../../src/discord/render/taskMessage.js';
import { enUS } from '../../src/i18n/en-US.js';
import { type Locale, LOCALES, t } from '../../src/i18n/index.js';
import { bytes } from '../../src/i18n/params.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';

const BOTH: Locale[] = ['en-US', 'zh-CN'];

const task = (over: Partial<TaskRecord> = {}): TaskRecord =>
  ({
    id: 'AbCdEfGhIjKl',
    guildId: '1100000000000000000',
    channelId: '1100000000000000001',
    userId: '1100000000000000002',
    locale: 'en-US',
    interaction: { applicationId: 'app', token: 'tok', createdAt: 0 },
    model: 'seedance2.0-mini-sp',
    request: { model: 'seedance2.0-mini-sp', prompt: 'a fox in the snow', duration: 5, resolution: '720p' },
    cost: { billing: 'per_task', units: 1, seconds: 5, billedAs: 'seedance2.0-mini-sp-720p' },
    state: 'running',
    attempts: 1,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  }) as unknown as TaskRecord;

const moderated = (over: Partial<TaskRecord> = {}) =>
  task({
    state: 'failed',
    lastError: { stage: 'upstream', reason: 'moderation', detail: 'PROVIDER_MODERATION_ERROR: TRADEMARK' },
    finishedAt: 60_000,
    toldAt: 60_000,
    ...over,
  } as Partial<TaskRecord>);

const customIds = (card: ReturnType<typeof taskMessage>) =>
  card.components.flatMap((row) => row.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
const text = (card: ReturnType<typeof taskMessage>) => JSON.stringify(card.embeds);
const field = (embed: ReturnType<typeof taskEmbed>, name: string) => embed.fields?.find((f) => f.name === name)?.value;

/** `<t:…:R>` as a Discord client in `locale` shows it (Intl's relative time: "in 3 minutes", "3分钟后"). */
const asShown = (s: string, locale: Locale, minutes = 3) =>
  s.replace(/<t:\d+:R>/g, new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(minutes, 'minute'));

describe('a card refused for its content: no Retry, Remix stays, a plain sentence', () => {
  it.each(BOTH)('%s', (locale) => {
    const card = taskMessage(moderated(), locale, 60_000);
    expect(customIds(card)).not.toContain('v1:retry:AbCdEfGhIjKl');
    expect(customIds(card)).toContain('v1:remix:AbCdEfGhIjKl');
    expect(customIds(card)).toContain('v1:delete:AbCdEfGhIjKl');
    expect(text(card)).not.toMatch(/PROVIDER|MODERATION|TRADEMARK/);
    expect(text(card)).toContain(t(locale, 'failure.moderation'));
  });

  it('a record of the first schema (failure kind only) has no Retry either', () => {
    const legacy = moderated({ lastError: { stage: 'upstream', message: 'x', failureKind: 'moderation' } } as never);
    expect(customIds(taskMessage(legacy, 'en-US', 60_000))).not.toContain('v1:retry:AbCdEfGhIjKl');
  });

  it.each(BOTH)('%s: other failures still offer Retry', (locale) => {
    const transient = moderated({ lastError: { stage: 'upstream', reason: 'transient', detail: 'busy' } } as never);
    expect(customIds(taskMessage(transient, locale, 60_000))).toContain('v1:retry:AbCdEfGhIjKl');
  });

  it('no table quotes the vendor’s words in the moderation sentence', () => {
    for (const locale of LOCALES) expect(t(locale, 'failure.moderation')).not.toMatch(/PROVIDER|\(\s*\)|（\s*）/);
  });
});

describe('sent but not started by the video service: said as such, unlike the bot’s own queue', () => {
  const notStarted = task({ upstreamStatus: 'queued' } as Partial<TaskRecord>);
  const waiting = task({ state: 'queued' });

  it('en-US', () => {
    const status = taskEmbed(notStarted, 'en-US', 0).description!;
    expect(status).toContain('the video service has not started it yet');
    expect(status).not.toMatch(/upstream|Queued/);
    expect(taskEmbed(waiting, 'en-US', 0, { position: 2 }).description).toContain('Queued — position 2');
  });

  it('zh-CN', () => {
    const status = taskEmbed(notStarted, 'zh-CN', 0).description!;
    expect(status).toContain('视频服务尚未开始');
    expect(status).not.toMatch(/上游|排队/);
    expect(taskEmbed(waiting, 'zh-CN', 0, { position: 2 }).description).toContain('排队中 — 第 2 位');
  });

  it('every table: the two texts differ and name no "upstream"', () => {
    for (const locale of LOCALES) {
      expect(t(locale, 'status.queued')).not.toBe(t(locale, 'status.waiting', { position: 1 }));
      expect(t(locale, 'status.queued')).not.toMatch(/upstream|上游/i);
    }
  });
});

describe('the start estimate reads right once Discord renders the relative time', () => {
  const at = { position: 3, startsAt: 1_800_000_000_000 };
  it('en-US: "expected to start in 3 minutes"', () => {
    const status = taskEmbed(task({ state: 'queued' }), 'en-US', 0, at).description!;
    expect(status).toMatch(/· expected to start <t:1800000000:R>/);
    expect(asShown(status, 'en-US')).toContain('Queued — position 3 · expected to start in 3 minutes');
    expect(status).not.toContain('about');
  });
  it('zh-CN: "预计3分钟后开始"', () => {
    const status = taskEmbed(task({ state: 'queued' }), 'zh-CN', 0, at).description!;
    expect(asShown(status, 'zh-CN').replace(/\s/g, '')).toContain('预计3分钟后开始');
  });
  it('every table: the timestamp is not preceded by "about"/"in"/"dans"… that Discord already writes', () => {
    for (const locale of LOCALES) {
      const line = t(locale, 'status.waiting', { position: 1, startsAt: 1_800_000_000 });
      expect(line).not.toMatch(/\b(about|in|at|dans|em|en|um|через|in etwa)\s*<t:/i);
    }
  });
});

describe('the usage line says what is counted, not the billing id', () => {
  it.each(BOTH)('%s: per task', (locale) => {
    const embed = taskEmbed(task(), locale, 0);
    const usage = field(embed, t(locale, 'task.field.cost'))!;
    expect(usage).not.toContain('seedance2.0-mini-sp-720p');
    expect(usage).toBe(locale === 'en-US' ? '1 video, billed per video' : '1 个视频，按个计费');
  });
  it.each(BOTH)('%s: per second', (locale) => {
    const perSecond = task({ cost: { billing: 'per_second', units: 10, seconds: 10, billedAs: 'sd2-mx-1080p' } });
    const usage = field(taskEmbed(perSecond, locale, 0), t(locale, 'task.field.cost'))!;
    expect(usage).not.toContain('sd2-mx-1080p');
    expect(usage).toBe(locale === 'en-US' ? '10 s of video, billed per second' : '10 秒视频，按秒计费');
  });
});

describe('elapsed time in each locale’s words', () => {
  it.each([
    ['en-US', '42s', '1m 00s', '12m 05s'],
    ['zh-CN', '42秒', '1分00秒', '12分05秒'],
    ['zh-TW', '42秒', '1分00秒', '12分05秒'],
    ['ja', '42秒', '1分00秒', '12分05秒'],
    ['ko', '42초', '1분 00초', '12분 05초'],
    ['fr', '42 s', '1 min 00 s', '12 min 05 s'],
    ['ru', '42 с', '1 мин 00 с', '12 мин 05 с'],
  ] as const)('%s', (locale, short, minute, longer) => {
    expect(formatElapsed(42_000, locale)).toBe(short);
    expect(formatElapsed(60_000, locale)).toBe(minute);
    expect(formatElapsed(725_000, locale)).toBe(longer);
  });

  it('zh-CN card: 耗时 1分00秒, no Latin units', () => {
    const value = field(taskEmbed(task(), 'zh-CN', 60_000), '耗时');
    expect(value).toBe('1分00秒');
  });
});

describe('the fitted-upload note gives the expiry once', () => {
  it.each(LOCALES)('%s', (locale) => {
    const note = t(locale, 'delivery.fitted', { limit: bytes(10 * 1024 * 1024), expiresAt: 1_800_000_000 });
    expect(note.match(/<t:/g)).toHaveLength(1);
    expect(note).toContain('<t:1800000000:f>');
  });
});

describe('the uncertain outcome says what Retry does', () => {
  const uncertain = task({
    state: 'uncertain',
    lastError: { stage: 'restart', reason: 'restart_submitting' },
    finishedAt: 1000,
  } as Partial<TaskRecord>);
  it('en-US', () => {
    const card = taskMessage(uncertain, 'en-US', 1000);
    expect(text(card)).toContain('Retry sends it as a new request');
    expect(text(card)).not.toContain('will not be sent twice');
    expect(customIds(card)).toContain('v1:retry:AbCdEfGhIjKl');
  });
  it('zh-CN', () => {
    const card = taskMessage(uncertain, 'zh-CN', 1000);
    expect(text(card)).toContain('作为新请求重新提交');
    expect(text(card)).not.toContain('为避免重复提交');
  });
});

describe('one name for the video service in every table', () => {
  // Every parameter reads as "X", so only the tables' own words are checked.
  const params = new Proxy({}, { get: () => 'X' });
  it.each(LOCALES)('%s: no Seedance, upstream or vendor', (locale) => {
    const render = t as (l: Locale, key: string, p: unknown) => string;
    const found = Object.keys(enUS)
      .map((key) => [key, render(locale, key, params)] as const)
      .filter(([, s]) => /seedance|upstream|vendor|上游|供应商|供應商/i.test(s));
    expect(found).toEqual([]);
  });
});
