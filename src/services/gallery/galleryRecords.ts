/** The gallery's records: a video waiting to be posted (a job) and a video posted (a post). Plain data. */
import type { GalleryKind } from './gallerySettings.js';

/** A video to post in its server's gallery. Deleted in the transaction that records the post (or drops it). */
export interface GalleryJob {
  taskId: string;
  guildId: string;
  userId: string;
  /** Why: every finished video (auto), or someone pressed Share (by). */
  via: 'auto' | 'button';
  by?: string;
  createdAt: number;
  /**
   * Who is posting it, until when (a lease: another process takes it over after `until`), which attempt this is,
   * and when the first attempt started: a later attempt looks in the gallery for a post made since then first.
   */
  claim?: { owner: string; until: number; attempt: number; firstAt: number };
}

/** A video posted in a gallery: where, and what the top list, Delete and purge need without reading the task. */
export interface GalleryPost {
  taskId: string;
  guildId: string;
  userId: string;
  kind: GalleryKind;
  /** The gallery channel (the forum, or the text channel). */
  channelId: string;
  /** The forum post (a thread) in a forum; the message itself in a text channel. */
  postId: string;
  /** The message carrying the video (a forum post's first message has the thread's id). */
  messageId: string;
  prompt: string;
  model: string;
  postedAt: number;
  /** Where the video's card is (when it was a server message): a card deleted by hand is found by the top list. */
  card?: { channelId: string; messageId: string };
}

/** Where a post landed (what the Discord side answers). */
export interface PlacedPost {
  postId: string;
  messageId: string;
  channelId: string;
  kind: GalleryKind;
}
