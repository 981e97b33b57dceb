/**
 * The whole bot with WEB_PORT set: a member makes a video in Discord, signs in on the web dashboard through the
 * fake Discord's OAuth2 and finds it in My videos (escaped prompt, server name from their guild list, a playable
 * link); the dashboard stops with the bot.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebClient } from '../support/webClient.js';
import { eventually, startHarness, type Harness } from '../harness.js';

const SECRET = 'e2e-web-client-secret-0123456789';
const MEMBER = { id: '200000000000000001', username: 'alice' };

let h: Harness;
beforeEach(async () => {
  h = await startHarness({
    env: { WEB_PORT: '0', DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_CLIENT_SECRET: SECRET },
  });
});
afterEach(async () => {
  await h.close();
});

describe('the web dashboard beside the bot', () => {
  it('listens when WEB_PORT is set', async () => {
    expect(h.config.web).toBeDefined();
    expect(h.app.web?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('a video made with /video shows in My videos after signing in with Discord', async () => {
    const guildId = h.discord.guildIds[0]!;
    h.discord.oauth.setClient('123456789012345678', SECRET);
    h.discord.oauth.signInAs({ ...MEMBER, guilds: [{ id: guildId, name: 'Fox & <Friends>', permissions: '0' }] });
    const ix = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      options: [{ name: 'prompt', value: 'a red fox <i>in snow</i>' }],
    });
    await h.discord.waitForCallback(ix.id);
    await eventually(
      async () => (await h.app.tasks.listRecentByUser(MEMBER.id))[0]?.state === 'done',
      10_000,
      'the video done',
    );
    const client = new WebClient(h.app.web!.url);
    const page = (await client.follow('/auth/login?return_to=/videos')).at(-1)!;
    expect(page.status).toBe(200);
    expect(page.body).toContain('a red fox &lt;i&gt;in snow&lt;/i&gt;');
    expect(page.body).toContain('Fox &amp; &lt;Friends&gt;');
    expect(page.body).toMatch(new RegExp(`<video controls preload="metadata" src="${h.seedance.url}/files/task_`));
    expect(h.logs.join('')).not.toContain(SECRET);
  });

  it("a delivered upload plays from its card after the video service's link expired; Delete removes the card", async () => {
    const guildId = h.discord.guildIds[0]!;
    h.discord.oauth.setClient('123456789012345678', SECRET);
    h.discord.oauth.signInAs({ ...MEMBER, guilds: [{ id: guildId, name: 'Foxes', permissions: '0' }] });
    const ix = h.discord.dispatchCommand({
      name: 'video',
      subcommand: 'text',
      user: MEMBER,
      options: [{ name: 'prompt', value: 'a fox in the rain' }],
    });
    await h.discord.waitForCallback(ix.id);
    await eventually(
      async () => (await h.app.tasks.listRecentByUser(MEMBER.id))[0]?.state === 'done',
      10_000,
      'the video done',
    );
    const [task] = await h.app.tasks.listRecentByUser(MEMBER.id);
    // The upload's attachment URL is kept with the delivery.
    expect(task!.delivery).toMatchObject({
      mode: 'upload',
      fileUrl: expect.stringMatching(/^https:\/\/cdn\.discordapp\.com\/attachments\//),
    });
    const client = new WebClient(h.app.web!.url);
    await client.follow('/auth/login?return_to=/videos');
    expect(h.discord.requestsTo('POST /attachments/refresh-urls')).toHaveLength(0);
    // Four days on: the video service no longer keeps the file; the card's upload is signed anew for the page.
    h.clock.advance(4 * 86_400_000);
    const page = await client.request('/videos');
    const src = /<video controls preload="metadata" src="([^"]+)"/.exec(page.body)?.[1]?.replaceAll('&#61;', '=');
    expect(src?.replaceAll('&amp;', '&')).toMatch(/^https:\/\/cdn\.discordapp\.com\/attachments\/.*[?&]ex=/);
    expect(h.discord.requestsTo('POST /attachments/refresh-urls')).toHaveLength(1);

    // Delete through the page: the card's message goes, with the Delete button's log line.
    const confirm = await client.request(`/videos/${task!.id}/delete`);
    const done = await client.post(`/videos/${task!.id}/delete`, { _csrf: WebClient.csrfOf(confirm.body) });
    expect(done.status).toBe(303);
    expect(h.discord.messages.byId.get(task!.messageId!)?.deleted).toBe(true);
    expect(h.logs.join('')).toMatch(
      /"by":"200000000000000001"[^\n]*"msg":"task message deleted"|"msg":"task message deleted"[^\n]*"by":"200000000000000001"/,
    );
  });

  it('stops with the bot', async () => {
    const url = h.app.web!.url;
    await h.stopApp();
    await expect(fetch(`${url}/auth/login-page`)).rejects.toThrow();
  });
});
