/**
 * "Top 5 of the week": on Monday in a server's time zone, its gallery gets the week's most-reacted videos, once
 * even with several processes: a transaction claims the week (`gallery_digest:<guild>:<monday>`) before posting,
 * and the claim becomes `posted` with the message. A claim whose process died (lease over) is taken over, looking
 * for the digest message first.
 */
import { keys, prefixes } from '../../db/keys.js';
import type { RecordStore } from '../../db/recordStore.js';
import type { Logger } from '../../logging/logger.js';
import type { GuildSettings } from '../guildConfig/settingsStore.js';
import { DEFAULT_TIME_ZONE, periodsAt } from '../usage/periods.js';
import type { GalleryPost } from './galleryRecords.js';
import { activeGallery, type GallerySettings } from './gallerySettings.js';

export const DIGEST_SIZE = 5;

interface DigestClaim {
  owner: string;
  until: number;
  /** When the first claim was made: a later one looks for a digest posted since. */
  firstAt: number;
  postedAt?: number;
  messageId?: string;
}

/** The local date (`YYYY-MM-DD`) when it is Monday in `timeZone` at `at`, else undefined. */
export function mondayOf(at: number, timeZone: string): string | undefined {
  const day = periodsAt(at, timeZone).day;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 1 ? day : undefined;
}

/** The Discord side of the digest (src/discord/galleryPoster.ts). */
export interface DigestPoster {
  post(gallery: GallerySettings, monday: string, entries: Array<{ post: GalleryPost; count: number }>): Promise<string>;
  find(gallery: GallerySettings, monday: string, since: number): Promise<string | undefined>;
}

export function createWeeklyDigest(deps: {
  store: RecordStore;
  top(guildId: string, limit: number): Promise<Array<{ post: GalleryPost; count: number }>>;
  poster: DigestPoster;
  /** Whether this process looks after a server (its shards). */
  owns(guildId: string): boolean;
  owner: string;
  leaseMs: number;
  logger: Logger;
  now: () => number;
}) {
  async function claim(guildId: string, monday: string): Promise<{ lookFirst: boolean; firstAt: number } | undefined> {
    const at = deps.now();
    return deps.store.transact([keys.galleryDigest(guildId, monday)], (tx) => {
      const current = tx.get<DigestClaim>(keys.galleryDigest(guildId, monday));
      // Posted, or someone (this process too: a round still under way) holds the week.
      if (current?.postedAt || (current && current.until > at)) return undefined;
      const next: DigestClaim = { owner: deps.owner, until: at + deps.leaseMs, firstAt: current?.firstAt ?? at };
      tx.set(keys.galleryDigest(guildId, monday), next);
      return { lookFirst: current !== undefined, firstAt: next.firstAt };
    });
  }

  async function markPosted(guildId: string, monday: string, messageId: string): Promise<void> {
    await deps.store.transact([keys.galleryDigest(guildId, monday)], (tx) => {
      const current = tx.get<DigestClaim>(keys.galleryDigest(guildId, monday));
      tx.set(keys.galleryDigest(guildId, monday), { ...current, postedAt: deps.now(), messageId });
    });
  }

  /** One server's digest, if it is due: claimed, posted, recorded. */
  async function runFor(guildId: string, gallery: GallerySettings, timeZone: string): Promise<boolean> {
    const monday = mondayOf(deps.now(), timeZone);
    if (!monday) return false;
    const claimed = await claim(guildId, monday);
    if (!claimed) return false;
    const log = deps.logger.child({ guildId, week: monday });
    const found = claimed.lookFirst ? await deps.poster.find(gallery, monday, claimed.firstAt - 5_000) : undefined;
    const entries = found ? [] : await deps.top(guildId, DIGEST_SIZE);
    const messageId = found ?? (await deps.poster.post(gallery, monday, entries));
    await markPosted(guildId, monday, messageId);
    log.info({ entries: entries.length, found: found !== undefined }, 'gallery: weekly top 5 posted');
    return true;
  }

  return {
    /** Every server with the digest on whose Monday it is: posts its digest (once). Resolves with how many. */
    async round(): Promise<number> {
      let posted = 0;
      for await (const page of deps.store.pages<GuildSettings>(prefixes.settings)) {
        for (const [key, settings] of page) {
          const guildId = key.slice(prefixes.settings.length);
          const gallery = activeGallery(settings.gallery);
          if (!gallery?.digest || !deps.owns(guildId)) continue;
          try {
            if (await runFor(guildId, gallery, settings.timeZone ?? DEFAULT_TIME_ZONE)) posted += 1;
          } catch (err) {
            deps.logger.warn({ err, guildId }, 'gallery: weekly top 5 failed; will try again');
          }
        }
      }
      return posted;
    },
  };
}

export type WeeklyDigest = ReturnType<typeof createWeeklyDigest>;
