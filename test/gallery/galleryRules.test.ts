/** The gallery's pure rules: post titles, forum tags within Discord's 20, the bot's channel permissions, Mondays. */
import { describe, expect, it } from 'vitest';
import { channelPermissions, missingPermissions, PERMISSION } from '../../src/services/gallery/permissions.js';
import { planTags, postTitle } from '../../src/services/gallery/postContent.js';
import { mondayOf } from '../../src/services/gallery/weeklyDigest.js';

describe('a post’s title comes from the prompt, cut on a word boundary', () => {
  it.each([
    ['a kite', 20, 'a kite'],
    ['a red kite over the dunes at dusk', 20, 'a red kite over the…'],
    ['  line one\n\nline   two ', 100, 'line one line two'],
    ['一只风筝在沙丘上空飞翔，夕阳西下，远处有骆驼', 10, '一只风筝在沙丘上空…'],
    ['', 100, '…'],
  ])('%j (max %d) → %j', (prompt, max, title) => {
    expect(postTitle(prompt, max)).toBe(title);
    expect(postTitle(prompt, max).length).toBeLessThanOrEqual(max);
  });
});

describe('forum tags: reuse (any case), create what is missing, never past 20', () => {
  it.each([
    { existing: [], wanted: ['mini', '16:9'], create: ['mini', '16:9'], noRoom: [] },
    { existing: ['MINI'], wanted: ['mini', '16:9'], create: ['16:9'], noRoom: [] },
    {
      existing: Array.from({ length: 19 }, (_, i) => `t${i}`),
      wanted: ['mini', '16:9'],
      create: ['mini'],
      noRoom: ['16:9'],
    },
    { existing: Array.from({ length: 20 }, (_, i) => `t${i}`), wanted: ['mini'], create: [], noRoom: ['mini'] },
  ])('$existing.length existing, wanting $wanted', ({ existing, wanted, create, noRoom }) => {
    expect(planTags(existing, wanted)).toEqual({ create, noRoom });
  });
});

describe('the bot’s permissions in a channel, as Discord computes them', () => {
  const guildId = '1';
  const base = {
    guildId,
    memberId: '9',
    memberRoleIds: ['2'],
    rolePermissions: new Map([
      [guildId, PERMISSION.ViewChannel | PERMISSION.SendMessages | PERMISSION.AttachFiles],
      ['2', PERMISSION.EmbedLinks | PERMISSION.ReadMessageHistory],
    ]),
  };
  it('roles add up; a text gallery then lacks nothing', () => {
    expect(missingPermissions(channelPermissions({ ...base, overwrites: [] }), 'text')).toEqual([]);
  });
  it('a forum also needs threads, tags and sending in posts: each missing one named', () => {
    expect(missingPermissions(channelPermissions({ ...base, overwrites: [] }), 'forum')).toEqual([
      'SendMessagesInThreads',
      'ManageThreads',
      'ManageChannels',
    ]);
  });
  it('@everyone deny, then role allow, then the member’s own deny', () => {
    const overwrites = [
      { id: guildId, type: 0, allow: '0', deny: String(PERMISSION.AttachFiles | PERMISSION.SendMessages) },
      { id: '2', type: 0, allow: String(PERMISSION.SendMessages), deny: '0' },
      { id: '9', type: 1, allow: '0', deny: String(PERMISSION.EmbedLinks) },
    ];
    expect(missingPermissions(channelPermissions({ ...base, overwrites }), 'text')).toEqual([
      'AttachFiles',
      'EmbedLinks',
    ]);
  });
  it('no View Channel: nothing else counts; Administrator or the owner: everything', () => {
    const hidden = [{ id: guildId, type: 0, allow: '0', deny: String(PERMISSION.ViewChannel) }];
    expect(channelPermissions({ ...base, overwrites: hidden })).toBe(0n);
    const admin = new Map([[guildId, PERMISSION.Administrator]]);
    expect(
      missingPermissions(channelPermissions({ ...base, rolePermissions: admin, overwrites: hidden }), 'forum'),
    ).toEqual([]);
    expect(channelPermissions({ ...base, ownerId: '9', overwrites: hidden })).toBe(~0n);
  });
});

describe('the weekly digest is due on Monday in the server’s time zone', () => {
  // 2026-12-06 is a Sunday.
  it.each([
    [Date.UTC(2026, 11, 6, 20), 'UTC', undefined],
    [Date.UTC(2026, 11, 6, 20), 'Asia/Shanghai', '2026-12-07'],
    [Date.UTC(2026, 11, 7, 3), 'America/New_York', undefined],
    [Date.UTC(2026, 11, 7, 12), 'America/New_York', '2026-12-07'],
  ])('%d in %s → %s', (at, zone, monday) => {
    expect(mondayOf(at, zone)).toBe(monday);
  });
});
