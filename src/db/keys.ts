/**
 * Every record key the bot uses, in one place. Keys are `<collection>:<id>`; collections that are read as
 * ranges are laid out so each range is contiguous (a guild's member usage, finished tasks by time).
 */

/** Timestamps in keys are zero-padded so that key order is time order. */
const pad = (ms: number) => String(Math.max(0, Math.floor(ms))).padStart(15, '0');
/** The largest time a padded key holds (year 33658): `MAX_MS - at` orders keys newest first. */
const MAX_MS = 999_999_999_999_999;

export const keys = {
  /**
   * A task record's hot part: its state and what transitions change (see services/tasks/taskStorage). Records
   * written by versions before the split hold the whole task here, with no `task_details:` record.
   */
  task: (id: string) => `tasks:${id}`,
  /** A task record's cold part: the request, who asked and where, the reservation (written at creation, rarely after). */
  taskDetails: (id: string) => `task_details:${id}`,
  /** Index of tasks the bot still has work on (submit, poll, deliver, tell the member). */
  open: (id: string) => `open_tasks:${id}`,
  /** A member's most recent task ids, newest first. */
  userTasks: (userId: string) => `user_tasks:${userId}`,
  /**
   * One task in a member's index of every task they asked for (My videos), newest first in key order: the time
   * is inverted (`MAX_MS - at`). The value is a bare `1`; written with the task, deleted with it (retention).
   */
  memberTask: (userId: string, at: number, id: string) => `member_tasks:${userId}:${pad(MAX_MS - at)}:${id}`,
  /** Index of finished tasks by the time they finished (retention). */
  finished: (finishedAt: number, id: string) => `finished_tasks:${pad(finishedAt)}:${id}`,
  /** A server's own settings. */
  settings: (guildId: string) => `guild_settings:${guildId}`,
  /** A member's own defaults and notification choice (one record for every server). */
  memberSettings: (userId: string) => `member_settings:${userId}`,
  /**
   * A DM still owed to a member who asked to be told when their video ends (written in the transaction that
   * marks the member told; taken, in one transaction, before the DM is sent: at most once).
   */
  dmNotice: (taskId: string) => `dm_notices:${taskId}`,
  /**
   * The usage of a scope (`g<guild>`, or `dm<user>` for a member's direct messages): its current day and month,
   * the previous month and the videos rendering now; with `userId`, the same for one member plus their last request.
   */
  usage: (scope: string, userId?: string) => (userId ? `usage:${scope}:u${userId}` : `usage:${scope}`),
  /**
   * A task waiting for a running slot in its scope (`g<guild>` or `dm<user>`); key order is queue order
   * (first come, first served). The value says whose it is and the member's running cap when it was queued.
   */
  queue: (scope: string, queuedAt: number, id: string) => `queue:${scope}:${pad(queuedAt)}:${id}`,
  /** A task holding a running slot in its scope: when it started and how long it is expected to take. */
  slot: (scope: string, id: string) => `slots:${scope}:${id}`,
  /** An interaction some process of the bot has taken on (processes sharing a database answer it once). */
  claim: (interactionId: string) => `claims:${interactionId}`,
  /** A live process of the bot (heartbeat), when several share the store. */
  process: (processId: string) => `processes:${processId}`,
  /** How long a process's leases on its open tasks last (one record for all of them; see services/cluster/taskLeases). */
  lease: (processId: string) => `leases:${processId}`,
  /**
   * A file the vendor's media review accepted, reused for 30 days: per API key (`fingerprint`, a sha256
   * prefix of the key) and per file (`urlHash`, a sha256 prefix of its URL without the query string).
   */
  asset: (fingerprint: string, urlHash: string) => `assets:${fingerprint}:${urlHash}`,
  /**
   * Render times learned for one kind of video (`model:resolution:duration band`): a decayed log-scale
   * histogram every process merges its finishes into (see services/polling/renderStats).
   */
  renderStats: (kind: string) => `render_stats:${kind}`,
  /**
   * A video to share in its server's gallery, not yet posted (services/gallery): written in the transaction that
   * made the task `done` (auto) or by the Share button, deleted in the one that records the post.
   */
  galleryJob: (taskId: string) => `gallery_jobs:${taskId}`,
  /** A video posted in a server's gallery: where the post is (for Delete, purge, the top list and the digest). */
  galleryPost: (guildId: string, taskId: string) => `gallery_posts:${guildId}:${taskId}`,
  /** A member who keeps their videos out of a server's gallery. */
  galleryOptOut: (guildId: string, userId: string) => `gallery_optout:${guildId}:${userId}`,
  /** The weekly digest of a server for one week (`YYYY-MM-DD` of its Monday): claimed once by one process. */
  galleryDigest: (guildId: string, monday: string) => `gallery_digest:${guildId}:${monday}`,
  /** A purge an admin asked for (`/video-admin gallery-purge`), waiting for their confirmation (by the interaction's id). */
  galleryPurge: (interactionId: string) => `gallery_purges:${interactionId}`,
  /** A signed-in member's web dashboard session (src/web/sessionStore): who they are, their guilds, its expiry. */
  webSession: (sessionId: string) => `web_sessions:${sessionId}`,
  /** Store metadata (schema version). */
  meta: (name: string) => `meta:${name}`,
  /** Records of the first schema, read by the upgrade only. */
  legacy: {
    reservation: (taskId: string) => `reservations:${taskId}`,
  },
} as const;

export const prefixes = {
  task: 'tasks:',
  taskDetails: 'task_details:',
  open: 'open_tasks:',
  userTasks: 'user_tasks:',
  memberTask: 'member_tasks:',
  /** One member's index of every task, newest first (see keys.memberTask). */
  memberTasksOf: (userId: string) => `member_tasks:${userId}:`,
  finished: 'finished_tasks:',
  usage: 'usage:',
  claim: 'claims:',
  queue: 'queue:',
  slots: 'slots:',
  /** The queue of one scope, first in line first. */
  queueOf: (scope: string) => `queue:${scope}:`,
  /** The running slots of one scope. */
  slotsOf: (scope: string) => `slots:${scope}:`,
  process: 'processes:',
  lease: 'leases:',
  /** DMs owed to members when their videos end (see keys.dmNotice). */
  dmNotice: 'dm_notices:',
  /** Reviewed files of every API key (see keys.asset). */
  asset: 'assets:',
  /** Learned render times of every kind of video (see keys.renderStats). */
  renderStats: 'render_stats:',
  /** Every server's own settings. */
  settings: 'guild_settings:',
  /** Web dashboard sessions (see keys.webSession). */
  webSession: 'web_sessions:',
  /** Videos waiting to be posted in a gallery (every server). */
  galleryJob: 'gallery_jobs:',
  /** Gallery purges waiting for their confirmation (every server). */
  galleryPurge: 'gallery_purges:',
  /** Weekly digest claims (every server). */
  galleryDigest: 'gallery_digest:',
  /** The gallery posts of one server. */
  galleryPostsOf: (guildId: string) => `gallery_posts:${guildId}:`,
  /** Every member's usage document of one scope. */
  memberUsage: (scope: string) => `usage:${scope}:u`,
  /** Collections of the first schema, read by the upgrade only. */
  legacy: { running: 'running:', lastRequest: 'last_request:', reservation: 'reservations:' },
} as const;

/** The id part of a key of a collection (`tasks:abc` → `abc`). */
export const idOf = (key: string, prefix: string) => key.slice(prefix.length);

/** The upper bound (exclusive) of claims of interactions made before `at` (ids are Discord snowflakes). */
export const claimsBefore = (at: number) =>
  `claims:${((BigInt(Math.max(0, Math.floor(at))) - 1420070400000n) << 22n).toString()}`;

/** The upper bound (exclusive) of finished-task keys that finished before `at`. */
export const finishedBefore = (at: number) => `finished_tasks:${pad(at)}:`;
