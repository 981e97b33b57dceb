/** What command and button handlers receive from the composition root. */
import type { Logger } from '../logging/logger.js';
import type { GalleryService } from '../services/gallery/galleryService.js';
import type { GuildConfig } from '../services/guildConfig/guildConfig.js';
import type { SourceMemory } from '../services/generation/sourceMemory.js';
import type { MediaService } from '../services/media/mediaService.js';
import type { MemberSettings } from '../services/memberSettings/memberSettings.js';
import type { TaskQueue } from '../services/queue/taskQueue.js';
import type { GuildLedger } from '../services/usage/guildLedger.js';
import type { TaskRecord } from '../services/tasks/taskRecord.js';
import type { TaskService } from '../services/tasks/taskService.js';

export interface BotContext {
  tasks: TaskService;
  guildConfig: GuildConfig;
  /** Each member's own defaults and DM choice (/settings). */
  memberSettings: MemberSettings;
  ledger: GuildLedger;
  /** The per-server queue of requests waiting for a running slot. */
  queue: TaskQueue;
  /** ffmpeg work: last frames for Extend. */
  media: MediaService;
  logger: Logger;
  now: () => number;
  /** The operator's prompt blocklist (BLOCKLIST_FILE), applied everywhere; absent when none is set. */
  operatorBlocklist?: { terms(): readonly string[] };
  /** Media of messages whose Animate / Use as references form is open, where the bot cannot read them again. */
  sourceMemory?: SourceMemory;
  /** Hands a submitted task to the background poller. */
  track(task: TaskRecord): void;
  /**
   * The asset ids of files the media review accepted under the key new reviews go to, by the URLs asked about
   * (Manxue models): such files need no working URL, only their ids.
   */
  /** The gallery (share, opt-out, removal, purge, top list); absent in tests that build a context by hand. */
  gallery?: GalleryService;
  reviewedAssets?(urls: readonly string[]): Promise<Map<string, string>>;
}
