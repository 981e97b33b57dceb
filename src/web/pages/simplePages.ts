/** The sign-in page and the error page. */
import { wt } from '../../i18n/web/index.js';
import { html } from '../escapeHtml.js';
import { layout, type PageFrame } from './layout.js';

export function loginPage(frame: Omit<PageFrame, 'title'>, loginHref: string, failed: boolean): string {
  const { locale } = frame;
  return layout(
    { ...frame, title: wt(locale, 'login.title') },
    html`<section class="notice">
<h1>${wt(locale, 'login.title')}</h1>
${failed ? html`<p role="alert">${wt(locale, 'login.failed')}</p>` : ''}
<p>${wt(locale, 'login.intro')}</p>
<p><a class="button" href="${loginHref}">${wt(locale, 'login.button')}</a></p>
</section>`,
  );
}

export function errorPage(frame: Omit<PageFrame, 'title'>, message: string): string {
  return layout({ ...frame, title: message }, html`<section class="notice"><p role="alert">${message}</p></section>`);
}
