/**
 * New tasks made from an existing card (Re-roll, Retry, Remix, Extend): the stored request with its Discord
 * media URLs signed anew (not needed for Manxue files already reviewed: their asset ids are used), sent down
 * the same path as /video (policy, blocklist, validation, limits, queue),
 * charged to whoever clicked, and linked back to the card it came from. Refusals are private and change nothing.
 */
import type { RepliableInteraction } from 'discord.js';
import { findModel } from '../../catalog/models.js';
import { type Locale, resolveLocale, t } from '../../i18n/index.js';
import {
  type ParentKind,
  type RequestVideoResult,
  requestVideo,
  type VideoRequestDraft,
} from '../../services/generation/requestVideo.js';
import type { TaskRecord } from '../../services/tasks/taskRecord.js';
import type { BotContext } from '../../discord/botContext.js';
import { cardUrl } from '../../discord/cardUrl.js';
import { publishTask } from '../../discord/publishTask.js';
import { refreshAttachmentUrls } from '../../discord/refreshAttachmentUrls.js';
import { renderProblemList } from '../../discord/render/problemList.js';
import { renderRefusal } from '../../discord/render/refusal.js';
import { tellPrivately } from '../../discord/tellPrivately.js';
import { memberRoleIds, taskOriginOf } from '../../discord/taskOrigin.js';

export { cardUrl };

/** The text a refusal of `requestVideo` is shown with, or undefined when it was accepted or claimed. */
export function refusalText(result: RequestVideoResult, locale: Locale): string | undefined {
  if (result.kind === 'invalid') return renderProblemList(result.problems, locale);
  if (result.kind === 'refused' || result.kind === 'policy' || result.kind === 'blocked')
    return renderRefusal(result, locale);
  return undefined;
}

export async function requestFromCard(
  interaction: RepliableInteraction,
  ctx: BotContext,
  parent: TaskRecord,
  draft: VideoRequestDraft,
  kind: ParentKind,
): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  // The stored references are Discord CDN URLs that expire: sign stale ones anew, or ask for a new upload.
  const refreshed = await refreshAttachmentUrls(interaction.client.rest, mediaUrls(draft), ctx.now());
  let urls = refreshed.ok ? refreshed.urls : new Map<string, string>();
  if (!refreshed.ok) {
    // Files the media review already accepted are sent as their asset ids: their URLs are never fetched again.
    const reviewed = await allReviewed(ctx, draft.model ?? parent.model, mediaUrls(draft));
    ctx.logger.warn(
      { taskId: parent.id, guildId: parent.guildId, reason: refreshed.reason, reviewed },
      reviewed
        ? 'reference URLs could not be refreshed; the reviewed asset ids are used'
        : 'reference URLs could not be refreshed',
    );
    if (!reviewed) {
      await tellPrivately(interaction, t(locale, 'button.mediaExpired'));
      return;
    }
    urls = new Map();
  }
  const result = await requestVideo(ctx, taskOriginOf(interaction), withMediaUrls(draft, urls), {
    parent: { id: parent.id, kind, messageUrl: cardUrl(parent) },
    roleIds: memberRoleIds(interaction),
  });
  const refusal = refusalText(result, locale);
  if (refusal) await tellPrivately(interaction, refusal);
  else if (result.kind === 'accepted') await publishTask(interaction, result.task, ctx);
  // claimed: another process of the bot (sharing the database) answers this interaction.
}

/** Whether the model takes media through the media review and every file of the request passed it already. */
async function allReviewed(ctx: BotContext, model: string, urls: readonly string[]): Promise<boolean> {
  if (!findModel(model)?.assetReview || !ctx.reviewedAssets) return false;
  const files = urls.filter((u) => !u.trim().startsWith('asset://'));
  if (!files.length) return true;
  const known = await ctx.reviewedAssets(files).catch(() => new Map<string, string>());
  return files.every((u) => known.has(u));
}

/** Every media URL a request refers to. */
function mediaUrls(d: VideoRequestDraft): string[] {
  return [d.images, d.referenceVideos, d.referenceAudios, [d.firstImage, d.lastImage]]
    .flatMap((list) => list ?? [])
    .filter((m): m is NonNullable<typeof m> => !!m)
    .map((m) => m.url);
}

/** The request with its media URLs replaced (refreshed ones). */
function withMediaUrls(d: VideoRequestDraft, urls: Map<string, string>): VideoRequestDraft {
  const swap = <M extends { url: string }>(m: M | undefined) => (m ? { ...m, url: urls.get(m.url) ?? m.url } : m);
  return {
    ...d,
    images: d.images?.map((m) => swap(m)!),
    referenceVideos: d.referenceVideos?.map((m) => swap(m)!),
    referenceAudios: d.referenceAudios?.map((m) => swap(m)!),
    firstImage: swap(d.firstImage),
    lastImage: swap(d.lastImage),
  };
}
