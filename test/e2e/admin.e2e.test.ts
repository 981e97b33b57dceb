import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../harness.js';
import type { CommandOption } from '../fakes/discord/index.js';
import { videoAdminCommand } from '../../src/commands/videoAdmin.js';
import { keys } from '../../src/db/keys.js';

const MANAGE_GUILD = 1n << 5n;
const ADMIN = { id: '900000000000000001', username: 'admin' };
const MEMBER = { id: '900000000000000002', username: 'member' };
let h: Harness;

beforeEach(async () => {
  h = await startHarness({ seedance: { defaultScript: { kind: 'stuck' } } });
});
afterEach(async () => {
  await h.close();
});

async function admin(
  subcommand: string,
  options: CommandOption[],
  as: { permissions?: bigint; user?: { id: string }; locale?: string } = {},
) {
  const ix = h.discord.dispatchCommand({
    name: 'video-admin',
    subcommand,
    options,
    user: as.user ?? ADMIN,
    permissions: as.permissions ?? MANAGE_GUILD,
    locale: as.locale,
  });
  const cb = await h.discord.waitForCallback(ix.id);
  expect((cb.data?.flags as number) & 64).toBe(64);
  return cb.data as { content?: string; embeds?: Array<{ fields: Array<{ value: string }> }> };
}

async function video(
  options: CommandOption[],
  extra: { channelId?: string; roles?: string[]; user?: { id: string } } = {},
) {
  const ix = h.discord.dispatchCommand({
    name: 'video',
    subcommand: 'text',
    user: extra.user ?? MEMBER,
    options,
    ...extra,
  });
  return (await h.discord.waitForCallback(ix.id)).data as { content?: string; flags?: number };
}

const guildId = () => h.discord.guilds[0]!.id;

describe('only Manage Server can change settings', () => {
  it('a member without it is refused at run time, even if the command was made visible to them', async () => {
    const res = await admin(
      'limit',
      [
        { name: 'name', value: 'guild_daily_tasks' },
        { name: 'value', value: '1' },
      ],
      { permissions: 0n, user: MEMBER },
    );
    expect(res.content).toMatch(/Only members with Manage Server/);
    expect((await h.app.ledger.limitsFor(guildId())).guild_daily_tasks).toBeNull();
  });
  it('the command asks Discord to show it to Manage Server only, in servers only', () => {
    expect(videoAdminCommand.definition.default_member_permissions).toBe(String(MANAGE_GUILD));
    expect(videoAdminCommand.definition.contexts).toEqual([0]);
  });
});

describe('limits set in Discord apply at once and survive a restart', () => {
  it('a server daily cap of 1 refuses the second video with the figures and reset time', async () => {
    const saved = await admin('limit', [
      { name: 'name', value: 'guild_daily_tasks' },
      { name: 'value', value: '1' },
    ]);
    expect(saved.content).toContain('Server videos per day = 1');
    expect(JSON.stringify(saved.embeds)).toContain('Server videos per day: **1**');
    expect((await video([{ name: 'prompt', value: 'one' }])).flags ?? 0).toBe(0);
    const refused = await video([{ name: 'prompt', value: 'two' }], { user: { id: '900000000000000003' } });
    expect(refused.content).toMatch(/this server has used 1 of its 1 videos today; resets <t:\d+:R>/);
    await h.restart();
    expect((await h.app.ledger.limitsFor(guildId())).guild_daily_tasks).toBe(1);
    const shown = await admin('show', []);
    expect(JSON.stringify(shown.embeds)).toContain('Server videos per day: **1**');
  });
  it('"none" is an explicit no-limit, "default" goes back to the bot default, garbage is refused', async () => {
    await admin('limit', [
      { name: 'name', value: 'member_daily_tasks' },
      { name: 'value', value: 'none' },
    ]);
    expect((await h.app.ledger.limitsFor(guildId())).member_daily_tasks).toBeNull();
    await admin('limit', [
      { name: 'name', value: 'member_daily_tasks' },
      { name: 'value', value: 'default' },
    ]);
    expect((await h.app.ledger.limitsFor(guildId())).member_daily_tasks).toBe(h.config.limits.member_daily_tasks);
    expect(
      (
        await admin('limit', [
          { name: 'name', value: 'member_daily_tasks' },
          { name: 'value', value: 'lots' },
        ])
      ).content,
    ).toMatch(/is not a limit/);
  });
});

describe('where, who and which models', () => {
  it('generation only in listed channels', async () => {
    const allowed = h.discord.guilds[0]!.channelId;
    await admin('channel', [
      { name: 'action', value: 'add' },
      { name: 'channel', value: allowed, type: ApplicationCommandOptionType.Channel },
    ]);
    const elsewhere = await video([{ name: 'prompt', value: 'x' }], { channelId: '910000000000000001' });
    expect(elsewhere.content).toContain(`videos can be made only in <#${allowed}>`);
    expect(h.seedance.createCount()).toBe(0);
    expect((await video([{ name: 'prompt', value: 'x' }])).flags ?? 0).toBe(0);
    await admin('channel', [{ name: 'action', value: 'clear' }]);
    expect(
      (
        await video([{ name: 'prompt', value: 'y' }], {
          channelId: '910000000000000001',
          user: { id: '900000000000000004' },
        })
      ).flags ?? 0,
    ).toBe(0);
  });
  it('generation only for a role', async () => {
    const role = '920000000000000001';
    await admin('role', [{ name: 'role', value: role, type: ApplicationCommandOptionType.Role }]);
    expect((await video([{ name: 'prompt', value: 'x' }])).content).toContain(`only members with <@&${role}>`);
    expect((await video([{ name: 'prompt', value: 'x' }], { roles: [role] })).flags ?? 0).toBe(0);
  });
  it('a disabled model is refused as such; defaults fill what members leave out', async () => {
    await admin('model', [
      { name: 'action', value: 'disable' },
      { name: 'model', value: 'seedance2.0-sp' },
    ]);
    const refused = await video([
      { name: 'prompt', value: 'x' },
      { name: 'model', value: 'seedance2.0-sp' },
    ]);
    expect(refused.content).toMatch(/switched off on this server/);
    await admin('defaults', [
      { name: 'model', value: 'seedance2.0-md' },
      { name: 'ratio', value: '9:16' },
      { name: 'duration', value: 3 },
    ]);
    await video([{ name: 'prompt', value: 'defaults please' }]);
    await eventually(() => h.seedance.createCount() === 1, 3000, 'a create');
    expect(h.seedance.requests.find((r) => r.method === 'POST')!.body).toEqual({
      model: 'seedance2.0-md',
      prompt: 'defaults please',
      duration: 3,
      ratio: '9:16',
    });
  });
  it('an unknown time zone is refused; a valid one is saved', async () => {
    expect((await admin('timezone', [{ name: 'zone', value: 'Mars/Olympus' }])).content).toMatch(/is not a time zone/);
    expect((await admin('timezone', [{ name: 'zone', value: 'Asia/Shanghai' }])).content).toContain(
      'time zone = Asia/Shanghai',
    );
  });
  it('every change is logged with who made it', async () => {
    await admin('limit', [
      { name: 'name', value: 'cooldown_seconds' },
      { name: 'value', value: '30' },
    ]);
    const line = h.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'guild settings changed');
    expect(line).toMatchObject({ guildId: guildId(), by: ADMIN.id, change: 'cooldown_seconds = 30' });
  });
});

describe('/usage', () => {
  it("shows a member their usage and the server's against each limit", async () => {
    await admin('limit', [
      { name: 'name', value: 'member_daily_tasks' },
      { name: 'value', value: '5' },
    ]);
    await video([{ name: 'prompt', value: 'x' }]);
    const ix = h.discord.dispatchCommand({ name: 'usage', subcommand: 'me', user: MEMBER });
    const cb = await h.discord.waitForCallback(ix.id);
    expect(String(cb.data?.content)).toMatch(/Member videos per day: \*\*1\*\* \/ 5 · resets <t:\d+:R>/);
    expect(String(cb.data?.content)).toMatch(/Server videos per day: \*\*1\*\*/);
  });
  it('gives admins the per-member month as a CSV, and refuses others', async () => {
    await video([{ name: 'prompt', value: 'a' }]);
    await video([{ name: 'prompt', value: 'b' }], { user: { id: '900000000000000005' } });
    const denied = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommandGroup: 'usage',
      subcommand: 'members',
      user: MEMBER,
    });
    expect(String((await h.discord.waitForCallback(denied.id)).data?.content)).toMatch(
      /Only members with Manage Server/,
    );
    const ix = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommandGroup: 'usage',
      subcommand: 'members',
      user: ADMIN,
      permissions: MANAGE_GUILD,
      options: [{ name: 'csv', value: true }],
    });
    // Heavy work: acknowledged first (deferred, private), then the answer is edited in.
    const cb = await h.discord.waitForCallback(ix.id);
    expect(cb.type).toBe(5);
    expect(cb.data?.flags).toBe(64);
    const edit = await eventually(
      () =>
        h.discord.requests.find(
          (r) =>
            r.method === 'PATCH' &&
            r.path.includes(`/webhooks/`) &&
            r.path.endsWith('/messages/@original') &&
            r.files.length > 0,
        ),
      5000,
      'the deferred answer',
    );
    expect(String((edit.body as { content?: string }).content)).toContain(`<@${MEMBER.id}>: 1 videos`);
    const csv = edit.files[0]!.data.toString();
    expect(csv.split('\n')[0]).toBe('user_id,videos,seconds,per_task_units,per_second_units,content_refusals');
    expect(csv).toContain(`${MEMBER.id},1,5,1,0,0`);
    expect(csv).toContain('900000000000000005,1,5,1,0,0');
  });

  it('counts the requests the video service refused for their content, per member, for admins to see', async () => {
    const mod = { id: '900000000000000007' };
    await video([{ name: 'prompt', value: '[fail:moderation] one' }], { user: mod });
    await video([{ name: 'prompt', value: '[fail:moderation] two' }], { user: mod });
    await eventually(
      async () => (await h.app.tasks.listRecentByUser(mod.id)).every((t) => t.state === 'failed' && t.toldAt),
      8000,
      'both refused upstream',
    );
    const ix = h.discord.dispatchCommand({
      name: 'video-admin',
      subcommandGroup: 'usage',
      subcommand: 'members',
      user: ADMIN,
      permissions: MANAGE_GUILD,
      options: [{ name: 'csv', value: true }],
    });
    await h.discord.waitForCallback(ix.id);
    const edit = await eventually(
      () =>
        h.discord.requests.find(
          (r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original') && r.files.length,
        ),
      5000,
      'the deferred answer',
    );
    expect(String((edit.body as { content?: string }).content)).toContain(
      `<@${mod.id}>: 0 videos · 0 s · ⚠️ 2 refused for content`,
    );
    expect(edit.files[0]!.data.toString()).toContain(`${mod.id},0,0,0,0,2`);
  });
});

describe('npm run deploy-commands', () => {
  it('registers every command globally or in one guild, and running it twice changes nothing', async () => {
    const { deployCommands } = await import('../../src/cli/deployCommands.js');
    const first = await deployCommands({ token: h.discord.botToken, restUrl: h.discord.restUrl });
    const again = await deployCommands({ token: h.discord.botToken, restUrl: h.discord.restUrl });
    expect(first).toEqual({ scope: 'global', count: 9 });
    expect(again).toEqual(first);
    const names = (
      h.discord.commands.get('global') as Array<{ name: string; name_localizations?: Record<string, string> }>
    ).map((c) => [c.name, c.name_localizations?.['zh-CN']]);
    expect(names).toEqual([
      ['video', '视频'],
      ['tasks', '任务'],
      ['usage', '用量'],
      ['video-admin', '视频管理'],
      ['gallery', '画廊'],
      ['settings', '设置'],
      ['help', '帮助'],
      ['Animate', '生成动画'],
      ['Use as references', '用作参考'],
    ]);
    expect(await deployCommands({ token: h.discord.botToken, restUrl: h.discord.restUrl, guildId: guildId() })).toEqual(
      { scope: `guild ${guildId()}`, count: 9 },
    );

    // DM_ENABLED=false: nothing is offered in the bot's DMs.
    const contexts = () =>
      (h.discord.commands.get('global') as Array<{ name: string; contexts?: number[] }>).map((c) => c.contexts ?? []);
    expect(contexts().some((c) => c.includes(1))).toBe(true);
    await deployCommands({ token: h.discord.botToken, restUrl: h.discord.restUrl, dmEnabled: false });
    expect(contexts().length).toBe(9);
    for (const c of contexts()) expect(c).toEqual([0]);
  });
});

describe('role limits', () => {
  const PATRON = '910000000000000001';
  const BOOSTER = '910000000000000002';
  const roleOption = (id: string): CommandOption => ({
    name: 'role',
    type: ApplicationCommandOptionType.Role,
    value: id,
  });
  const roleLimit = (role: string, name: string, value: string) =>
    admin('role-limit', [roleOption(role), { name: 'name', value: name }, { name: 'value', value }]);
  const usageMe = async (roles: string[], locale?: string) => {
    const ix = h.discord.dispatchCommand({ name: 'usage', subcommand: 'me', user: MEMBER, roles, locale });
    return String((await h.discord.waitForCallback(ix.id)).data?.content);
  };

  it("a member gets their roles' most generous member limit, else the server's; /usage me names the role", async () => {
    await admin('limit', [
      { name: 'name', value: 'member_daily_tasks' },
      { name: 'value', value: '1' },
    ]);
    await admin('limit', [
      { name: 'name', value: 'cooldown_seconds' },
      { name: 'value', value: 'none' },
    ]);
    const saved = await roleLimit(PATRON, 'member_daily_tasks', '3');
    expect(saved.content).toContain('Member videos per day = 3');
    await roleLimit(BOOSTER, 'member_daily_tasks', '2');
    const shown = await admin('show', []);
    expect(JSON.stringify(shown.embeds)).toContain(`<@&${PATRON}> \`member_daily_tasks\`: **3**`);

    const roles = [BOOSTER, PATRON];
    for (let i = 0; i < 3; i += 1)
      expect((await video([{ name: 'prompt', value: `r${i}` }], { roles })).flags ?? 0).toBe(0);
    const fourth = await video([{ name: 'prompt', value: 'r3' }], { roles });
    expect(fourth.content).toContain('you have used 3 of your 3 videos today');
    expect(await usageMe(roles)).toContain(`(from <@&${PATRON}>)`);
    expect(await usageMe(roles, 'zh-CN')).toContain(`（来自 <@&${PATRON}>）`);

    // Without the roles, the server's limit of 1 applies (already used up by this member).
    const plain = await video([{ name: 'prompt', value: 'plain' }], { roles: [] });
    expect(plain.content).toContain('you have used 3 of your 1 videos today');
    // default removes the role's value.
    await roleLimit(PATRON, 'member_daily_tasks', 'default');
    expect(await usageMe([PATRON])).not.toContain('from <@&');
  });

  it('a role may lift a limit entirely (none); a bad value changes nothing', async () => {
    await admin('limit', [
      { name: 'name', value: 'member_running' },
      { name: 'value', value: '1' },
    ]);
    const bad = await roleLimit(PATRON, 'member_running', 'lots');
    expect(bad.content).toContain('is not a limit');
    await roleLimit(PATRON, 'member_running', 'none');
    const roles = [PATRON];
    await video([{ name: 'prompt', value: 'a' }], { roles });
    await video([{ name: 'prompt', value: 'b' }], { roles });
    await eventually(() => h.seedance.createCount() === 2, 5000, 'both created, none queued');
  });
});

describe('prompt blocklist', () => {
  type As = { permissions?: bigint; user?: { id: string }; locale?: string };
  const blocklist = (action: string, term?: string, as: As = {}) =>
    admin('blocklist', [{ name: 'action', value: action }, ...(term ? [{ name: 'term', value: term }] : [])], as);
  const ask = async (prompt: string, locale?: string) => {
    const ix = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      locale,
      options: [{ name: 'prompt', value: prompt }],
    });
    return (await h.discord.waitForCallback(ix.id)).data as {
      content?: string;
      flags?: number;
      allowed_mentions?: { parse?: string[] };
    };
  };
  const usage = () => h.app.ledger.snapshot(guildId(), MEMBER.id);
  /** Terms written straight into the server's settings record (as 500 admin commands would). */
  const seed = (terms: string[]) =>
    h.app.store.transact([keys.settings(guildId())], (tx) => tx.set(keys.settings(guildId()), { blocklist: terms }));
  const logLines = () => h.logs.map((l) => JSON.parse(l) as Record<string, unknown>);

  it('a prompt with a blocked term is refused privately, naming it, before anything is reserved or sent', async () => {
    expect((await blocklist('add', 'gore')).content).toBe('Added “gore” to the prompt blocklist (1 of 500 terms).');
    await blocklist('add', '血腥');
    const before = await usage();
    const refused = await ask('a scene full of ＧＯＲＥ at night');
    expect(refused.flags).toBe(64);
    expect(refused.allowed_mentions).toEqual({ parse: [] });
    expect(refused.content).toBe(
      'Not started, nothing charged: the prompt contains “gore”, which this server does not allow.',
    );
    const zh = await ask('一只血腥的狗', 'zh-CN');
    expect(zh.flags).toBe(64);
    expect(zh.content).toBe('未开始，未扣除额度：提示词包含本服务器不允许的“血腥”。');
    expect(h.seedance.createCount()).toBe(0);
    expect(await usage()).toEqual(before);
    expect(before).toMatchObject({ memberDay: { tasks: 0 }, guildDay: { tasks: 0 } });
    expect(await h.app.tasks.listRecentByUser(MEMBER.id)).toEqual([]);
    // The prompt is never logged.
    expect(h.logs.some((l) => l.includes('a scene full of') || l.includes('一只血腥的狗'))).toBe(false);
    // Whole words only: "gorgeous" is fine.
    expect((await ask('a gorgeous sunset')).flags ?? 0).toBe(0);
    await eventually(() => h.seedance.createCount() === 1, 5000, 'the allowed prompt created');

    expect((await blocklist('list')).content).toBe('Blocked prompt terms (2):\n• gore\n• 血腥');
    const shown = await admin('show', []);
    expect(JSON.stringify(shown.embeds)).toContain('Blocked prompt terms: 2');
    expect((await blocklist('remove', 'ＧＯＲＥ')).content).toBe(
      'Removed “gore” from the prompt blocklist (1 of 500 terms).',
    );
    expect((await blocklist('list')).content).toBe('Blocked prompt terms (1):\n• 血腥');
    expect((await ask('gore again')).flags ?? 0).toBe(0);
    expect((await blocklist('remove', 'nothing')).content).toBe('“nothing” is not on the blocklist.');
    expect((await blocklist('add')).content).toBe('A blocklist term must be 1 to 100 characters.');
  });

  it('in Chinese (zh-CN) an admin adds, lists and removes, and the member is refused in Chinese', async () => {
    const zh = { locale: 'zh-CN' };
    expect((await blocklist('list', undefined, zh)).content).toBe('本服务器没有屏蔽任何提示词。');
    expect((await blocklist('add', 'Nsfw', zh)).content).toBe('已将“Nsfw”加入提示词屏蔽列表（1/500 个）。');
    expect(JSON.stringify((await admin('show', [], zh)).embeds)).toContain('提示词屏蔽词：1 个');
    expect((await ask('ｎｓｆｗ 的画面', 'zh-CN')).content).toBe(
      '未开始，未扣除额度：提示词包含本服务器不允许的“Nsfw”。',
    );
    expect(h.seedance.createCount()).toBe(0);
    expect((await blocklist('list', undefined, zh)).content).toBe('提示词屏蔽列表（1 个）：\n• Nsfw');
    expect((await blocklist('remove', 'nsfw', zh)).content).toBe('已将“Nsfw”移出提示词屏蔽列表（0/500 个）。');
    expect((await blocklist('remove', 'nsfw', zh)).content).toBe('“nsfw”不在屏蔽词列表中。');
  });

  it('only Manage Server changes it; every change is logged with the guild and who made it', async () => {
    for (const action of ['add', 'remove', 'list']) {
      const denied = await blocklist(action, 'x', { permissions: 0n, user: MEMBER });
      expect(denied.content).toMatch(/Only members with Manage Server/);
    }
    expect((await h.app.store.get<{ blocklist?: string[] }>(keys.settings(guildId())))?.blocklist).toBeUndefined();
    await blocklist('add', 'gore');
    await blocklist('remove', 'gore');
    const changes = logLines().filter((l) => l.msg === 'guild settings changed');
    expect(changes).toMatchObject([
      { guildId: guildId(), by: ADMIN.id, change: 'blocklist + gore' },
      { guildId: guildId(), by: ADMIN.id, change: 'blocklist - gore' },
    ]);
  });

  it('a term cannot render as markup or a mention, in the confirmation, the list or the refusal', async () => {
    const saved = await blocklist('add', '[free nitro](https://evil.example) @everyone');
    expect(saved.content).toContain('“\\[free nitro](https://evil.example) @\u200beveryone”');
    const list = await blocklist('list');
    expect(list.content).toContain('• \\[free nitro](https://evil.example) @\u200beveryone');
    const refused = await ask('get [FREE NITRO](https://evil.example) @everyone now');
    expect(refused.content).toContain('“\\[free nitro](https://evil.example) @\u200beveryone”');
  });

  it('holds at most 500 terms: the 501st is refused, saying so; the list fits one message', async () => {
    await seed(Array.from({ length: 499 }, (_, i) => `blocked term number ${i}`));
    expect((await blocklist('add', 'one more')).content).toBe(
      'Added “one more” to the prompt blocklist (500 of 500 terms).',
    );
    expect((await blocklist('add', 'too many')).content).toBe(
      'The blocklist already has 500 terms, the most a server can have: remove one before adding another.',
    );
    expect((await blocklist('add', '太多了', { locale: 'zh-CN' })).content).toBe(
      '屏蔽词已有 500 个，已达服务器上限：请先移除一个再添加。',
    );
    expect((await h.app.store.get<{ blocklist?: string[] }>(keys.settings(guildId())))?.blocklist).toHaveLength(500);
    // The log line keeps who made the change: the list is logged by its size.
    const last = logLines()
      .filter((l) => l.msg === 'guild settings changed')
      .at(-1);
    expect(last).toMatchObject({ by: ADMIN.id, change: 'blocklist + one more', after: { blocklist: '500 terms' } });

    for (const locale of ['en-US', 'zh-CN']) {
      const list = (await blocklist('list', undefined, { locale })).content!;
      expect(list.length).toBeLessThanOrEqual(2000);
      expect(list).toMatch(locale === 'en-US' ? /^Blocked prompt terms \(500\):\n/ : /^提示词屏蔽列表（500 个）：\n/);
      expect(list).toMatch(locale === 'en-US' ? /\n…and \d+ more$/ : /\n…以及另外 \d+ 个$/);
    }
    // Removing one makes room again.
    await blocklist('remove', 'blocked term number 0');
    expect((await blocklist('add', 'too many')).content).toContain('(500 of 500 terms)');
    expect((await ask('this has too many words')).content).toContain('“too many”');
  });
});
