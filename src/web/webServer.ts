/**
 * The web dashboard's server (WEB_PORT): fastify with its maintained plugins, loaded in order (cookie, session in
 * the bot's database, CSRF, helmet's CSP, rate limits, form bodies), then our routes (sign-in, My videos). Its own
 * server, apart from the health/metrics one: that one answers orchestrators on this machine without a login; this
 * one faces members through a reverse proxy, with sessions, CSP and rate limits.
 */
import type { AddressInfo } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import { createHash } from 'node:crypto';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { WebConfig } from '../config/loadConfig.js';
import type { RecordStore } from '../db/recordStore.js';
import type { Locale } from '../i18n/index.js';
import { exactLocale, localeFromAcceptLanguage, wt } from '../i18n/web/index.js';
import type { Logger } from '../logging/logger.js';
import type { PriceTable } from '../services/usage/prices.js';
import type { MemberGuild, PendingLogin, SignedInMember } from './discordOAuth.js';
import type { OperatorSources } from './operatorConsole.js';
import type { DeleteCard, ResignUrls } from './myVideos.js';
import { errorPage } from './pages/simplePages.js';
import { STYLESHEET } from './pages/style.js';
import { authRoutes } from './routes/auth.js';
import { operatorRoutes } from './routes/operator.js';
import { serverConsoleRoutes } from './routes/serverConsole.js';
import type { ServerConsoleDeps } from './serverConsole.js';
import { videoRoutes } from './routes/videos.js';
import { createWebSessionStore } from './sessionStore.js';

declare module 'fastify' {
  interface Session {
    member?: SignedInMember;
    guilds?: MemberGuild[];
    pending?: PendingLogin;
  }
  interface FastifyRequest {
    locale: Locale;
  }
}

export interface WebDeps {
  config: WebConfig;
  store: RecordStore;
  logger: Logger;
  prices?: PriceTable;
  /** This process's key pool and identity, for the operator console (its store figures need only `store`). */
  operator?: OperatorSources;
  now?: () => number;
  /** Allow plain-http video links in the CSP (the loopback fake video service in tests). */
  allowInsecureMedia?: boolean;
  fetch?: typeof fetch;
  /** The server console's services and its Discord checks (absent: no /servers pages). */
  console?: ServerConsoleDeps;
  /** My videos: deletes a task's card in Discord, as its Delete button does (src/discord; absent: no Delete). */
  deleteCard?: DeleteCard;
  /** My videos: signs stale Discord attachment URLs anew, a page's in one call (src/discord). */
  resignUrls?: ResignUrls;
}

/** How long a session lasts after signing in. */
export const SESSION_MAX_AGE_MS = 7 * 86_400_000;
export const SESSION_COOKIE = 'sid';
export const LANG_COOKIE = 'lang';

/** What the routes need besides the request. */
export interface WebContext {
  deps: WebDeps;
  now: () => number;
  /** Where members reach us: PUBLIC_URL, else the bound address. */
  publicBase: () => string;
  secureCookies: boolean;
  /** Sends a page in the request's language with the status and no caching. */
  sendPage(reply: FastifyReply, status: number, page: string): FastifyReply;
  frame(
    request: FastifyRequest,
    reply: FastifyReply,
  ): { locale: Locale; path: string; member?: SignedInMember; csrfToken?: string; operator?: boolean };
}

export const isSecureUrl = (url: string | undefined) => !!url && url.toLowerCase().startsWith('https://');

export async function buildWebApp(deps: WebDeps, bound: () => string): Promise<FastifyInstance> {
  const now = deps.now ?? Date.now;
  const log = deps.logger;
  const secureCookies = isSecureUrl(deps.config.publicUrl);
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // Request lines are written by our hook below, with the path only: a query can carry an OAuth code or state.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: deps.config.trustedProxies ?? ['127.0.0.1', '::1'],
    bodyLimit: 64 * 1024,
  });
  // The session cookie is signed with a key derived from the client secret (one secret less to keep).
  const sessionSecret = createHash('sha256').update(`web-session:${deps.config.clientSecret}`).digest('base64url');

  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: sessionSecret,
    cookieName: SESSION_COOKIE,
    saveUninitialized: false,
    // A fixed lifetime from sign-in (no store write on every page view; a stolen cookie cannot be kept alive).
    rolling: false,
    store: createWebSessionStore(deps.store, { now, maxAgeMs: SESSION_MAX_AGE_MS }),
    cookie: { httpOnly: true, secure: secureCookies, sameSite: 'lax', path: '/', maxAge: SESSION_MAX_AGE_MS },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });
  await app.register(fastifyFormbody);
  const mediaSources = ["'self'", 'https:', ...(deps.allowInsecureMedia ? ['http:'] : [])];
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https://cdn.discordapp.com', 'https://media.discordapp.net'],
        // The video service's file host is not fixed (and media cannot run code): any https origin.
        mediaSrc: mediaSources,
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(fastifyRateLimit, { global: false });

  app.decorateRequest('locale', 'en-US');
  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const asked = exactLocale(query.lang);
    if (asked)
      reply.setCookie(LANG_COOKIE, asked, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        maxAge: 365 * 86_400,
      });
    request.locale =
      asked ??
      exactLocale(request.cookies[LANG_COOKIE]) ??
      localeFromAcceptLanguage(request.headers['accept-language']);
  });
  // Every write carries the session's CSRF token (a form field `_csrf` or the `csrf-token` header), else 403.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return done();
    app.csrfProtection(request, reply, done);
  });
  app.addHook('onResponse', async (request, reply) => {
    log.debug(
      {
        method: request.method,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'web request',
    );
  });

  const ctx: WebContext = {
    deps,
    now,
    publicBase: () => deps.config.publicUrl ?? bound(),
    secureCookies,
    sendPage: (reply, status, page) =>
      reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page),
    frame(request, reply) {
      const member = request.session.get('member');
      return {
        locale: request.locale,
        path: request.url,
        ...(member
          ? { member, csrfToken: reply.generateCsrf(), operator: deps.config.operatorIds.includes(member.id) }
          : {}),
      };
    },
  };

  app.setErrorHandler((err: Error & { statusCode?: number }, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) log.error({ err, path: request.url.split('?')[0] }, 'web request failed');
    const key =
      status === 404
        ? 'error.notFound'
        : status === 429
          ? 'error.tooMany'
          : status >= 500
            ? 'error.server'
            : 'error.forbidden';
    // 4xx: our own words, never the error's text; 5xx: nothing of the error at all.
    return ctx.sendPage(reply, status, errorPage({ locale: request.locale, path: '/' }, wt(request.locale, key)));
  });
  // Unknown URLs are how a site is probed: rate limited.
  app.setNotFoundHandler({ preHandler: app.rateLimit({ max: 60, timeWindow: '1 minute' }) }, (request, reply) =>
    ctx.sendPage(reply, 404, errorPage({ locale: request.locale, path: '/' }, wt(request.locale, 'error.notFound'))),
  );

  app.get('/static/web.css', (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(STYLESHEET),
  );
  app.get('/', (request, reply) => reply.redirect(request.session.get('member') ? '/videos' : '/auth/login-page'));
  await app.register(authRoutes(ctx));
  await app.register(videoRoutes(ctx));
  await app.register(operatorRoutes(ctx));
  if (deps.console) await app.register(serverConsoleRoutes(ctx, deps.console));
  return app;
}

export interface WebServer {
  /** `http://host:port` as bound. */
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startWebServer(deps: WebDeps): Promise<WebServer> {
  let url = '';
  const app = await buildWebApp(deps, () => url);
  await app.listen({ port: deps.config.port, host: deps.config.host });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  url = `http://${host}:${address.port}`;
  deps.logger.info(
    { url, publicUrl: deps.config.publicUrl, redirect: `${deps.config.publicUrl ?? url}/auth/callback` },
    'web dashboard listening',
  );
  return { url, app, close: () => app.close() };
}
