/**
 * Sign in with Discord and sign out: the sign-in page, the redirect to Discord (state + PKCE kept in the session),
 * the callback (state checked, code exchanged, the session id renewed), and sign-out (a CSRF-checked POST that
 * deletes the stored session, so the old cookie is refused from then on). Rate limited.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  authorizeUrl,
  completeLogin,
  LOGIN_TIMEOUT_MS,
  OAuthError,
  startLogin,
  stateMatches,
} from '../discordOAuth.js';
import { loginPage } from '../pages/simplePages.js';
import { safeReturnTo } from '../returnTo.js';
import { SESSION_COOKIE, SESSION_MAX_AGE_MS, type WebContext } from '../webServer.js';

const LOGIN_LIMIT = { rateLimit: { max: 20, timeWindow: '1 minute' } };
const WRITE_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export const loginPageHref = (returnTo: string) => `/auth/login-page?return_to=${encodeURIComponent(returnTo)}`;

export function authRoutes(ctx: WebContext): FastifyPluginAsync {
  const redirectUri = () => `${ctx.publicBase()}/auth/callback`;
  const refuse = (request: FastifyRequest, reply: FastifyReply, returnTo: string) =>
    ctx.sendPage(
      reply,
      400,
      loginPage(ctx.frame(request, reply), `/auth/login?return_to=${encodeURIComponent(returnTo)}`, true),
    );

  return async (app) => {
    app.get('/auth/login-page', { config: LOGIN_LIMIT }, (request, reply) => {
      const returnTo = safeReturnTo((request.query as Record<string, unknown>).return_to);
      if (request.session.get('member')) return reply.redirect(returnTo);
      return ctx.sendPage(
        reply,
        200,
        loginPage(ctx.frame(request, reply), `/auth/login?return_to=${encodeURIComponent(returnTo)}`, false),
      );
    });

    app.get('/auth/login', { config: LOGIN_LIMIT }, (request, reply) => {
      const pending = startLogin(safeReturnTo((request.query as Record<string, unknown>).return_to), ctx.now());
      request.session.set('pending', pending);
      // Until signed in, the session lasts as long as a sign-in may take (retention soon drops abandoned ones).
      if (!request.session.get('member')) request.session.options({ maxAge: LOGIN_TIMEOUT_MS });
      return reply.header('cache-control', 'no-store').redirect(authorizeUrl(ctx.deps.config, redirectUri(), pending));
    });

    app.get('/auth/callback', { config: LOGIN_LIMIT }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const pending = request.session.get('pending');
      // One try per sign-in: whatever happens next, this state and verifier are spent.
      request.session.set('pending', undefined);
      const returnTo = pending?.returnTo ?? safeReturnTo(undefined);
      if (!stateMatches(pending, query.state) || pending.at + LOGIN_TIMEOUT_MS < ctx.now()) {
        request.log.warn({ reason: pending ? 'state' : 'no sign-in under way' }, 'web sign-in refused');
        return refuse(request, reply, returnTo);
      }
      if (typeof query.code !== 'string' || !query.code || query.code.length > 512) {
        request.log.info(
          { reason: typeof query.error === 'string' ? 'denied' : 'no code' },
          'web sign-in not completed',
        );
        return refuse(request, reply, returnTo);
      }
      let signedIn: Awaited<ReturnType<typeof completeLogin>>;
      try {
        signedIn = await completeLogin(ctx.deps.config, redirectUri(), pending, query.code, ctx.deps.fetch);
      } catch (err) {
        request.log.warn(
          { reason: err instanceof OAuthError ? err.kind : 'network', message: (err as Error).message },
          'web sign-in failed',
        );
        return refuse(request, reply, returnTo);
      }
      // A new session id once signed in (no session fixation), holding who they are and their servers.
      await request.session.regenerate();
      request.session.options({ maxAge: SESSION_MAX_AGE_MS });
      request.session.set('member', signedIn.member);
      request.session.set('guilds', signedIn.guilds);
      request.log.info({ user: signedIn.member.id, guilds: signedIn.guilds.length }, 'web sign-in');
      return reply.redirect(returnTo);
    });

    app.post('/auth/logout', { config: WRITE_LIMIT }, async (request, reply) => {
      const user = request.session.get('member')?.id;
      await request.session.destroy();
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      if (user) request.log.info({ user }, 'web sign-out');
      return reply.code(303).redirect('/auth/login-page', 303);
    });
  };
}
