/**
 * The gallery's texts (issue 23) in every language fit Discord's limits with the longest inputs: a post (embed,
 * requester line, buttons), the Share button, the top list and the weekly digest (ten long titles), a forum post's
 * name (100), the admin's refusals and purge confirmation (a 100-character term), and the settings line.
 */
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  digestBody,
  digestTitle,
  galleryPostBody,
  shareButtonRow,
  topLines,
} from '../../src/discord/render/galleryPost.js';
import { guildSettingsEmbed } from '../../src/discord/render/guildSettingsEmbed.js';
import { renderChange } from '../../src/discord/render/settingChange.js';
import { enUS } from '../../src/i18n/en-US.js';
import { LOCALES, type MessageKey, t } from '../../src/i18n/index.js';
import type { EffectiveGuildConfig } from '../../src/services/guildConfig/guildConfig.js';
import type { GalleryPost } from '../../src/services/gallery/galleryRecords.js';
import type { GallerySettings } from '../../src/services/gallery/gallerySettings.js';
import { postTitle } from '../../src/services/gallery/postContent.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';
import { NO_LIMITS } from '../support/tempStore.js';

const LONG_PROMPT = '夜の街 A slow dolly shot over a neon city at night, rain on the lens, '.repeat(80).slice(0, 5000);
const SNOWFLAKE = '1100000000000000000';
const PERMISSIONS = (Object.keys(enUS) as MessageKey[]).filter((k) => k.startsWith('gallery.perm.'));

function embedLengths(e: APIEmbed): string[] {
  const out: string[] = [];
  if ((e.title ?? '').length > 256) out.push(`title ${e.title!.length}`);
  if ((e.description ?? '').length > 4096) out.push(`description ${e.description!.length}`);
  for (const f of e.fields ?? []) if (f.value.length > 1024 || f.name.length > 256) out.push(`field ${f.name}`);
  const total =
    (e.title ?? '').length +
    (e.description ?? '').length +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0) +
    (e.footer?.text.length ?? 0);
  if (total > 6000) out.push(`total ${total}`);
  return out;
}

const task = {
  id: 'AbCdEfGhIjKl',
  guildId: SNOWFLAKE,
  channelId: '1100000000000000001',
  messageId: '1100000000000000003',
  userId: '1100000000000000002',
  locale: 'en-US',
  model: 'sd2_mx_1080p',
  request: { model: 'sd2_mx_1080p', prompt: LONG_PROMPT, duration: 15, resolution: '1080p', ratio: '21:9' },
  state: 'done',
} as unknown as TaskRecord;

const post = (n: number): GalleryPost => ({
  taskId: `task${n}`,
  guildId: SNOWFLAKE,
  userId: '1100000000000000002',
  kind: 'forum',
  channelId: '1100000000000000004',
  postId: String(1_100_000_000_000_000_100n + BigInt(n)),
  messageId: String(1_100_000_000_000_000_100n + BigInt(n)),
  prompt: `[${LONG_PROMPT}]`,
  model: 'sd2_mx_1080p',
  postedAt: 0,
});
const TEN = Array.from({ length: 10 }, (_, n) => ({ post: post(n), count: 1_000_000 + n }));
const gallery: GallerySettings = { channelId: '1100000000000000004', kind: 'forum', auto: false, digest: true };

describe.each(LOCALES)('%s: the gallery within Discord limits', (locale) => {
  it('a post: requester line, embed, buttons (with a link to the video)', () => {
    const body = galleryPostBody(task, locale, { link: `https://cdn.example/${'v'.repeat(900)}.mp4` });
    expect(body.content.length).toBeLessThanOrEqual(2000);
    for (const e of body.embeds) expect(embedLengths(e)).toEqual([]);
    for (const b of body.components[0]!.components as Array<{ label?: string }>)
      expect(b.label?.length ?? 0).toBeLessThanOrEqual(80);
    // A forum post's name is at most 100 characters.
    expect(postTitle(task.request.prompt).length).toBeLessThanOrEqual(100);
  });

  it('the Share to gallery and purge buttons fit 80 characters', () => {
    const share = shareButtonRow(task, locale).components[0] as { label?: string };
    expect(share.label!.length).toBeLessThanOrEqual(80);
    expect(t(locale, 'gallery.purge.button').length).toBeLessThanOrEqual(80);
    expect(t(locale, 'gallery.post.use').length).toBeLessThanOrEqual(80);
    expect(t(locale, 'gallery.post.card').length).toBeLessThanOrEqual(80);
  });

  it('/gallery top with ten long titles fits one message uncut, in every period', () => {
    for (const period of ['day', 'week', 'month', 'all'] as const) {
      const title = t(locale, 'gallery.top.title', { period: t(locale, `gallery.period.${period}`) });
      const text = `**${title}**\n${topLines(TEN, locale).join('\n')}`;
      expect(text.length).toBeLessThanOrEqual(2000);
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('the weekly digest: its embed, and its title as a forum post name (100)', () => {
    const body = digestBody(gallery, '2026-11-30', TEN.slice(0, 5), locale);
    for (const e of body.embeds) expect(embedLengths(e as APIEmbed)).toEqual([]);
    expect(digestTitle('2026-11-30', locale).length).toBeLessThanOrEqual(100);
  });

  it("the admin's answers fit one message: every permission missing, a 100-character term", () => {
    const list = PERMISSIONS.map((k) => t(locale, k as 'gallery.perm.ViewChannel')).join(', ');
    const term = '禁'.repeat(100);
    const texts = [
      t(locale, 'gallery.admin.missing', { channel: SNOWFLAKE, list }),
      t(locale, 'gallery.admin.notVisible', { channel: SNOWFLAKE }),
      `${t(locale, 'gallery.admin.set', { channel: SNOWFLAKE, mode: t(locale, 'gallery.admin.button') })}\n${t(locale, 'gallery.admin.digestOn')}\n${t(locale, 'gallery.admin.tagsFull', { count: 20 })}`,
      t(locale, 'gallery.purge.confirm', { count: 1_000_000, term }),
      t(locale, 'gallery.purge.none', { term }),
      t(locale, 'admin.needGallery'),
      renderChange({ setting: 'gallery', channelId: SNOWFLAKE, kind: 'forum', auto: false, digest: true }, locale),
    ];
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(2000);
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('the settings embed with a gallery set, and with its channel deleted', () => {
    const cfg: EffectiveGuildConfig = {
      limits: NO_LIMITS,
      timeZone: 'America/Argentina/ComodRivadavia',
      channels: [],
      enabledModels: ['seedance2.0-mini-sp'],
      defaults: {},
      blocklist: [],
      defaultModel: 'seedance2.0-mini-sp',
    };
    for (const g of [gallery, { ...gallery, off: { reason: 'channel_deleted' as const, at: 0 } }]) {
      const embed = guildSettingsEmbed(cfg, { gallery: g }, locale);
      expect(embedLengths(embed)).toEqual([]);
      expect(JSON.stringify(embed)).toContain(t(locale, 'gallery.show.title'));
    }
  });
});
