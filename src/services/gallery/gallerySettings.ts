/** A server's gallery as stored in its settings: where finished videos are shared, and how. */
import type { Locale } from '../../i18n/index.js';

/** What kind of channel the gallery is: a forum (one post per video) or a text channel (one message per video). */
export type GalleryKind = 'forum' | 'text';

export interface GallerySettings {
  channelId: string;
  kind: GalleryKind;
  /** true: every finished video is shared; false: the card gets a Share to gallery button. */
  auto: boolean;
  /** Posts "Top 5 of the week" into the gallery every Monday (the server's time zone). */
  digest?: boolean;
  /** The language of what the bot posts there on its own (the weekly digest): the admin's who set it. */
  locale?: Locale;
  /** The bot turned the gallery off itself (its channel was deleted): shown in /video-admin show. */
  off?: { reason: 'channel_deleted'; at: number };
}

/** The gallery in use (set and not turned off), if any. */
export function activeGallery(g: GallerySettings | undefined): GallerySettings | undefined {
  return g && !g.off ? g : undefined;
}
