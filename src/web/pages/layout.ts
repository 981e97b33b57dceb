/**
 * The frame of every page: the header (links to My videos, the server consoles and, for operators, the operator
 * console; who is signed in; the sign-out form with its CSRF token), the language switch.
 */
import { LANGUAGE_NAMES, wt } from '../../i18n/web/index.js';
import { LOCALES, type Locale } from '../../i18n/index.js';
import { html, type SafeHtml } from '../escapeHtml.js';
import type { SignedInMember } from '../discordOAuth.js';

export interface PageFrame {
  locale: Locale;
  title: string;
  /** The current path and query, for the language links. */
  path: string;
  member?: SignedInMember;
  /** The CSRF token of the session, for the sign-out form (signed-in pages). */
  csrfToken?: string;
  /** The member is one of the operators (OPERATOR_USER_IDS): the header links the operator console. */
  operator?: boolean;
}

/** The current URL with `lang` set to one locale. */
export function withLang(path: string, locale: Locale): string {
  const url = new URL(path, 'http://x.invalid');
  url.searchParams.set('lang', locale);
  return `${url.pathname}${url.search}`;
}

export function layout(frame: PageFrame, body: SafeHtml): string {
  const { locale } = frame;
  const page = html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${frame.title} · ${wt(locale, 'app.title')}</title>
<link rel="stylesheet" href="/static/web.css">
</head>
<body>
<header>
<a class="brand" href="/videos">${wt(locale, 'app.title')}</a>
<nav>
${
  frame.member
    ? html`<a href="/videos">${wt(locale, 'nav.myVideos')}</a>
<a href="/servers">${wt(locale, 'operator.navServers')}</a>
${frame.operator ? html`<a href="/operator">${wt(locale, 'operator.nav')}</a>` : ''}
<span class="muted">${wt(locale, 'nav.signedInAs', { name: frame.member.globalName ?? frame.member.username })}</span>
<form class="inline" method="post" action="/auth/logout"><input type="hidden" name="_csrf" value="${frame.csrfToken ?? ''}"><button type="submit">${wt(locale, 'nav.signOut')}</button></form>`
    : ''
}
</nav>
</header>
<main>
${body}
<nav class="languages" aria-label="${wt(locale, 'nav.language')}">
${LOCALES.map((l) => html`<a href="${withLang(frame.path, l)}" lang="${l}"${l === locale ? html` aria-current="true"` : ''}>${LANGUAGE_NAMES[l]}</a>`)}
</nav>
</main>
</body>
</html>`;
  return page.value;
}
