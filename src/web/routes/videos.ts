/** My videos (signed-in members only: others are sent to sign in and come back here). */
import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from 'fastify';
import { listMyVideos, readFilter } from '../myVideos.js';
import { myVideosPage } from '../pages/myVideosPage.js';
import type { WebContext } from '../webServer.js';
import { loginPageHref } from './auth.js';

export function videoRoutes(ctx: WebContext): FastifyPluginAsync {
  /** Every route of this plugin is for signed-in members: a page sends others to sign in, anything else gets 401. */
  const signedIn: preHandlerAsyncHookHandler = async (request, reply) => {
    if (request.session.get('member')) return;
    if (request.method === 'GET') return reply.redirect(loginPageHref(request.url));
    return reply.code(401).send();
  };
  return async (app) => {
    app.addHook('preHandler', signedIn);
    app.get('/videos', async (request, reply) => {
      const member = request.session.get('member')!;
      const filter = readFilter(request.query as Record<string, unknown>);
      const page = await listMyVideos(ctx.deps.tasks, member.id, filter);
      const guildNames = new Map((request.session.get('guilds') ?? []).map((g) => [g.id, g.name]));
      return ctx.sendPage(
        reply,
        200,
        myVideosPage(ctx.frame(request, reply), { page, filter, guildNames, prices: ctx.deps.prices, now: ctx.now() }),
      );
    });
  };
}
