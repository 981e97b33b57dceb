/**
 * The server console (/servers, /servers/:guildId): for members who manage the server. Every request is checked
 * against the session's sign-in guild list for the exact server in the URL (403 otherwise); every write is checked
 * again with Discord through the bot (`canManage`: a permission removed since signing in counts at once), needs the
 * CSRF token (the app's hook) and is rate limited, then goes through the slash command's own change functions and
 * `guildConfig.change` (one transaction, the same "guild settings changed" line, `via: 'web'`).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { t } from '../../i18n/index.js';
import { wt } from '../../i18n/web/index.js';
import { type Change, describeChange } from '../../services/guildConfig/settingsChanges.js';
import { breakdownCsv } from '../../services/usage/usageReport.js';
import type { MemberGuild } from '../discordOAuth.js';
import { serverConsolePage, serverListPage, type ConsolePageInput } from '../pages/serverConsolePage.js';
import {
  type ChangeRefused,
  type FormRefused,
  galleryChannelOf,
  isConsoleForm,
  managedGuild,
  managesGuild,
  readConsole,
  readConsoleForm,
  readGalleryForm,
  readView,
  type ServerConsoleDeps,
} from '../serverConsole.js';
import type { WebContext } from '../webServer.js';
import { loginPageHref } from './auth.js';

/** 30 saves a minute per signed-in member (an admin behind a shared address is not slowed by another). */
const WRITE_LIMIT = {
  rateLimit: {
    max: 30,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => `console:${request.session.get('member')?.id ?? request.ip}`,
  },
};
/** An error the app's error handler shows with its status (our words for it, never the error's text). */
const httpError = (statusCode: 403 | 404) => Object.assign(new Error(String(statusCode)), { statusCode });
const GUILD_ID = /^\d{17,20}$/;

/** A bot text made for Discord as plain text for the page (mentions as ids, no code marks). */
const plain = (text: string) =>
  text
    .replace(/<#(\d+)>/g, '#$1')
    .replace(/<@&(\d+)>/g, '@$1')
    .replace(/[`*]/g, '');

declare module 'fastify' {
  interface FastifyRequest {
    /** The server of the URL, when the member manages it (the console's preHandler sets it). */
    consoleGuild?: MemberGuild;
  }
}

export function serverConsoleRoutes(ctx: WebContext, deps: ServerConsoleDeps): FastifyPluginAsync {
  /** Signed in, and for /servers/:guildId the sign-in guild list must say they manage that very server. */
  const authorize: preHandlerAsyncHookHandler = async (request, reply) => {
    if (!request.session.get('member')) {
      if (request.method === 'GET') return reply.redirect(loginPageHref(request.url));
      return reply.code(401).send();
    }
    const guildId = (request.params as { guildId?: string }).guildId;
    if (guildId === undefined) return;
    const guild = GUILD_ID.test(guildId) ? managedGuild(request.session.get('guilds'), guildId) : undefined;
    if (!guild) {
      request.log.warn({ user: request.session.get('member')!.id, guildId }, 'web console refused');
      throw httpError(403);
    }
    request.consoleGuild = guild;
  };

  const renderConsole = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    notice?: ConsolePageInput['notice'],
  ) => {
    const guild = request.consoleGuild!;
    const query = request.query as Record<string, unknown>;
    const page = Math.max(1, Math.min(10_000, Number.parseInt(String(query.page ?? '1'), 10) || 1));
    const data = await readConsole(deps, guild.id);
    const frame = ctx.frame(request, reply);
    return ctx.sendPage(
      reply,
      status,
      serverConsolePage(
        { ...frame, csrfToken: frame.csrfToken ?? '' },
        { guild, data, view: readView(query.view), page, prices: ctx.deps.prices, now: ctx.now(), notice },
      ),
    );
  };

  return async (app) => {
    app.addHook('preHandler', authorize);

    app.get('/servers', (request, reply) =>
      ctx.sendPage(
        reply,
        200,
        serverListPage(ctx.frame(request, reply), (request.session.get('guilds') ?? []).filter(managesGuild)),
      ),
    );

    app.get('/servers/:guildId', (request, reply) => {
      const saved = (request.query as Record<string, unknown>).saved;
      return renderConsole(
        request,
        reply,
        200,
        typeof saved === 'string' && saved ? { kind: 'saved', text: wt(request.locale, 'console.saved') } : undefined,
      );
    });

    // The same CSV as /video-admin usage members csv:True.
    app.get('/servers/:guildId/usage.csv', async (request, reply) => {
      const guildId = request.consoleGuild!.id;
      const { month, rows } = await deps.ledger.memberBreakdown(guildId);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="usage-${guildId}-${month}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(breakdownCsv(rows, ctx.deps.prices?.currency));
    });

    app.post('/servers/:guildId/settings/:form', { config: WRITE_LIMIT }, async (request, reply) => {
      const guild = request.consoleGuild!;
      const member = request.session.get('member')!;
      const form = (request.params as { form: string }).form;
      if (!isConsoleForm(form)) throw httpError(404);
      // The sign-in guild list may be days old: Discord is asked again before anything changes.
      if (!(await deps.canManage(guild.id, member.id))) {
        request.log.warn({ user: member.id, guildId: guild.id, form }, 'web console write refused by Discord');
        throw httpError(403);
      }
      const locale = request.locale;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const refused = (r: ChangeRefused | FormRefused) =>
        renderConsole(request, reply, 400, {
          kind: 'refused',
          form,
          text:
            r.key === 'console.badField'
              ? wt(locale, 'console.badField', { value: r.value })
              : plain(t(locale, r.key, { value: r.value })),
        });
      const refusedText = (text: string) => renderConsole(request, reply, 400, { kind: 'refused', form, text });

      let change: Change | FormRefused;
      if (form === 'gallery') {
        const channelId = galleryChannelOf(body);
        if (channelId === undefined)
          return refused({ ok: false, key: 'console.badField', value: String(body.channel) });
        let place: Parameters<typeof readGalleryForm>[1];
        if (channelId) {
          if (!deps.checkGalleryChannel) return refusedText(wt(locale, 'console.gallery.cannotCheck'));
          const check = await deps.checkGalleryChannel(guild.id, channelId);
          if (!check.ok) {
            if (check.why === 'missing')
              return refusedText(
                plain(
                  t(locale, 'gallery.admin.missing', {
                    channel: channelId,
                    list: check.missing
                      .map((p) => t(locale, `gallery.perm.${p}` as 'gallery.perm.ViewChannel'))
                      .join(', '),
                  }),
                ),
              );
            return refusedText(
              plain(
                check.why === 'not_visible'
                  ? t(locale, 'gallery.admin.notVisible', { channel: channelId })
                  : t(locale, 'gallery.admin.badChannel'),
              ),
            );
          }
          place = { channelId, kind: check.kind, locale };
        }
        change = readGalleryForm(body, place);
      } else {
        const current = await deps.guildConfig.effective(guild.id, { fresh: true });
        change = readConsoleForm(form, body, current);
      }
      if (!change.ok) return refused(change);
      const after = await deps.guildConfig.change(
        guild.id,
        member.id,
        describeChange(change.summary),
        change.apply,
        'web',
      );
      const late = change.refusedAfter?.(after);
      if (late) return refused(late);
      // Post/redirect/get: a reload does not send the form again.
      return reply.redirect(`/servers/${guild.id}?saved=${form}#settings`, 303);
    });
  };
}
