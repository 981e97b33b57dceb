/**
 * My videos (signed-in members only: others are sent to sign in and come back here): the page, and Delete of a
 * task's card (a confirmation page, then a CSRF-checked, rate-limited POST; only the member's own tasks).
 */
import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from 'fastify';
import { readOneTask } from '../../services/tasks/taskStorage.js';
import {
  cachedResigner,
  DELETE_OUTCOMES,
  type DeleteOutcome,
  listMyVideos,
  mayDeleteCard,
  readFilter,
  urlsToResign,
} from '../myVideos.js';
import { deleteCardPage, myVideosPage } from '../pages/myVideosPage.js';
import type { WebContext } from '../webServer.js';
import { loginPageHref } from './auth.js';

const WRITE_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };
const TASK_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** For a plugin's every route: a page sends others to sign in, anything else gets 401. */
export const signedInOnly: preHandlerAsyncHookHandler = async (request, reply) => {
  if (request.session.get('member')) return;
  if (request.method === 'GET') return reply.redirect(loginPageHref(request.url));
  return reply.code(401).send();
};

export function videoRoutes(ctx: WebContext): FastifyPluginAsync {
  const resign = ctx.deps.resignUrls && cachedResigner(ctx.deps.resignUrls, ctx.now);
  const deleteCard = ctx.deps.deleteCard;
  /** The signed-in member's own task named in the URL; anyone else's (or none) is simply not found. */
  const ownTask = async (memberId: string, id: string) => {
    if (!TASK_ID.test(id)) return undefined;
    const task = await readOneTask(ctx.deps.store, id);
    return task && task.userId === memberId ? task : undefined;
  };
  const notFound = () => Object.assign(new Error('not found'), { statusCode: 404 });

  return async (app) => {
    app.addHook('preHandler', signedInOnly);
    app.get('/videos', async (request, reply) => {
      const member = request.session.get('member')!;
      const query = request.query as Record<string, unknown>;
      const filter = readFilter(query);
      const page = await listMyVideos(ctx.deps.store, member.id, filter);
      const now = ctx.now();
      const stale = urlsToResign(page.items, now);
      // A page still renders when Discord does not answer: those videos show as expired.
      const resigned = stale.length && resign ? await resign(stale).catch(() => new Map<string, string>()) : new Map();
      const guildNames = new Map((request.session.get('guilds') ?? []).map((g) => [g.id, g.name]));
      const notice = DELETE_OUTCOMES.find((o) => o === query.notice);
      return ctx.sendPage(
        reply,
        200,
        myVideosPage(ctx.frame(request, reply), {
          page,
          filter,
          guildNames,
          prices: ctx.deps.prices,
          now,
          resigned,
          canDelete: !!deleteCard,
          ...(notice ? { notice } : {}),
        }),
      );
    });

    app.get<{ Params: { id: string } }>('/videos/:id/delete', async (request, reply) => {
      const task = deleteCard && (await ownTask(request.session.get('member')!.id, request.params.id));
      if (!task || !mayDeleteCard(task)) throw notFound();
      return ctx.sendPage(reply, 200, deleteCardPage(ctx.frame(request, reply), task));
    });

    app.post<{ Params: { id: string } }>('/videos/:id/delete', { config: WRITE_LIMIT }, async (request, reply) => {
      const member = request.session.get('member')!;
      const task = deleteCard && (await ownTask(member.id, request.params.id));
      if (!task || !deleteCard || !mayDeleteCard(task)) throw notFound();
      const outcome: DeleteOutcome = await deleteCard(task, member.id);
      return reply.redirect(`/videos?notice=${outcome}`, 303);
    });
  };
}
