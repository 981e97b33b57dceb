import { afterEach, describe, expect, it } from 'vitest';
import { clearCommands, deployCommands, describeClear, parseDeployArgs } from '../../src/cli/deployCommands.js';
import { serverInviteUrl } from '../../src/discord/invitePermissions.js';
import { eventually, startHarness, type Harness } from '../harness.js';

const DEV_GUILD = '1100000000000000001';
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface LogLine {
  level: string;
  msg: string;
  invite?: string;
}
const lines = (harness: Harness): LogLine[] =>
  harness.logs.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((l) => JSON.parse(l) as LogLine);
const connection = (harness: Harness) => ({ token: harness.discord.botToken, restUrl: harness.discord.restUrl });
/** The registration check's verdict: the line logged after the invite link. */
const verdict = (harness: Harness) =>
  eventually(
    () => lines(harness).find((l) => /slash commands (are )?(registered|are registered)|no slash commands/.test(l.msg)),
    5000,
    'the registered-commands check',
  );

describe('at "ready" the bot logs its invite link and warns when "/" would show nothing', () => {
  it('no commands registered: the invite link at info, then a warning that says what to run', async () => {
    h = await startHarness();
    const invite = await eventually(() => lines(h!).find((l) => l.invite), 5000, 'the invite line');
    expect(invite.level).toBe('info');
    expect(invite.invite).toBe(serverInviteUrl(h.discord.applicationId));
    const warning = await verdict(h);
    expect(warning.level).toBe('warn');
    expect(warning.msg).toContain('no slash commands are registered');
    expect(warning.msg).toContain('npm run deploy-commands');
  });

  it('commands registered globally: no warning', async () => {
    h = await startHarness({ startApp: false });
    await deployCommands(connection(h));
    await h.restart();
    const line = await verdict(h);
    expect(line.level).toBe('info');
    expect(line.msg).toBe('slash commands registered');
    expect(lines(h).filter((l) => l.level !== 'info' && l.level !== 'debug' && /slash commands/.test(l.msg))).toEqual(
      [],
    );
  });

  it('commands only in DEV_GUILD_ID count too: no warning', async () => {
    h = await startHarness({
      startApp: false,
      env: { DEV_GUILD_ID: DEV_GUILD },
      discord: { guilds: [{ id: DEV_GUILD }] },
    });
    await deployCommands({ ...connection(h), guildId: DEV_GUILD });
    await h.restart();
    expect((await verdict(h)).msg).toBe('slash commands registered');
  });

  it('both globally and in DEV_GUILD_ID: says they show twice there and how to remove the copy', async () => {
    h = await startHarness({
      startApp: false,
      env: { DEV_GUILD_ID: DEV_GUILD },
      discord: { guilds: [{ id: DEV_GUILD }] },
    });
    await deployCommands(connection(h));
    await deployCommands({ ...connection(h), guildId: DEV_GUILD });
    await h.restart();
    const line = await verdict(h);
    expect(line.msg).toContain('they show twice there');
    expect(line.msg).toContain('npm run deploy-commands -- --clear-guild');
  });
});

describe('npm run deploy-commands -- --clear-guild | --clear-global', () => {
  it("removes the dev server's copy and leaves the global commands; then the global ones", async () => {
    h = await startHarness({ startApp: false, discord: { guilds: [{ id: DEV_GUILD }] } });
    const global = await deployCommands(connection(h));
    await deployCommands({ ...connection(h), guildId: DEV_GUILD });
    expect(h.discord.commands.get(DEV_GUILD)).toHaveLength(global.count);

    const cleared = await clearCommands({ ...connection(h), guildId: DEV_GUILD });
    expect(cleared).toEqual({ scope: `guild ${DEV_GUILD}`, removed: global.count, globalLeft: global.count });
    expect(h.discord.commands.get(DEV_GUILD)).toEqual([]);
    expect(h.discord.commands.get('global')).toHaveLength(global.count);
    expect(describeClear(cleared)).toBe(
      `Removed ${global.count} commands from server ${DEV_GUILD}. The ${global.count} global commands stay: members of that server see each command once.`,
    );
    // Again: nothing left to remove, and it says so.
    expect((await clearCommands({ ...connection(h), guildId: DEV_GUILD })).removed).toBe(0);

    const all = await clearCommands(connection(h));
    expect(all).toEqual({ scope: 'global', removed: global.count, globalLeft: 0 });
    expect(h.discord.commands.get('global')).toEqual([]);
  });

  it('reads its arguments strictly', () => {
    expect(parseDeployArgs([])).toEqual({ kind: 'deploy' });
    expect(parseDeployArgs(['--clear-guild'])).toEqual({ kind: 'clear-guild' });
    expect(parseDeployArgs(['--clear-guild', DEV_GUILD])).toEqual({ kind: 'clear-guild', guildId: DEV_GUILD });
    expect(parseDeployArgs(['--clear-global'])).toEqual({ kind: 'clear-global' });
    for (const bad of [['--clear'], ['--clear-guild', 'abc'], ['--clear-global', DEV_GUILD], ['x']])
      expect(parseDeployArgs(bad).kind).toBe('error');
  });
});
