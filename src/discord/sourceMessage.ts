/**
 * The media of a message a member started a video from (Animate, Use as references): its image and video
 * attachments and image embeds as plain media, read from the message Discord resolved in the interaction or
 * fetched anew (`GET /channels/{id}/messages/{id}`) when the form is submitted, with stale CDN URLs signed anew.
 */
import { type APIEmbed, type APIMessage, type Message, type REST, Routes } from 'discord.js';
import type { SourceMedia } from '../services/generation/fromMessage.js';
import { sourceUrls, withSourceUrls } from '../services/generation/fromMessage.js';
import type { MediaInput } from '../services/validation/types.js';
import { refreshAttachmentUrls } from './refreshAttachmentUrls.js';

/** An attachment as both the API and discord.js describe it (the fields read here). */
/** What a Discord attachment says about a file (discord.js `Attachment` and the API's attachment both fit). */
export interface AttachmentLike {
  url: string;
  name: string;
  contentType?: string | null;
  size?: number;
  width?: number | null;
  height?: number | null;
  duration?: number | null;
}

const IMAGE_EXT = /\.(jpe?g|png|webp|gif|bmp)$/i;
const VIDEO_EXT = /\.(mp4|mov|webm)$/i;

function kindOf(a: AttachmentLike): 'image' | 'video' | undefined {
  const type = a.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type?.startsWith('image/')) return 'image';
  if (type?.startsWith('video/')) return 'video';
  if (type) return undefined;
  const path = (() => {
    try {
      return new URL(a.url).pathname;
    } catch {
      return a.name;
    }
  })();
  return IMAGE_EXT.test(path) ? 'image' : VIDEO_EXT.test(path) ? 'video' : undefined;
}

/** A member's file as the request takes it. */
export function mediaFromAttachment(a: AttachmentLike): MediaInput {
  return {
    url: a.url,
    name: a.name,
    contentType: a.contentType ?? undefined,
    sizeBytes: a.size,
    width: a.width ?? undefined,
    height: a.height ?? undefined,
    durationSec: a.duration ?? undefined,
    fromAttachment: true,
  };
}

/** The image an embed shows: its image, or for an image link embed its thumbnail (https only). */
function embedImage(e: APIEmbed): string | undefined {
  const url = e.image?.url ?? (e.type === 'image' ? (e.thumbnail?.url ?? e.url) : undefined);
  return url?.startsWith('https://') ? url : undefined;
}

function collect(attachments: AttachmentLike[], embeds: readonly APIEmbed[]): SourceMedia {
  const images: MediaInput[] = [];
  const videos: MediaInput[] = [];
  for (const a of attachments) {
    const kind = kindOf(a);
    if (kind === 'image') images.push(mediaFromAttachment(a));
    else if (kind === 'video') videos.push(mediaFromAttachment(a));
  }
  const seen = new Set(images.map((m) => m.url));
  for (const e of embeds) {
    const url = embedImage(e);
    if (url && !seen.has(url)) {
      seen.add(url);
      images.push({ url, name: new URL(url).pathname.split('/').pop() || 'image' });
    }
  }
  return { images, videos };
}

/** The media of a message as the API returns it. */
export function mediaOfApiMessage(m: Pick<APIMessage, 'attachments' | 'embeds'>): SourceMedia {
  return collect(
    (m.attachments ?? []).map((a) => ({
      url: a.url,
      name: a.filename,
      contentType: a.content_type,
      size: a.size,
      width: a.width,
      height: a.height,
      duration: a.duration_secs,
    })),
    m.embeds ?? [],
  );
}

/** The media of a message as discord.js holds it (the context menu's target). */
export function mediaOfMessage(m: Pick<Message, 'attachments' | 'embeds'>): SourceMedia {
  return collect(
    [...m.attachments.values()],
    m.embeds.map((e) => e.data),
  );
}

/** Each call of the two a submit makes: together well within the 3 s a modal submit must be answered in. */
const READ_TIMEOUT_MS = 1200;

export type FreshSource = { ok: true; media: SourceMedia } | { ok: false; why: 'gone' | 'expired'; detail: string };

/**
 * The message read again (the form may have sat open for minutes, its files changed, or its URLs gone stale),
 * with CDN URLs that expire soon signed anew. Where the bot cannot read it (user install), the media remembered
 * when the form opened (`remembered`) is used instead, signed anew the same way.
 */
export async function readSourceMessage(
  rest: REST,
  channelId: string,
  messageId: string,
  now: number,
  remembered?: SourceMedia,
): Promise<FreshSource> {
  let found: SourceMedia;
  try {
    const message = (await rest.get(Routes.channelMessage(channelId, messageId), {
      signal: AbortSignal.timeout(READ_TIMEOUT_MS),
    })) as APIMessage;
    found = mediaOfApiMessage(message);
  } catch (err) {
    if (!remembered) return { ok: false, why: 'gone', detail: err instanceof Error ? err.message : String(err) };
    found = remembered;
  }
  const refreshed = await refreshAttachmentUrls(rest, sourceUrls(found), now, READ_TIMEOUT_MS);
  if (!refreshed.ok) return { ok: false, why: 'expired', detail: refreshed.reason };
  return { ok: true, media: withSourceUrls(found, refreshed.urls) };
}
