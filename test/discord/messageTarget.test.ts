/**
 * Where a task's card is shown, step by step: the interaction webhook while its token is fresh, then the
 * channel route, a fresh post when the card never existed, and a DM when the card is gone. A tiny fake REST
 * records every call and answers with the Discord error codes a test scripts.
 */
import { DiscordAPIError, type REST, Routes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  type Fallbacks,
  showOnTaskMessage,
  UnreachableError,
  WEBHOOK_TOKEN_SAFE_MS,
} from '../../src/discord/messageTarget.js';
import type { TaskRecord } from '../../src/services/tasks/taskRecord.js';

type Call = { method: 'patch' | 'post'; route: string; body: unknown; auth?: boolean };

/** A REST object that answers each route with a scripted Discord error code, or success. */
function fakeRest(errors: Record<string, number> = {}) {
  const calls: Call[] = [];
  let ids = 0;
  const answer = (method: Call['method']) => async (route: string, options: { body?: unknown; auth?: boolean }) => {
    calls.push({ method, route, body: options.body, ...(options.auth === false ? { auth: false } : {}) });
    const code = errors[`${method} ${route}`];
    if (code) throw new DiscordAPIError({ code, message: `error ${code}` }, code, 404, method.toUpperCase(), route, {});
    return { id: `new${++ids}` };
  };
  return { rest: { patch: answer('patch'), post: answer('post') } as unknown as REST, calls };
}

const NOW = 1_800_000_000_000;
function task(extra: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id: 't1',
    guildId: 'g1',
    channelId: 'c1',
    userId: 'u1',
    locale: 'en-US',
    interaction: { applicationId: 'app', token: 'tok', createdAt: NOW - 60_000 },
    model: 'm',
    request: {} as TaskRecord['request'],
    cost: {} as TaskRecord['cost'],
    state: 'running',
    attempts: 0,
    createdAt: NOW - 60_000,
    updatedAt: NOW - 60_000,
    usage: 'reserved',
    messageId: 'm1',
    ...extra,
  };
}

const body = { content: 'card' };
const fallbacks: Fallbacks = {
  fresh: (b) => ({ ...b, content: `<@u1> ${b.content}` }),
  dm: (b) => ({ ...b, content: `dm: ${b.content}` }),
};
const WEBHOOK = Routes.webhookMessage('app', 'tok', '@original');
const CHANNEL = Routes.channelMessage('c1', 'm1');
const DM_OPEN = Routes.userChannels();
const routesOf = (calls: Call[]) => calls.map((c) => `${c.method} ${c.route}`);

describe('a fresh token edits through the webhook, without the bot token', () => {
  it('one PATCH to the original response', async () => {
    const { rest, calls } = fakeRest();
    expect(await showOnTaskMessage(rest, task(), body, [], NOW, fallbacks)).toEqual({ via: 'webhook' });
    expect(calls).toEqual([{ method: 'patch', route: WEBHOOK, body, auth: false }]);
  });

  it.each([
    [10015, 'Unknown Webhook'],
    [50027, 'Invalid Webhook Token'],
    [10062, 'Unknown interaction'],
  ])('a dead webhook (%i %s) falls back to the channel route', async (code) => {
    const { rest, calls } = fakeRest({ [`patch ${WEBHOOK}`]: code });
    expect(await showOnTaskMessage(rest, task(), body, [], NOW, fallbacks)).toEqual({ via: 'channel' });
    expect(routesOf(calls)).toEqual([`patch ${WEBHOOK}`, `patch ${CHANNEL}`]);
  });

  it('any other webhook error is thrown (tried again later), nothing else is attempted', async () => {
    const { rest, calls } = fakeRest({ [`patch ${WEBHOOK}`]: 50035 });
    await expect(showOnTaskMessage(rest, task(), body, [], NOW, fallbacks)).rejects.toBeInstanceOf(DiscordAPIError);
    expect(calls).toHaveLength(1);
  });
});

describe('an old token, or a card that moved, goes straight to the channel route', () => {
  it.each([
    [
      'the token is past its safe age',
      task({ interaction: { applicationId: 'app', token: 'tok', createdAt: NOW - WEBHOOK_TOKEN_SAFE_MS } }),
    ],
    ['the token was forgotten', task({ interaction: { applicationId: 'app', token: '', createdAt: NOW } })],
    ['the card moved', task({ messageMoved: true })],
  ])('%s', async (_why, t) => {
    const { rest, calls } = fakeRest();
    expect(await showOnTaskMessage(rest, t, body, [], NOW, fallbacks)).toEqual({ via: 'channel' });
    expect(routesOf(calls)).toEqual([`patch ${CHANNEL}`]);
  });

  it('a token one millisecond younger than the safe age still uses the webhook', async () => {
    const { rest } = fakeRest();
    const t = task({ interaction: { applicationId: 'app', token: 'tok', createdAt: NOW - WEBHOOK_TOKEN_SAFE_MS + 1 } });
    expect(await showOnTaskMessage(rest, t, body, [], NOW, fallbacks)).toEqual({ via: 'webhook' });
  });
});

describe('a card that is gone is respected: the result goes by DM', () => {
  it('Unknown Message on the webhook → DM, no channel edit and no re-post', async () => {
    const { rest, calls } = fakeRest({ [`patch ${WEBHOOK}`]: 10008 });
    const shown = await showOnTaskMessage(rest, task(), body, [], NOW, fallbacks);
    expect(shown).toEqual({ via: 'dm', movedTo: { channelId: 'new1', messageId: 'new2' } });
    expect(routesOf(calls)).toEqual([`patch ${WEBHOOK}`, `post ${DM_OPEN}`, `post ${Routes.channelMessages('new1')}`]);
    expect(calls[1]!.body).toEqual({ recipient_id: 'u1' });
    expect(calls[2]!.body).toEqual({ content: 'dm: card' });
  });

  it.each([10008, 10003, 50001, 50013])('channel route answering %i → DM', async (code) => {
    const { rest, calls } = fakeRest({ [`patch ${CHANNEL}`]: code });
    const shown = await showOnTaskMessage(rest, task({ messageMoved: true }), body, [], NOW, fallbacks);
    expect(shown?.via).toBe('dm');
    expect(routesOf(calls)[1]).toBe(`post ${DM_OPEN}`);
  });

  it('progress edits (no DM fallback) do nothing when the card is gone', async () => {
    const { rest, calls } = fakeRest({ [`patch ${CHANNEL}`]: 10008 });
    expect(
      await showOnTaskMessage(rest, task({ messageMoved: true }), body, [], NOW, { ...fallbacks, dm: null }),
    ).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('closed DMs make the member unreachable', async () => {
    const { rest } = fakeRest({ [`patch ${CHANNEL}`]: 10008, [`post ${Routes.channelMessages('new1')}`]: 50007 });
    await expect(
      showOnTaskMessage(rest, task({ messageMoved: true }), body, [], NOW, fallbacks),
    ).rejects.toBeInstanceOf(UnreachableError);
  });
});

describe('a card that never existed is posted fresh', () => {
  it('in the task’s channel, with the fresh body, and remembered as moved there', async () => {
    const { rest, calls } = fakeRest();
    const shown = await showOnTaskMessage(rest, task({ messageId: undefined }), body, [], NOW, fallbacks);
    expect(shown).toEqual({ via: 'new_message', movedTo: { channelId: 'c1', messageId: 'new1' } });
    expect(calls).toEqual([{ method: 'post', route: Routes.channelMessages('c1'), body: { content: '<@u1> card' } }]);
  });

  it('a channel the bot cannot post in → DM', async () => {
    const { rest, calls } = fakeRest({ [`post ${Routes.channelMessages('c1')}`]: 50013 });
    const shown = await showOnTaskMessage(rest, task({ messageId: undefined }), body, [], NOW, fallbacks);
    expect(shown?.via).toBe('dm');
    expect(routesOf(calls)).toEqual([
      `post ${Routes.channelMessages('c1')}`,
      `post ${DM_OPEN}`,
      `post ${Routes.channelMessages('new1')}`,
    ]);
  });

  it('other errors of the fresh post are thrown (tried again later)', async () => {
    const { rest } = fakeRest({ [`post ${Routes.channelMessages('c1')}`]: 50035 });
    await expect(
      showOnTaskMessage(rest, task({ messageId: undefined }), body, [], NOW, fallbacks),
    ).rejects.toBeInstanceOf(DiscordAPIError);
  });

  it('progress edits never post a card that does not exist', async () => {
    const { rest, calls } = fakeRest();
    expect(
      await showOnTaskMessage(rest, task({ messageId: undefined }), body, [], NOW, { ...fallbacks, dm: null }),
    ).toBeNull();
    expect(calls).toEqual([]);
  });
});
