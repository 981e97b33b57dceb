/**
 * The operator console (OPERATOR_USER_IDS only): its page and its CSV. Every request is checked against the list
 * on the server (a `preHandler` on the whole plugin): anyone else gets 403, a signed-out visitor's page view is sent
 * to sign in first. Rate limited (each view reads every server's usage document).
 */
import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from 'fastify';
import { wt } from '../../i18n/web/index.js';
import {
  readProcesses,
  readQueueDepth,
  readRecentFailures,
  readServerUsage,
  serverUsageCsv,
} from '../operatorConsole.js';
import { operatorPage, pageCount } from '../pages/operatorPage.js';
import { errorPage } from '../pages/simplePages.js';
import type { WebContext } from '../webServer.js';
import { loginPageHref } from './auth.js';

const READ_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export function operatorRoutes(ctx: WebContext): FastifyPluginAsync {
  const operators = new Set(ctx.deps.config.operatorIds);
  const onlyOperators: preHandlerAsyncHookHandler = async (request, reply) => {
    const member = request.session.get('member');
    if (member && operators.has(member.id)) return;
    if (!member && request.method === 'GET' && request.url.split('?')[0] === '/operator')
      return reply.redirect(loginPageHref(request.url));
    return ctx.sendPage(reply, 403, errorPage(ctx.frame(request, reply), wt(request.locale, 'operator.forbidden')));
  };
  return async (app) => {
    app.addHook('preHandler', onlyOperators);

    app.get('/operator', { config: READ_LIMIT }, async (request, reply) => {
      const now = ctx.now();
      const store = ctx.deps.store;
      const self = ctx.deps.operator;
      const [servers, queue, failures, processes] = await Promise.all([
        readServerUsage(store, now),
        readQueueDepth(store),
        readRecentFailures(store, now),
        self ? readProcesses(store, self) : Promise.resolve([]),
      ]);
      const asked = Number((request.query as Record<string, unknown>).page);
      const page = Math.min(pageCount(servers), Number.isSafeInteger(asked) && asked > 0 ? asked : 1);
      const guildNames = new Map((request.session.get('guilds') ?? []).map((g) => [g.id, g.name]));
      return ctx.sendPage(
        reply,
        200,
        operatorPage(ctx.frame(request, reply), {
          servers,
          page,
          queue,
          keys: self?.keys() ?? [],
          failures,
          processes,
          prices: ctx.deps.prices,
          guildNames,
          now,
        }),
      );
    });

    app.get('/operator/servers.csv', { config: READ_LIMIT }, async (_request, reply) => {
      const servers = await readServerUsage(ctx.deps.store, ctx.now());
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="servers-usage.csv"')
        .type('text/csv; charset=utf-8')
        .send(serverUsageCsv(servers, ctx.deps.prices?.currency));
    });
  };
}
