/**
 * The composition root: builds every long-lived part once (record store, upstream client, services,
 * Discord client) from the config and passes them down explicitly. Nothing else constructs these.
 * Start-up order matters: the first open tasks are taken over before the bot logs in to the gateway; the rest
 * of a large backlog is adopted, and the store's repairs (reconcile) run, once it takes interactions, each
 * change decided inside its own transaction as an interaction's is.
 */
import { type Client, REST, Routes, Status } from 'discord.js';
import type { Config } from './config/loadConfig.js';
import { openStore } from './db/openStore.js';
import { keys } from './db/keys.js';
import type { RecordStore } from './db/recordStore.js';
import type { BotContext } from './discord/botContext.js';
import { createDiscordClient } from './discord/createDiscordClient.js';
import { checkRegistration } from './discord/checkRegistration.js';
import { createDiscordTaskPresenter } from './discord/discordTaskPresenter.js';
import { gatewayFacts } from './discord/gatewayFacts.js';
import { createMediaService, type MediaService } from './services/media/mediaService.js';
import { INTERACTION_HANDLERS } from './commands/index.js';
import { type AttachedRouter, attachInteractionRouter } from './discord/interactionRouter.js';
import type { Logger } from './logging/logger.js';
import { createProcessRegistry, type ProcessRegistry } from './services/cluster/processRegistry.js';
import { allShards, type ShardSet, shardOf } from './services/cluster/shards.js';
import { createTaskLeases } from './services/cluster/taskLeases.js';
import { createGuildConfig } from './services/guildConfig/guildConfig.js';
import { describeChange, galleryChannelDeleted } from './services/guildConfig/settingsChanges.js';
import { isOptedOut, queueOnDelivered } from './services/gallery/galleryJobs.js';
import { createGalleryService, type GalleryService } from './services/gallery/galleryService.js';
import { activeGallery } from './services/gallery/gallerySettings.js';
import { createGalleryWorker, type GalleryWorker, type GalleryWorkerDeps } from './services/gallery/galleryWorker.js';
import { createWeeklyDigest, type WeeklyDigest } from './services/gallery/weeklyDigest.js';
import { createGalleryPoster } from './discord/galleryPoster.js';
import { cardChecker, reactionCounter } from './discord/galleryReactions.js';
import { createMemberSettings } from './services/memberSettings/memberSettings.js';
import { createSourceMemory } from './services/generation/sourceMemory.js';
import { createDmNotices } from './services/notify/dmNotices.js';
import { dmNoticeSender } from './discord/sendDmNotice.js';
import { createSettingsStore } from './services/guildConfig/settingsStore.js';
import { createPoller, type Poller } from './services/polling/poller.js';
import { fixedPolicy, learnedPolicy } from './services/polling/pollPolicy.js';
import { createRenderStats } from './services/polling/renderStats.js';
import { createRenderTimes } from './services/queue/renderTimes.js';
import { createTaskQueue, type TaskQueue } from './services/queue/taskQueue.js';
import { pruneRecords } from './services/retention/pruneRecords.js';
import { createMetrics, type Metrics } from './services/monitoring/metrics.js';
import { createOperatorBlocklist } from './services/moderation/operatorBlocklist.js';
import { alertOnQuota } from './services/monitoring/quotaAlert.js';
import { type OpsHttpServer, startHttpServer } from './services/monitoring/httpServer.js';
import { startWebServer, type WebServer } from './web/webServer.js';
import { createCanManageGuild } from './discord/canManageGuild.js';
import { checkGalleryChannel } from './discord/galleryChannel.js';
import { attachmentResigner, webCardDeleter } from './discord/taskCardActions.js';
import { createKeyPool, type KeyPool } from './services/seedance/keyPool.js';
import { createAssetCache } from './services/review/assetReview.js';
import { AssetReviewClient } from './services/seedance/assets.js';
import { reconcileOnce } from './services/tasks/reconcileOnce.js';
import { isFinal, type TaskRecord } from './services/tasks/taskRecord.js';
import { type Checkpoint, createTaskService, type TaskService } from './services/tasks/taskService.js';
import { createGuildLedger, type GuildLedger } from './services/usage/guildLedger.js';

export interface AppOptions {
  /** Injected clock (tests); Date.now otherwise. */
  now?: () => number;
  /** Named points of the task lifecycle where a test may stop the process (see tasks/checkpoints.ts). */
  checkpoint?: (name: Checkpoint, task: TaskRecord) => void;
  /** Waits between tries to save a create call's answer after a database failure (tests shorten them). */
  saveRetryMs?: readonly number[];
  /** Where a test may stop the process in the gallery's posting (after Discord took the post, before it is saved). */
  galleryCheckpoint?: GalleryWorkerDeps['checkpoint'];
}

export interface App {
  config: Config;
  logger: Logger;
  store: RecordStore;
  /** The video service's API keys (one or several) as one client. */
  seedance: KeyPool;
  metrics: Metrics;
  /** The health and metrics server, when HTTP_PORT is set (after start). */
  readonly http: OpsHttpServer | undefined;
  /** The web dashboard, when WEB_PORT is set (after start). */
  readonly web: WebServer | undefined;
  tasks: TaskService;
  ledger: GuildLedger;
  poller: Poller;
  queue: TaskQueue;
  media: MediaService;
  discord: Client;
  /** The shards this process runs. */
  shards: ShardSet;
  registry: ProcessRegistry;
  gallery: GalleryService;
  galleryWorker: GalleryWorker;
  /** The weekly "Top 5" (a round runs every 10 minutes; tests run one with the clock on a Monday). */
  galleryDigest: WeeklyDigest;
  /** Repairs the store, takes over open tasks, then logs in; resolves once the gateway is READY. */
  start(): Promise<void>;
  /**
   * Stops taking interactions, lets the ones in flight finish (their create calls included) and the
   * poller's work in flight, each within `graceMs`, then closes Discord and the store.
   */
  stop(graceMs?: number): Promise<void>;
  /** Reads BLOCKLIST_FILE again (SIGHUP); false when it could not be read (the list in use is kept). */
  reloadBlocklist(): boolean;
  /** Runs retention once now (it also runs on a schedule). */
  prune(): ReturnType<typeof pruneRecords>;
}

const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;
/** Gallery posts in flight at once: discord.js queues each route's requests beyond that (rate limits). */
const GALLERY_CONCURRENCY = 2;
/** How often each process looks for servers whose weekly "Top 5" is due (Monday in their time zone). */
const DIGEST_EVERY_MS = 10 * 60 * 1000;

export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const now = options.now ?? Date.now;
  const store = await openStore(
    {
      databasePath: config.databasePath,
      databaseUrl: config.database.url,
      databaseSchema: config.database.schema,
      poolSize: config.database.poolSize,
    },
    logger.child({ component: 'store' }),
  );
  let metrics: Metrics | undefined;
  const seedance = createKeyPool({
    baseUrl: config.seedance.baseUrl,
    apiKeys: config.seedance.apiKeys,
    cooldownMs: config.seedance.keyCooldownMs,
    createPath: config.seedance.createPath,
    queryPath: config.seedance.queryPath,
    timeoutMs: config.seedance.timeoutMs,
    maxAnswerBytes: config.seedance.maxAnswerBytes,
    allowInsecureVideoUrls: config.allowInsecureVideoUrls,
    logger: logger.child({ component: 'seedance' }),
    onExchange: (e) => metrics?.observeExchange(e),
    now,
  });
  // The media review of Manxue uploads (ASSUMED contract, services/seedance/assets.ts) and its reuse cache.
  // Asset ids belong to the account that reviewed them: reviews go to the pool's review key (the first key not
  // set aside), the cache is kept per key fingerprint, and a reviewed task is created with that same key.
  const assetClient = new AssetReviewClient(seedance, config.assets);
  const assetCache = createAssetCache({ store, fingerprint: () => seedance.reviewKey, now });
  const shards = await resolveShards(config);
  const settings = createSettingsStore(store);
  const ledger = createGuildLedger({
    store,
    settings,
    defaults: config.limits,
    dmEnabled: config.dmEnabled,
    userInstall: config.userInstall,
    prices: config.prices,
    now,
  });
  let registry: ProcessRegistry | undefined;
  const leases = createTaskLeases(
    store,
    {
      leaseMs: config.poll.leaseMs,
      shards,
      runElsewhere: (shard) => registry?.shardsRunElsewhere().has(shard) ?? false,
      rank: () => registry?.rank() ?? { index: 0, of: 1 },
    },
    now,
  );
  registry = createProcessRegistry(
    store,
    {
      processId: leases.processId,
      shards,
      budget: config.poll.queriesPerSecond,
      // Heartbeats well inside a lease: a process is known gone long before its tasks' leases run out.
      heartbeatMs: Math.max(100, Math.min(2000, config.poll.leaseMs / 15)),
    },
    logger.child({ component: 'processes' }),
    now,
  );
  const tasks = createTaskService({
    store,
    upstream: seedance,
    ledger,
    logger: logger.child({ component: 'tasks' }),
    now,
    checkpoint: options.checkpoint,
    saveRetryMs: options.saveRetryMs,
    leases,
    review: { cache: assetCache, client: assetClient, key: () => seedance.reviewKey },
    // A finished video is queued for its server's gallery in the transaction that makes its task done.
    onDelivered: queueOnDelivered,
  });
  metrics = createMetrics({ openTasksByState: () => tasks.countOpenByState(), keys: () => seedance.states() });
  const counted = metrics;
  // Each key's tasks in flight (least busy key first), and what the metrics count as it happens.
  tasks.onSaved((t) => {
    if (isFinal(t.state)) seedance.release(t.id);
    else if (t.upstreamKey && (t.state === 'running' || t.state === 'delivering')) seedance.hold(t.id, t.upstreamKey);
  });
  const quotaLogger = logger.child({ component: 'quota' });
  tasks.onStateChange((t) => {
    counted.taskReached(t.state);
    if (t.state === 'done' && t.delivery) counted.delivered(t.delivery.via, t.delivery.mode);
    // Out of balance or quota: the operator is alerted (error log + counter), as the member's card says.
    alertOnQuota(t, { logger: quotaLogger, count: (key) => counted.quotaFailure(key) });
  });
  tasks.onRefused((r) => counted.refusedBy(r.key));
  const discord = createDiscordClient({ restUrl: config.discord.restUrl, shards });
  const media = createMediaService(
    {
      ...config.media,
      download: { allowHttp: config.allowInsecureVideoUrls, allowPrivateHosts: config.allowPrivateVideoHosts },
    },
    logger.child({ component: 'media' }),
  );
  const presenter = createDiscordTaskPresenter(discord, logger.child({ component: 'delivery' }), {
    now,
    media,
    // A gallery that is on but not automatic: the finished card offers Share to gallery (not for opted-out members).
    shareable: async (task) => {
      if (!task.guildId || task.userInstall) return false;
      const g = activeGallery((await settings.get(task.guildId)).gallery);
      return !!g && !g.auto && !(await isOptedOut(store, task.guildId, task.userId));
    },
  });
  // Render times learned per kind of video, shared through the store: the learned polling schedule.
  const renderStats = createRenderStats(store, { now, logger: logger.child({ component: 'render-stats' }) });
  const poller = createPoller({
    policy:
      config.poll.schedule === 'learned' ? learnedPolicy(renderStats, config.poll, now) : fixedPolicy(config.poll),
    tasks,
    upstream: seedance,
    presenter,
    logger: logger.child({ component: 'poller' }),
    settings: { ...config.poll, reviewTimeoutMs: config.assets.reviewTimeoutMs },
    now,
    checkpoint: options.checkpoint,
    leases,
    review: { status: (ids, beforeSend, key) => assetClient.status(ids, beforeSend, key), cache: assetCache },
  });
  const queue = createTaskQueue({
    tasks,
    ledger,
    renderTimes: createRenderTimes(store),
    presenter,
    logger: logger.child({ component: 'queue' }),
    settings: config.queue,
    now,
    // A task that left the queue is sent at once by the process that started it, then followed.
    onStarted: (task) =>
      void tasks.submit(task.id).then(
        (submitted) => {
          poller.track(submitted);
          // Running, or (Manxue uploads) its media in review: the card leaves its queue place.
          if (submitted.state === 'running' || submitted.state === 'reviewing') void presenter.progress(submitted);
        },
        (err: unknown) => {
          logger.error({ err, taskId: task.id, guildId: task.guildId }, 'could not send a task that left the queue');
          poller.track(task);
        },
      ),
    // Each process looks after the queues of the servers its shards own (direct messages: shard 0).
    // Each member's own scope (`u<user>`, user install) too: shard 0, as with direct messages.
    ownsScope: (scope) => shards.ids.includes(shardOf(scope.startsWith('g') ? scope.slice(1) : null, shards.count)),
  });
  // Several processes share the API key's query budget: each polls at its share.
  registry.onShare((share) => poller.setQueryRate(share));
  const guildConfig = createGuildConfig({
    settings,
    defaultLimits: config.limits,
    defaultModel: config.seedance.defaultModel,
    logger: logger.child({ component: 'guild-config' }),
  });
  // The gallery: jobs posted by their own worker (durable, look-first on a later attempt), and its service.
  const galleryLogger = logger.child({ component: 'gallery' });
  const galleryPoster = createGalleryPoster({
    rest: discord.rest,
    botId: () => discord.user?.id,
    media,
    logger: galleryLogger,
  });
  const galleryWorker = createGalleryWorker({
    store,
    settings,
    getTask: (id) => tasks.get(id),
    poster: galleryPoster,
    turnOff: async (guildId, channelId) => {
      const change = galleryChannelDeleted(channelId, now());
      if (change.ok) await guildConfig.change(guildId, 'bot', describeChange(change.summary), change.apply);
    },
    logger: galleryLogger,
    now,
    owner: leases.processId,
    concurrency: GALLERY_CONCURRENCY,
    leaseMs: Math.max(30_000, config.poll.leaseMs),
    retryBaseMs: 1000,
    maxBackoffMs: config.poll.maxBackoffMs,
    sweepMs: 30_000,
    checkpoint: options.galleryCheckpoint,
  });
  tasks.onStateChange((t) => {
    if (t.state === 'done' && t.guildId) galleryWorker.queued(t.id);
  });
  const gallery = createGalleryService({
    store,
    worker: galleryWorker,
    poster: galleryPoster,
    countReactions: reactionCounter(discord.rest),
    cardExists: cardChecker(discord.rest),
    logger: galleryLogger,
    now,
  });
  const galleryDigest = createWeeklyDigest({
    store,
    top: (guildId, limit) => gallery.top(guildId, 'week', limit),
    poster: galleryPoster.digest,
    owns: (guildId) => shards.ids.includes(shardOf(guildId, shards.count)),
    owner: leases.processId,
    leaseMs: 5 * 60_000,
    logger: galleryLogger,
    now,
  });
  // The operator's blocklist: read now (an unreadable file stops the start), again on change or SIGHUP.
  const operatorBlocklist = config.blocklistFile
    ? createOperatorBlocklist({ path: config.blocklistFile, logger: logger.child({ component: 'blocklist' }) })
    : undefined;
  const memberSettings = createMemberSettings({ store, logger: logger.child({ component: 'member-settings' }) });
  // DMs owed to members who asked to hear when their videos end (written when they are told; see services/notify).
  const dmNotices = createDmNotices({
    store,
    getTask: (id) => tasks.get(id),
    send: dmNoticeSender(discord.rest),
    logger: logger.child({ component: 'dm-notices' }),
  });
  tasks.onSaved((t) => dmNotices.kick(t));
  const ctx: BotContext = {
    tasks,
    guildConfig,
    memberSettings,
    ...(operatorBlocklist ? { operatorBlocklist } : {}),
    ledger,
    queue,
    media,
    gallery,
    logger: logger.child({ component: 'discord' }),
    now,
    track: (task) => poller.track(task),
    // The media of messages whose Animate form is open where the bot cannot read them again (user install).
    sourceMemory: createSourceMemory(now),
    reviewedAssets: (urls) => assetCache.lookup(urls, seedance.reviewKey),
  };
  let router: AttachedRouter | undefined;
  let http: OpsHttpServer | undefined;
  let web: WebServer | undefined;
  let gatewayReady = false;
  let pruneTimer: NodeJS.Timeout | undefined;
  let digestTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  /** The start's repairs (reconcile), which run once the bot is ready. */
  let repairing: Promise<void> | undefined;
  /** The invite link and the registered-commands check, logged once the bot is ready. */
  let registrationChecked: Promise<unknown> | undefined;
  const prune = () => pruneRecords(store, { now: now(), taskRetentionMs: config.retention.taskDays * 86_400_000 });
  const pruneQuietly = () =>
    prune().then(
      (report) => logger.info({ ...report }, 'retention: old records deleted'),
      (err: unknown) => logger.error({ err }, 'retention run failed; will try again later'),
    );

  return {
    config,
    logger,
    store,
    seedance,
    tasks,
    ledger,
    poller,
    queue,
    media,
    discord,
    shards,
    registry,
    gallery,
    galleryWorker,
    galleryDigest,
    prune,
    reloadBlocklist: () => operatorBlocklist?.reload() ?? false,
    metrics: counted,
    get http() {
      return http;
    },
    get web() {
      return web;
    },
    async start() {
      // Another process's repair begun after this moment covers what this process's previous life left.
      const startedAt = now();
      // ffmpeg is checked while the rest starts; delivery (in recovery) needs it.
      const mediaReady = media.start();
      // Settings for the local fake video service only: loud, so nobody runs them in production unnoticed.
      if (config.allowInsecureVideoUrls)
        logger.warn(
          'ALLOW_INSECURE_VIDEO_URLS is on: plain http:// video addresses are accepted (the local fake video service only)',
        );
      if (config.allowPrivateVideoHosts)
        logger.warn(
          'ALLOW_PRIVATE_VIDEO_HOSTS is on: videos are fetched from private and loopback addresses too (the local fake video service only)',
        );
      logger.info(
        { keys: seedance.fingerprints.length, fingerprints: seedance.fingerprints },
        'video service API keys loaded',
      );
      if (config.prices)
        logger.info(
          { currency: config.prices.currency, priced: Object.keys(config.prices.prices).length },
          'prices loaded: costs are estimated',
        );
      else if (config.limits.guild_monthly_spend !== null)
        logger.warn('LIMIT_GUILD_MONTHLY_SPEND is set but PRICES is not: the spend limit cannot apply');
      if (config.userInstall.enabled)
        logger.info(
          {
            ...config.userInstall.limits,
            spendApplies: config.prices !== undefined && config.userInstall.limits.monthlySpend !== null,
          },
          'user install on: members may use the app where the bot is not, within these limits',
        );
      // Up before the gateway: an orchestrator sees 503 ("starting") rather than nothing while recovery runs.
      if (config.http)
        http = await startHttpServer({
          ...config.http,
          logger: logger.child({ component: 'http' }),
          health: async () => {
            if (stopped) return { ok: false, reason: 'stopping' };
            // Every shard of this process connected (the client alone stays "ready" while a shard reconnects).
            const shardsUp = discord.isReady() && discord.ws.shards.every((shard) => shard.status === Status.Ready);
            if (!gatewayReady || !shardsUp) return { ok: false, reason: 'the Discord gateway is not ready' };
            const answered = await Promise.race([
              store.get(keys.meta('schema_version')).then(
                () => true,
                () => false,
              ),
              new Promise<false>((r) => setTimeout(() => r(false), 2000).unref()),
            ]);
            return answered ? { ok: true } : { ok: false, reason: 'the database does not answer' };
          },
          metrics: async () => ({ contentType: counted.contentType, body: await counted.scrape() }),
        });
      // The web dashboard reads the store only: it serves members while the rest starts.
      if (config.web)
        web = await startWebServer({
          config: config.web,
          store,
          prices: config.prices,
          operator: { keys: () => seedance.states(), processId: leases.processId, shards },
          logger: logger.child({ component: 'web' }),
          now,
          allowInsecureMedia: config.allowInsecureVideoUrls,
          console: {
            guildConfig,
            ledger,
            tasks,
            queue,
            canManage: createCanManageGuild(discord.rest),
            checkGalleryChannel: (guildId, channelId) =>
              checkGalleryChannel(
                discord.rest,
                guildId,
                channelId,
                discord.user?.id ?? config.discord.applicationId ?? '',
              ),
          },
          // My videos' Delete and video links: the card's Delete button's operation, attachment URLs signed anew.
          deleteCard: webCardDeleter({ rest: discord.rest, logger, gallery, now }),
          resignUrls: attachmentResigner({ rest: discord.rest, logger: logger.child({ component: 'web' }), now }),
        });
      // Tasks already running count towards their key's load (SQLite: this process follows all of them).
      if (seedance.fingerprints.length > 1 && !store.shared)
        for (const t of await tasks.listOpen())
          if (t.upstreamKey && (t.state === 'running' || t.state === 'delivering')) seedance.hold(t.id, t.upstreamKey);
      // Join the other processes first (a shared store): their heartbeats say whether this one is alone.
      await registry.start();
      // Running counts are rebuilt only when no other process is working on the same tasks. The repairs run
      // once the bot is ready (reading every open task took 17 s with 100,000), each decided again inside its
      // transaction, so interactions meanwhile are safe (services/tasks/reconcile.ts).
      const alone = registry.livePeers() === 0;
      // REST works without the gateway: recovery can edit and DM before interactions flow.
      if (config.discord.token) discord.rest.setToken(config.discord.token);
      await mediaReady;
      await renderStats.start();
      const recovered = await poller.start();
      await queue.start();
      // Alone on the store (SQLite): every waiting post is this process's, those claimed before a restart too.
      const galleryJobs = await galleryWorker.start(!store.shared);
      if (galleryJobs) logger.info({ galleryJobs }, 'gallery: videos waiting to be posted taken up');
      operatorBlocklist?.watch();
      const owedDms = await dmNotices.sweep();
      router = attachInteractionRouter(discord, ctx, INTERACTION_HANDLERS);
      const ready = new Promise<void>((resolve) => discord.once('clientReady', () => resolve()));
      await discord.login(config.discord.token);
      await ready;
      gatewayReady = true;
      pruneTimer = setInterval(() => void pruneQuietly(), PRUNE_EVERY_MS);
      pruneTimer.unref();
      digestTimer = setInterval(
        () =>
          void galleryDigest
            .round()
            .catch((err: unknown) => logger.error({ err }, 'gallery: weekly digest round failed')),
        DIGEST_EVERY_MS,
      );
      digestTimer.unref();
      setTimeout(() => void (stopped || pruneQuietly()), 60_000).unref();
      const reconcileLog = logger.child({ component: 'reconcile' });
      // Processes started together repair once (services/tasks/reconcileOnce.ts).
      repairing = reconcileOnce(store, ledger, reconcileLog, {
        processId: leases.processId,
        startedAt,
        rebuildRunning: alone,
        now,
        stopping: () => stopped,
      }).then(
        (r) =>
          r.ran
            ? reconcileLog.info(r.report, 'open tasks checked')
            : reconcileLog.info({ by: r.by }, `open tasks not checked here: ${r.why}`),
        (err: unknown) => reconcileLog.error({ err }, 'could not check the open tasks; the next start will'),
      );
      // The invite link and a warning when "/" would show nothing (discord/checkRegistration.ts); never blocks.
      const applicationId = discord.application?.id ?? config.discord.applicationId;
      if (applicationId)
        registrationChecked = checkRegistration(discord.rest, logger, {
          applicationId,
          devGuildId: config.discord.devGuildId,
          userInstall: config.userInstall.enabled,
        });
      logger.info(
        {
          user: discord.user?.tag,
          guilds: gatewayFacts(discord)?.guildIds.size,
          database: store.location,
          ...recovered,
          owedDms,
        },
        'bot is ready',
      );
    },
    async stop(graceMs = 10_000) {
      if (stopped) return;
      stopped = true;
      if (pruneTimer) clearInterval(pruneTimer);
      if (digestTimer) clearInterval(digestTimer);
      operatorBlocklist?.stop();
      // No new web requests; those in flight finish (they only read the store, closed last).
      await web?.close();
      // Stop taking interactions, then let the handlers in flight finish: a /video whose create call is
      // under way must record the upstream task id, or a restart would have to call it uncertain.
      router?.detach();
      const unfinished = await router?.drain(graceMs);
      if (unfinished) logger.warn({ unfinished }, 'interactions still running at shutdown');
      await queue.stop();
      media.stop();
      await poller.stop(graceMs);
      await galleryWorker.stop(graceMs);
      await dmNotices.stop(graceMs);
      await repairing;
      await registrationChecked;
      await renderStats.stop();
      await registry.stop();
      await discord.destroy();
      await store.close();
      await http?.close();
      logger.info('stopped');
    },
  };
}

/** SHARD_COUNT (or Discord's recommendation for `auto`) and SHARD_IDS (default: all of them). */
async function resolveShards(config: Config): Promise<ShardSet> {
  let count = config.shards.count;
  if (count === 'auto') {
    const rest = new REST(config.discord.restUrl ? { api: config.discord.restUrl } : {}).setToken(
      config.discord.token ?? '',
    );
    count = ((await rest.get(Routes.gatewayBot())) as { shards: number }).shards;
  }
  const ids = config.shards.ids ?? allShards(count).ids;
  const beyond = ids.filter((id) => id >= count);
  if (beyond.length) throw new Error(`SHARD_IDS ${beyond.join(', ')} not below the shard count ${count}`);
  return { count, ids };
}
