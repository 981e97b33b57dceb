/**
 * Discord CDN attachment URLs are signed and expire (about a day, `ex` in the URL): Re-roll and Retry resend
 * stored ones, so stale URLs are signed anew first through `POST /attachments/refresh-urls` (community
 * documented; up to 50 URLs per call, bot token).
 */
import type { REST } from 'discord.js';

const CDN_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);
/** Refresh URLs that expire within this margin, so the video service can still fetch them later. */
const MARGIN_MS = 60 * 60 * 1000;
const PER_CALL = 50;

export function isDiscordCdnUrl(url: string): boolean {
  try {
    return CDN_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** When a signed CDN URL expires (ms), from its hex `ex` parameter; undefined when it carries none. */
export function expiresAt(url: string): number | undefined {
  try {
    const ex = new URL(url).searchParams.get('ex');
    return ex && /^[0-9a-f]+$/i.test(ex) ? Number.parseInt(ex, 16) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export type RefreshResult =
  | { ok: true; urls: Map<string, string> }
  /** `urls`: when Discord answered but left some out (a deleted attachment), those that do work now. */
  | { ok: false; reason: string; urls?: Map<string, string> };

/** Maps every URL to one that works now: fresh ones and non-Discord ones as they are, stale CDN ones signed anew. */
export async function refreshAttachmentUrls(
  rest: REST,
  urls: readonly string[],
  now: number,
  timeoutMs = 2000,
): Promise<RefreshResult> {
  const out = new Map(urls.map((u) => [u, u]));
  const stale = [...new Set(urls.filter((u) => isDiscordCdnUrl(u) && (expiresAt(u) ?? 0) < now + MARGIN_MS))];
  try {
    for (let i = 0; i < stale.length; i += PER_CALL) {
      const answer = (await rest.post('/attachments/refresh-urls', {
        body: { attachment_urls: stale.slice(i, i + PER_CALL) },
        // A button's interaction must be answered within 3 s: never wait longer than that for this.
        signal: AbortSignal.timeout(timeoutMs),
      })) as { refreshed_urls?: Array<{ original: string; refreshed: string }> };
      for (const r of answer.refreshed_urls ?? []) out.set(r.original, r.refreshed);
    }
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  const missing = stale.filter((u) => out.get(u) === u);
  if (!missing.length) return { ok: true, urls: out };
  for (const u of missing) out.delete(u);
  return { ok: false, reason: `${missing.length} URL(s) not refreshed`, urls: out };
}
