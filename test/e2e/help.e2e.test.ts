import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComponentType } from 'discord-api-types/v10';
import { HELP_FAMILY_SELECT } from '../../src/discord/customIds.js';
import { type Harness, startHarness } from '../harness.js';
import { MANAGE_GUILD } from '../fakes/discord/index.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ env: { LIMIT_MEMBER_DAILY_TASKS: '5', LIMIT_MEMBER_RUNNING: '2' } });
});
afterEach(async () => {
  await h.close();
});

const MEMBER = { id: '200000000000000001', username: 'alice' };
type Embed = { title?: string; description?: string; fields?: Array<{ name: string; value: string }> };
type HelpData = {
  flags?: number;
  embeds: Embed[];
  components: Array<{ components: Array<{ custom_id: string; options: Array<{ value: string; default?: boolean }> }> }>;
  allowed_mentions?: unknown;
};

async function help(locale = 'en-US', permissions?: bigint) {
  const ix = h.discord.dispatchCommand({
    name: 'help',
    user: MEMBER,
    locale,
    ...(permissions ? { permissions } : {}),
  });
  const cb = await h.discord.waitForCallback(ix.id);
  expect(cb.type).toBe(4);
  const data = cb.data as HelpData;
  expect((data.flags ?? 0) & 64).toBe(64); // private
  expect(data.allowed_mentions).toEqual({ parse: [] });
  return { ix, data };
}

/** Picks a family in the menu of the /help message and returns the redrawn message. */
async function pick(ix: { id: string }, family: string, locale = 'en-US') {
  const message = h.discord.originalMessage(ix.id)!;
  const click = h.discord.dispatchComponent({
    customId: HELP_FAMILY_SELECT,
    componentType: ComponentType.StringSelect,
    values: [family],
    message: { id: message.id, channelId: message.channelId },
    user: MEMBER,
    locale,
  });
  const cb = await h.discord.waitForCallback(click.id);
  expect(cb.type).toBe(7); // the same private message, updated
  return cb.data as HelpData;
}

describe('/help: one private message in the member’s language', () => {
  it('en-US: the modes with examples, one family’s rules, the member’s limits, where to look next', async () => {
    const { ix, data } = await help();
    expect(data.embeds.map((e) => e.title)).toEqual([
      'How to make videos',
      'Models: Manxue full',
      'Your limits right now',
    ]);
    const howTo = JSON.stringify(data.embeds[0]);
    for (const mode of ['/video text', '/video images', '/video frames', '/video references', 'Re-roll'])
      expect(howTo).toContain(mode);
    expect(data.embeds[2]!.description).toContain('Videos left today: **5** of 5');
    expect(data.embeds[2]!.description).toContain('Rendering now: **0** of 2 at once');
    expect(JSON.stringify(data.embeds[2]!.fields)).toContain('/usage me');
    expect(data.components[0]!.components[0]!.custom_id).toBe(HELP_FAMILY_SELECT);

    const md = await pick(ix, 'md');
    expect(md.embeds[1]!.title).toBe('Models: MD');
    expect(md.embeds[1]!.description).toContain('1–15 s (default 5)');
    expect(md.embeds[1]!.description).toContain('16:9 · 9:16 · 1:1');
    expect(md.components[0]!.components[0]!.options.find((o) => o.default)?.value).toBe('md');
    const std = await pick(ix, 'std');
    expect(std.embeds[1]!.title).toBe('Models: Standard');
  });

  it('zh-CN: the same message in Chinese, and the menu switches family', async () => {
    const { ix, data } = await help('zh-CN');
    expect(data.embeds[0]!.title).toBe('如何生成视频');
    expect(data.embeds[2]!.description).toContain('今日剩余视频：**5** / 5');
    const sp = await pick(ix, 'sp-economy', 'zh-CN');
    expect(sp.embeds[1]!.title).toBe('模型：SP 经济版');
    expect(sp.embeds[1]!.description).toContain('4–15 秒（默认 5）');
  });

  it('admins (Manage Server) also see the admin section; members do not', async () => {
    const member = await help();
    expect(JSON.stringify(member.data)).not.toContain('/video-admin');
    const admin = await help('en-US', MANAGE_GUILD);
    expect(admin.data.embeds.map((e) => e.title)).toContain('For admins (Manage Server)');
    expect(JSON.stringify(admin.data.embeds.at(-1))).toContain('/video-admin show');
  });

  it('the family menu still works after a restart', async () => {
    const { ix } = await help();
    await h.restart();
    const mini = await pick(ix, 'mini');
    expect(mini.embeds[1]!.title).toBe('Models: Mini');
  });
});
