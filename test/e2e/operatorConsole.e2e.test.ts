/**
 * The whole bot with WEB_PORT and OPERATOR_USER_IDS: after a /video, the operator console shows the server's
 * month, the bot's own API key by fingerprint (never the key) and this process; a member who is not an operator
 * gets 403.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebClient } from '../support/webClient.js';
import { eventually, startHarness, type Harness } from '../harness.js';

const SECRET = 'e2e-operator-client-secret-0123456789';
const OPERATOR = { id: '200000000000000077', username: 'olga' };
const MEMBER = { id: '200000000000000001', username: 'alice' };

let h: Harness;
beforeEach(async () => {
  h = await startHarness({
    env: {
      WEB_PORT: '0',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_CLIENT_SECRET: SECRET,
      OPERATOR_USER_IDS: OPERATOR.id,
    },
  });
  h.discord.oauth.setClient('123456789012345678', SECRET);
});
afterEach(async () => {
  await h.close();
});

describe('the operator console beside the bot', () => {
  it('shows the server a /video was made in, the key by fingerprint and this process; others get 403', async () => {
    const guildId = h.discord.guildIds[0]!;
    const ix = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      options: [{ name: 'prompt', value: 'a red fox' }],
    });
    await h.discord.waitForCallback(ix.id);
    await eventually(
      async () => (await h.app.tasks.listRecentByUser(MEMBER.id))[0]?.state === 'done',
      10_000,
      'the video done',
    );

    h.discord.oauth.signInAs({ ...OPERATOR, guilds: [] });
    const operator = new WebClient(h.app.web!.url);
    const page = (await operator.follow('/auth/login?return_to=/operator')).at(-1)!;
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Operator console</h1>');
    expect(page.body).toMatch(
      new RegExp(`<tr data-guild="${guildId}"><td>${guildId}</td><td>[\\d-]+</td><td class="n">1</td>`),
    );
    const [fingerprint] = h.app.seedance.fingerprints;
    expect(page.body).toMatch(
      new RegExp(`<tr data-key="${fingerprint}"><td><code>${fingerprint}</code></td><td class="ok">Available</td>`),
    );
    expect(page.body).toContain('(this process)');
    expect(h.config.seedance.apiKeys.length).toBeGreaterThan(0);
    for (const key of h.config.seedance.apiKeys) expect(page.body).not.toContain(key);
    expect(page.body).not.toContain(SECRET);

    h.discord.oauth.signInAs({ ...MEMBER, guilds: [] });
    const member = new WebClient(h.app.web!.url);
    expect((await member.follow('/auth/login?return_to=/videos')).at(-1)!.status).toBe(200);
    expect((await member.request('/operator')).status).toBe(403);
    expect((await member.request('/operator/servers.csv')).status).toBe(403);
  });
});
