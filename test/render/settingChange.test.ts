/** An admin's change is data: logged as plain text, shown back with channels and roles as mentions. */
import { describe, expect, it } from 'vitest';
import { renderChange } from '../../src/discord/render/settingChange.js';
import {
  type ChangeSummary,
  changeChannels,
  describeChange,
  setRole,
  setRoleLimit,
} from '../../src/services/guildConfig/settingsChanges.js';

const summaryOf = (c: ReturnType<typeof setRole>): ChangeSummary => {
  if (!c.ok) throw new Error(`refused: ${c.key}`);
  return c.summary;
};

describe('a saved change: log text and what the admin sees', () => {
  it.each([
    [summaryOf(changeChannels('add', '111')), 'channels + 111', 'generation channels + <#111>'],
    [summaryOf(changeChannels('remove', '111')), 'channels - 111', 'generation channels − <#111>'],
    [summaryOf(changeChannels('clear')), 'channels = everywhere', 'videos can be made in every channel'],
    [summaryOf(setRole('222')), 'role = 222', 'only members with <@&222> can make videos'],
    [summaryOf(setRole()), 'role = everyone', 'every member can make videos'],
    [
      summaryOf(setRoleLimit('222', 'member_daily_tasks', '5')),
      'role 222 member_daily_tasks = 5',
      '<@&222> Member videos per day = 5',
    ],
    [
      summaryOf(setRoleLimit('222', 'member_running', 'none')),
      'role 222 member_running = none',
      '<@&222> Videos rendering at once per member = no limit',
    ],
    [
      summaryOf(setRoleLimit('222', 'cooldown_seconds', 'default')),
      'role 222 cooldown_seconds = default',
      '<@&222> Cooldown between requests (s) = (bot default)',
    ],
  ])('%o', (summary, logged, shown) => {
    expect(describeChange(summary)).toBe(logged);
    expect(renderChange(summary, 'en-US')).toBe(shown);
  });

  it("is shown in the admin's language", () => {
    expect(renderChange(summaryOf(setRoleLimit('222', 'member_daily_tasks', '5')), 'de')).toBe(
      '<@&222> Videos pro Mitglied und Tag = 5',
    );
    expect(renderChange(summaryOf(changeChannels('add', '111')), 'ja')).toBe('生成できるチャンネル + <#111>');
  });

  it('the service never writes Discord markup', () => {
    for (const c of [changeChannels('add', '1'), setRole('2'), setRoleLimit('3', 'member_queue', '1')]) {
      expect(describeChange(summaryOf(c))).not.toMatch(/<[#@]/);
    }
  });
});
