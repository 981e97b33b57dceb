import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  FORUM_GALLERY_PERMISSIONS,
  INVITE_PERMISSION_BITS,
  INVITE_PERMISSIONS,
  serverInviteUrl,
  userInstallUrl,
} from '../../src/discord/invitePermissions.js';
import { PERMISSION, requiredGalleryPermissions } from '../../src/services/gallery/permissions.js';

describe('the invite asks for exactly the permissions the bot uses, each with a reason', () => {
  it('is the integer of View Channel, Send Messages, Send Messages in Threads, Embed Links, Attach Files and Read Message History', () => {
    expect(INVITE_PERMISSION_BITS).toBe(274_878_024_704n);
    expect(new PermissionsBitField(INVITE_PERMISSION_BITS).toArray().sort()).toEqual(
      [
        'AttachFiles',
        'EmbedLinks',
        'ReadMessageHistory',
        'SendMessages',
        'SendMessagesInThreads',
        'ViewChannel',
      ].sort(),
    );
  });

  it('asks for nothing powerful: no Administrator, Manage Messages, Manage Channels, Manage Threads or Add Reactions', () => {
    for (const flag of ['Administrator', 'ManageMessages', 'ManageChannels', 'ManageThreads', 'AddReactions'] as const)
      expect(INVITE_PERMISSION_BITS & PermissionFlagsBits[flag]).toBe(0n);
  });

  it('gives a reason for every permission, and no permission twice', () => {
    const all = [...INVITE_PERMISSIONS, ...FORUM_GALLERY_PERMISSIONS];
    expect(new Set(all.map((p) => p.name)).size).toBe(all.length);
    for (const p of all) expect(p.why.length).toBeGreaterThan(20);
  });

  it('covers what /video-admin gallery checks on a text channel; a forum adds only the forum-only ones', () => {
    const names = (list: readonly { name: string }[]) => list.map((p) => p.name).sort();
    for (const needed of requiredGalleryPermissions('text'))
      expect(INVITE_PERMISSION_BITS & PERMISSION[needed]).toBe(PERMISSION[needed]);
    const forumOnly = requiredGalleryPermissions('forum').filter((p) => !(INVITE_PERMISSION_BITS & PERMISSION[p]));
    expect(forumOnly.sort()).toEqual(names(FORUM_GALLERY_PERMISSIONS));
    // The gallery's own table agrees with discord.js's flags.
    for (const p of FORUM_GALLERY_PERMISSIONS)
      expect(PermissionFlagsBits[p.name]).toBe(PERMISSION[p.name as keyof typeof PERMISSION]);
  });
});

describe('invite links', () => {
  it('server install: the bot and its commands, with the permission integer', () => {
    const url = new URL(serverInviteUrl('123456789012345678'));
    expect(`${url.origin}${url.pathname}`).toBe('https://discord.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: '123456789012345678',
      integration_type: '0',
      scope: 'bot applications.commands',
      permissions: '274878024704',
    });
    expect(serverInviteUrl('123456789012345678')).toBe(
      'https://discord.com/oauth2/authorize?client_id=123456789012345678&integration_type=0&scope=bot+applications.commands&permissions=274878024704',
    );
  });

  it('user install: the commands only, no bot and no permissions', () => {
    const url = new URL(userInstallUrl('123456789012345678'));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: '123456789012345678',
      integration_type: '1',
      scope: 'applications.commands',
    });
  });
});

describe('the README shows the same invite', () => {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  it('its link carries this integer, and its table lists each permission with its value and reason', () => {
    expect(readme).toContain(serverInviteUrl('<APP_ID>'));
    expect(readme).toContain(userInstallUrl('<APP_ID>'));
    for (const p of INVITE_PERMISSIONS)
      expect(readme).toContain(`| ${p.label} | ${PermissionFlagsBits[p.name]} | ${p.why} |`);
  });
});
