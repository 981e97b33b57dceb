import { describe, expect, it } from 'vitest';
import { type Limits, memberLimits } from '../../src/services/usage/limits.js';

const SERVER: Limits = {
  guild_daily_tasks: 100,
  guild_monthly_tasks: null,
  guild_monthly_seconds: null,
  guild_monthly_spend: null,
  member_daily_tasks: 5,
  member_running: 1,
  guild_running: 6,
  cooldown_seconds: 30,
  guild_queue: 20,
  member_queue: 3,
};

describe("a member's limits from their roles", () => {
  const roles = {
    patron: { member_daily_tasks: 20, cooldown_seconds: 10 },
    booster: { member_daily_tasks: 10, cooldown_seconds: 0, member_running: null },
    strict: { member_daily_tasks: 1 },
  };

  it.each([
    [[], { member_daily_tasks: 5, member_running: 1, cooldown_seconds: 30 }, {}],
    [['strict'], { member_daily_tasks: 1 }, { member_daily_tasks: 'strict' }],
    [['patron', 'strict'], { member_daily_tasks: 20, cooldown_seconds: 10 }, { member_daily_tasks: 'patron' }],
    [
      ['patron', 'booster'],
      { member_daily_tasks: 20, cooldown_seconds: 0, member_running: null },
      { member_daily_tasks: 'patron', cooldown_seconds: 'booster', member_running: 'booster' },
    ],
  ])('roles %j', (roleIds, expected, from) => {
    const { limits, fromRole } = memberLimits(SERVER, roles, roleIds);
    expect(limits).toMatchObject(expected);
    expect(fromRole).toMatchObject(from);
    // Server-wide limits never come from a role.
    expect(limits.guild_daily_tasks).toBe(100);
  });
});
