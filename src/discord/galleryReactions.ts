/**
 * A gallery post's reactions read from Discord: every emoji's count, less the requester's own reaction (the
 * per-emoji user list says who reacted). A post that is gone counts as undefined.
 */
import { DiscordAPIError, type REST, Routes } from 'discord.js';
import type { CardExists, CountReactions } from '../services/gallery/galleryService.js';

/** A card is gone only when Discord says so (the message or its channel unknown); other errors count as there. */
export function cardChecker(rest: REST): CardExists {
  return async (card) => {
    try {
      await rest.get(Routes.channelMessage(card.channelId, card.messageId));
      return true;
    } catch (err) {
      return !(err instanceof DiscordAPIError && [10003, 10008].includes(Number(err.code)));
    }
  };
}

interface Reaction {
  count: number;
  emoji: { id: string | null; name: string | null };
}

/** Where a post's message is: its own thread in a forum, the channel in a text gallery. */
const channelOf = (post: { kind: string; postId: string; channelId: string }) =>
  post.kind === 'forum' ? post.postId : post.channelId;

export function reactionCounter(rest: REST): CountReactions {
  return async (post) => {
    let message: { reactions?: Reaction[] };
    try {
      message = (await rest.get(Routes.channelMessage(channelOf(post), post.messageId))) as typeof message;
    } catch (err) {
      if (err instanceof DiscordAPIError && [10003, 10008, 50001].includes(Number(err.code))) return undefined;
      throw err;
    }
    let total = 0;
    for (const r of message.reactions ?? []) {
      if (r.count <= 0) continue;
      const emoji = r.emoji.id ? `${r.emoji.name}:${r.emoji.id}` : (r.emoji.name ?? '');
      const users = (await rest.get(
        Routes.channelMessageReaction(channelOf(post), post.messageId, encodeURIComponent(emoji)),
        {
          query: new URLSearchParams({ limit: '100' }),
        },
      )) as Array<{ id: string }>;
      total += r.count - (users.some((u) => u.id === post.userId) ? 1 : 0);
    }
    return total;
  };
}
