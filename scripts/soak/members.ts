/**
 * The soak's members and admins: a steady, seeded mix of what people do (every /video mode, Manxue uploads
 * through the media review, blocklisted and invalid prompts, Re-roll, Retry, Remix, Extend, Cancel, Delete,
 * queue-filling bursts, admin limit changes), each sent through the fake Discord to the real bots. Records
 * what was asked and what each interaction got back, for the invariants.
 */
import {
  type AttachmentSpec,
  type CommandOption,
  type DispatchedInteraction,
  type FakeDiscord,
  MANAGE_GUILD,
} from '../../test/fakes/discord/index.js';
import type { Rng } from './rng.js';

/** The term every server blocks; prompts carrying it must be refused before anything is reserved. */
export const BLOCKED_TERM = 'forbiddenfruit';

export type ActionKind =
  | 'text'
  | 'images'
  | 'frames'
  | 'references'
  | 'manxue'
  | 'blocked'
  | 'invalid'
  | 'reroll'
  | 'retry'
  | 'remix'
  | 'extend'
  | 'cancel'
  | 'delete'
  | 'admin'
  | 'burst';

export const ACTION_WEIGHTS: Record<ActionKind, number> = {
  text: 26,
  images: 8,
  frames: 5,
  references: 5,
  manxue: 9,
  blocked: 4,
  invalid: 3,
  reroll: 8,
  retry: 5,
  remix: 5,
  extend: 4,
  cancel: 5,
  delete: 2,
  admin: 2,
  burst: 1,
};

/** One interaction the soak sent, and what came of it. */
export interface SentInteraction {
  id: string;
  kind: ActionKind | 'admin-setup' | 'remixform' | 'extendform';
  guildId: string;
  userId: string;
  /** The prompt a /video (or a form) carried, if any. */
  prompt?: string;
  /** public: a card (a task was accepted); private: refused or answered privately; modal; none: no answer seen. */
  answer?: 'public' | 'private' | 'modal' | 'deferred' | 'none' | 'offline';
  /** The start of a private answer's text (what a refusal said), for the run's summary. */
  said?: string;
  /** A task creation was expected to be refused (blocked term, invalid input). */
  mustRefuse?: boolean;
}

/** A limit value an admin set (or tried to set), for the invariants' "cap in force". */
export interface LimitChange {
  guildId: string;
  name: string;
  value: number | null;
  at: number;
}

interface Card {
  messageId: string;
  channelId: string;
  guildId: string;
  userId: string;
}

const png = (optionName: string, filename = `${optionName}.png`): AttachmentSpec => ({
  optionName,
  filename,
  contentType: 'image/png',
  size: 40_000,
  width: 1280,
  height: 720,
});

export interface MembersOptions {
  discord: FakeDiscord;
  rng: Rng;
  /** Members per server. */
  membersPerGuild: number;
  /** How long to wait for an interaction's answer before counting it unanswered. */
  answerWaitMs: number;
}

export function createMembers(options: MembersOptions) {
  const { discord, rng } = options;
  const sent: SentInteraction[] = [];
  const limitChanges: LimitChange[] = [];
  const counts: Record<string, number> = {};
  /** Recent cards (bounded), for button clicks. */
  const cards: Card[] = [];
  let seq = 0;
  const inFlight = new Set<Promise<void>>();

  const guilds = discord.guildIds;
  const memberId = (g: number, m: number) => String(400_000_000_000_000_000n + BigInt(g * 1000 + m));
  const adminId = (g: number) => String(490_000_000_000_000_000n + BigInt(g));
  const pickGuild = () => rng.int(0, guilds.length - 1);

  /** Every prompt is unique (its sequence number), so upstream creates can be matched to tasks. */
  function prompt(marker = ''): string {
    seq += 1;
    const scenery = rng.pick(['a fox in snow', 'waves at dusk', 'a neon city', 'a kite over hills', 'rain on glass']);
    const fate =
      marker ||
      (rng.chance(0.08) ? ' [fail]' : rng.chance(0.03) ? ' [fail:moderation]' : rng.chance(0.02) ? ' [stuck]' : '');
    return `soak#${seq} ${scenery}${fate}`;
  }

  /**
   * Sends one interaction and follows its answer. With no bot connected at all (the only process just
   * stopped), Discord could not deliver it: recorded as `offline`, like a member seeing "did not respond".
   */
  function track(dispatch: () => DispatchedInteraction, entry: Omit<SentInteraction, 'id'>): void {
    counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
    let ix: DispatchedInteraction;
    try {
      ix = dispatch();
    } catch {
      sent.push({ id: '', ...entry, answer: 'offline' });
      return;
    }
    const record: SentInteraction = { id: ix.id, ...entry };
    sent.push(record);
    const p = discord
      .waitForCallback(ix.id, options.answerWaitMs)
      .then((cb) => {
        const flags = Number((cb.data as { flags?: unknown } | undefined)?.flags ?? 0);
        record.answer =
          cb.type === 9 ? 'modal' : (flags & 64) !== 0 ? 'private' : cb.type === 5 ? 'deferred' : 'public';
        if (record.answer === 'private') {
          const data = cb.data as { content?: unknown; embeds?: Array<{ description?: unknown; title?: unknown }> };
          const text = String(data?.content || data?.embeds?.[0]?.title || data?.embeds?.[0]?.description || '');
          record.said = text
            .replace(/[\d<>@#:*_`]+/g, '')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 48);
        }
        if (record.answer === 'public' || record.answer === 'deferred') rememberCard(ix, record);
      })
      .catch(() => {
        record.answer = 'none';
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  function rememberCard(ix: DispatchedInteraction, record: SentInteraction): void {
    // The card exists once the reply is posted; look for it a little later.
    setTimeout(() => {
      const msg = discord.originalMessage(ix.id);
      if (!msg || (msg.flags & 64) !== 0 || cards.some((c) => c.messageId === msg.id)) return;
      cards.push({ messageId: msg.id, channelId: msg.channelId, guildId: record.guildId, userId: record.userId });
      if (cards.length > 300) cards.splice(0, cards.length - 300);
    }, 1500).unref();
  }

  function video(
    g: number,
    m: number,
    subcommand: string,
    options: CommandOption[],
    attachments: AttachmentSpec[] = [],
  ) {
    const user = { id: memberId(g, m), username: `member${g}_${m}` };
    return discord.dispatchCommand({
      name: 'video',
      subcommand,
      guildId: guilds[g]!,
      channelId: discord.channelIdOf(guilds[g]!),
      user,
      options,
      attachments,
      locale: rng.chance(0.3) ? 'zh-CN' : 'en-US',
    });
  }

  function newVideo(kind: ActionKind, g = pickGuild(), m = rng.int(0, options.membersPerGuild - 1)): void {
    const duration = rng.int(4, 8);
    let p = prompt();
    let subcommand = 'text';
    let opts: CommandOption[] = [];
    let files: AttachmentSpec[] = [];
    let mustRefuse = false;
    switch (kind) {
      case 'images':
        subcommand = 'images';
        opts = [{ name: 'model', value: 'seedance2.0-mini-sp' }];
        files = [png('image1')];
        break;
      case 'frames':
        subcommand = 'frames';
        opts = [{ name: 'model', value: 'seedance2.0-sp' }];
        files = [png('first_frame')];
        break;
      case 'references':
        subcommand = 'references';
        opts = [{ name: 'model', value: 'seedance2.0-sp' }];
        files = [
          {
            optionName: 'video1',
            filename: 'moves.mp4',
            contentType: 'video/mp4',
            size: 2_000_000,
            width: 1280,
            height: 720,
          },
        ];
        break;
      case 'manxue': {
        subcommand = 'images';
        opts = [{ name: 'model', value: 'sd2_mx_720p' }];
        const fate = rng.chance(0.06)
          ? 'review-stuck'
          : rng.chance(0.06)
            ? 'review-fail'
            : rng.chance(0.04)
              ? 'review-refuse'
              : 'photo';
        files = [png('image1', `${fate}-${seq}.png`)];
        break;
      }
      case 'blocked':
        p = `soak#${++seq} a ${BLOCKED_TERM} on a table`;
        mustRefuse = true;
        break;
      case 'invalid':
        // Two seconds: below every model's minimum here (4 s), refused by validation.
        opts = [{ name: 'model', value: 'seedance2.0-mini-sp' }];
        mustRefuse = true;
        break;
      default:
        opts = [{ name: 'model', value: rng.pick(['seedance2.0-mini-sp', 'seedance2.0-fast-sp', 'seedance2.0-sp']) }];
    }
    const dispatch = () =>
      video(
        g,
        m,
        subcommand,
        [{ name: 'prompt', value: p }, ...opts, { name: 'duration', value: kind === 'invalid' ? 2 : duration }],
        files,
      );
    track(dispatch, { kind, guildId: guilds[g]!, userId: memberId(g, m), prompt: p, mustRefuse });
  }

  /** A button on a card the soak saw, when the card currently offers it. */
  function click(action: 'reroll' | 'retry' | 'remix' | 'extend' | 'cancel' | 'delete'): void {
    const candidates = cards.filter((c) => {
      const msg = discord.messages.get(c.messageId);
      return msg && !msg.deleted && JSON.stringify(msg.components).includes(`"v1:${action}:`);
    });
    if (!candidates.length) {
      newVideo('text');
      return;
    }
    const card = rng.pick(candidates);
    const msg = discord.messages.get(card.messageId)!;
    const taskId = new RegExp(`"v1:${action}:([A-Za-z0-9_-]+)"`).exec(JSON.stringify(msg.components))![1]!;
    // Mostly the requester; sometimes another member (must be refused for Delete/Cancel, allowed for Re-roll).
    const other = rng.chance(0.15);
    const g = guilds.indexOf(card.guildId);
    const userId = other ? memberId(g, rng.int(0, options.membersPerGuild - 1)) : card.userId;
    const user = { id: userId, username: `member-${userId.slice(-4)}` };
    const press = () =>
      discord.dispatchComponent({
        customId: `v1:${action}:${taskId}`,
        guildId: card.guildId,
        channelId: card.channelId,
        message: { id: card.messageId, channelId: card.channelId },
        user,
      });
    track(press, { kind: action, guildId: card.guildId, userId });
    if (action !== 'remix' && action !== 'extend') return;
    // The form comes back as a modal; submit it a moment later, like a person typing.
    const p = prompt();
    setTimeout(
      () => {
        const form = () =>
          discord.dispatchModalSubmit({
            customId: `v1:${action}form:${taskId}`,
            guildId: card.guildId,
            channelId: card.channelId,
            message: { id: card.messageId, channelId: card.channelId },
            user,
            fields:
              action === 'remix'
                ? { prompt: p, duration: String(rng.int(4, 8)), ratio: '' }
                : { prompt: p, duration: '5' },
          });
        track(form, {
          kind: action === 'remix' ? 'remixform' : 'extendform',
          guildId: card.guildId,
          userId,
          prompt: p,
        });
      },
      rng.int(200, 1500),
    ).unref();
  }

  function admin(g: number, subcommand: string, opts: CommandOption[], kind: SentInteraction['kind'] = 'admin'): void {
    const command = () =>
      discord.dispatchCommand({
        name: 'video-admin',
        subcommand,
        guildId: guilds[g]!,
        channelId: discord.channelIdOf(guilds[g]!),
        user: { id: adminId(g), username: `admin${g}` },
        memberPermissions: MANAGE_GUILD,
        options: opts,
      });
    track(command, { kind, guildId: guilds[g]!, userId: adminId(g) });
  }

  function setLimit(g: number, name: string, value: number | null, kind: SentInteraction['kind'] = 'admin'): void {
    limitChanges.push({ guildId: guilds[g]!, name, value, at: Date.now() });
    admin(
      g,
      'limit',
      [
        { name: 'name', value: name },
        { name: 'value', value: value === null ? 'none' : String(value) },
      ],
      kind,
    );
  }

  /** An admin changes one limit mid-run (the spend cap only rises, the others move both ways). */
  function changeLimit(): void {
    const g = pickGuild();
    const name = rng.pick(['member_daily_tasks', 'guild_running', 'member_running', 'guild_monthly_spend'] as const);
    const value =
      name === 'member_daily_tasks'
        ? rng.pick([6, 10, 14])
        : name === 'guild_running'
          ? rng.pick([2, 3, 4])
          : name === 'member_running'
            ? rng.pick([0, 1, 2, 2])
            : (spendCaps[g] = (spendCaps[g] ?? 0) + 6);
    setLimit(g, name, value);
  }
  const spendCaps: number[] = [];

  return {
    sent,
    limitChanges,
    counts,
    memberId,
    /** The blocklist term and the starting limits of every server, set by its admin before the traffic. */
    setUp(initial: { spendCap: number }): void {
      for (let g = 0; g < guilds.length; g += 1) {
        admin(
          g,
          'blocklist',
          [
            { name: 'action', value: 'add' },
            { name: 'term', value: BLOCKED_TERM },
          ],
          'admin-setup',
        );
        spendCaps[g] = initial.spendCap;
        setLimit(g, 'guild_monthly_spend', initial.spendCap, 'admin-setup');
      }
    },
    /**
     * After the traffic, admins put the running and daily limits back to where they started, so a request
     * waiting behind a cap an admin lowered (to 0, say) can start and the run can settle.
     */
    restoreLimits(initial: Record<string, number | null>): void {
      for (let g = 0; g < guilds.length; g += 1)
        for (const name of ['guild_running', 'member_running', 'member_daily_tasks'])
          setLimit(g, name, initial[name] ?? null, 'admin-setup');
    },
    /** One step of traffic. */
    act(): void {
      const kind = rng.weighted(ACTION_WEIGHTS);
      switch (kind) {
        case 'reroll':
        case 'retry':
        case 'remix':
        case 'extend':
        case 'cancel':
        case 'delete':
          click(kind);
          return;
        case 'admin':
          changeLimit();
          return;
        case 'burst': {
          const g = pickGuild();
          counts.burst = (counts.burst ?? 0) + 1;
          for (let i = 0; i < 8; i += 1) newVideo('text', g, i % options.membersPerGuild);
          return;
        }
        default:
          newVideo(kind);
          return;
      }
    },
    /** Resolves once every answer the soak waits for has come (or timed out). */
    async drain(): Promise<void> {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}

export type Members = ReturnType<typeof createMembers>;
