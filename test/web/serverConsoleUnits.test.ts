/**
 * The server console's rules without a server: who manages a server by the sign-in guild list, Discord's
 * server-wide permissions for the write re-check, the forms read into the slash command's changes, the SVG chart.
 */
import { describe, expect, it } from 'vitest';
import { guildPermissions } from '../../src/discord/canManageGuild.js';
import { managedGuild, managesGuild, readConsoleForm } from '../../src/web/serverConsole.js';
import { familyChart } from '../../src/web/pages/usageSvg.js';
import type { EffectiveGuildConfig } from '../../src/services/guildConfig/guildConfig.js';

const G = '100000000000000001';

describe('the sign-in guild list says who manages a server', () => {
  it.each([
    ['0', false, false],
    [String(1n << 5n), false, true], // Manage Server
    [String(1n << 3n), false, true], // Administrator
    [String((1n << 10n) | (1n << 11n)), false, false],
    ['0', true, true], // owner
    ['not a number', false, false],
  ])('permissions %s, owner %s → %s', (permissions, owner, expected) => {
    expect(managesGuild({ id: G, name: 'x', permissions, owner })).toBe(expected);
  });
  it('only for the exact server asked for', () => {
    const guilds = [{ id: G, name: 'x', permissions: '32', owner: false }];
    expect(managedGuild(guilds, G)?.id).toBe(G);
    expect(managedGuild(guilds, '100000000000000002')).toBeUndefined();
    expect(managedGuild(undefined, G)).toBeUndefined();
  });
});

describe('server-wide permissions as Discord computes them (the write re-check)', () => {
  const roles = [
    { id: G, permissions: String(1n << 10n) },
    { id: '2', permissions: String(1n << 5n) },
    { id: '3', permissions: String(1n << 3n) },
  ];
  const has = (p: bigint) => (p & (1n << 5n)) !== 0n;
  it.each([
    [[], undefined, false],
    [['2'], undefined, true],
    [['3'], undefined, true],
    [[], 'u1', true],
    [['404'], undefined, false],
  ])('roles %j, owner %s → Manage Server %s', (memberRoleIds, ownerId, expected) => {
    expect(has(guildPermissions({ guildId: G, ownerId, userId: 'u1', memberRoleIds, roles }))).toBe(expected);
  });
});

describe('forms are read into the slash command changes, choices only', () => {
  const current = { blocklist: [] } as unknown as EffectiveGuildConfig;
  it.each([
    ['limit', { name: 'guild_daily_tasks', value: '3' }, true],
    ['limit', { name: 'guild_daily_tasks; drop', value: '3' }, false],
    ['limit', { name: 'guild_daily_tasks', value: 'lots' }, false],
    ['channel', { action: 'add', channel: '<#123456789012345678>' }, true],
    ['channel', { action: 'add', channel: 'general' }, false],
    ['channel', { action: 'add', channel: '' }, false],
    ['role', { role: '' }, true],
    ['role-limit', { role: '123456789012345678', name: 'guild_daily_tasks', value: '1' }, false],
    ['model', { action: 'disable', model: 'nope' }, false],
    ['defaults', { ratio: '9:16', duration: '5' }, true],
    ['defaults', { resolution: '4k' }, false],
    ['defaults', { duration: '2.5' }, false],
    ['timezone', { zone: 'Europe/Paris' }, true],
    ['blocklist', { action: 'remove', term: 'absent' }, false],
  ] as const)('%s %j → ok %s', (form, body, ok) => {
    expect(readConsoleForm(form, body, current).ok).toBe(ok);
  });
});

describe('the usage chart', () => {
  it('every day has a hover value, every family part its own, and nothing is markup', () => {
    const svg = familyChart({
      days: [
        { day: '2026-12-01', byFamily: { a: 2, '<b>': 1 } },
        { day: '2026-12-02', byFamily: {} },
      ],
      dayTitle: (day, n) => `${day}=${n}`,
      partTitle: (f, n) => `${f}:${n}`,
      label: 'chart',
    }).value;
    expect(svg.match(/<rect class="hit"/g)).toHaveLength(2);
    expect(svg).toContain('<title>2026-12-01&#61;3</title>');
    expect(svg).toContain('<title>2026-12-02&#61;0</title>');
    expect(svg).toContain('<title>a:2</title>');
    expect(svg).toContain('<title>&lt;b&gt;:1</title>');
    expect(svg).not.toContain('<b>');
  });
});
