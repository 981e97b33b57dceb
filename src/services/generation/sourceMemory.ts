/**
 * The media of messages whose Animate / Use as references form is open, for places where the bot cannot read the
 * message again on submit (user install: a server without the bot, a group DM). In memory, for a form's life (an
 * hour, at most 1,000 messages): after a restart such a form asks the member to open it again.
 */
import type { SourceMedia } from './fromMessage.js';

export interface SourceMemory {
  remember(channelId: string, messageId: string, media: SourceMedia): void;
  recall(channelId: string, messageId: string): SourceMedia | undefined;
}

export function createSourceMemory(now: () => number, ttlMs = 60 * 60 * 1000, max = 1000): SourceMemory {
  const byMessage = new Map<string, { at: number; media: SourceMedia }>();
  const key = (channelId: string, messageId: string) => `${channelId}/${messageId}`;
  return {
    remember(channelId, messageId, media) {
      const k = key(channelId, messageId);
      byMessage.delete(k);
      byMessage.set(k, { at: now(), media });
      // A Map keeps insertion order: the first entries are the oldest.
      for (const oldest of byMessage.keys()) {
        if (byMessage.size <= max) break;
        byMessage.delete(oldest);
      }
    },
    recall(channelId, messageId) {
      const entry = byMessage.get(key(channelId, messageId));
      return entry && now() - entry.at <= ttlMs ? entry.media : undefined;
    },
  };
}
