/** The web layer's small rules: the one HTML escape, return_to, the page language, the web texts, the settings. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.js';
import { LOCALES } from '../../src/i18n/index.js';
import { localeFromAcceptLanguage, wt } from '../../src/i18n/web/index.js';
import { webEnUS } from '../../src/i18n/web/en-US.js';
import { escapeHtml, html } from '../../src/web/escapeHtml.js';
import { safeReturnTo } from '../../src/web/returnTo.js';

describe('escapeHtml: every member text is inert in element text and in quoted attributes', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`" onmouseover="alert(1)`, '&quot; onmouseover&#61;&quot;alert(1)'],
    [`' autofocus onfocus='x`, '&#39; autofocus onfocus&#61;&#39;x'],
    ['</textarea><img src=x onerror=alert(1)>', '&lt;/textarea&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;'],
    ['&lt;already&gt;', '&amp;lt;already&amp;gt;'],
    ['`{{x}}`', '&#96;{{x}}&#96;'],
    ['一只狐狸 🦊 in the snow', '一只狐狸 🦊 in the snow'],
  ])('%j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
    expect(escapeHtml(input)).not.toMatch(/[<>"'`]/);
  });

  it('the html template escapes every value unless it is already safe html', () => {
    const prompt = '<b>bold</b>';
    expect(html`<p title="${prompt}">${prompt}</p>`.value).toBe(
      '<p title="&lt;b&gt;bold&lt;/b&gt;">&lt;b&gt;bold&lt;/b&gt;</p>',
    );
    expect(html`<ul>${['<a>', html`<li>ok</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
    expect(html`${undefined}${null}${false}${0}`.value).toBe('0');
  });
});

describe('return_to after sign-in: our own paths only', () => {
  it.each([
    ['/videos?page=2', '/videos?page=2'],
    ['/videos', '/videos'],
    ['/a/../videos', '/videos'],
    ['https://evil.example/', '/videos'],
    ['//evil.example', '/videos'],
    ['///evil.example', '/videos'],
    ['/\\evil.example', '/videos'],
    ['\\/evil.example', '/videos'],
    ['/\t/evil.example', '/videos'],
    ['/\n/evil.example', '/videos'],
    ['/%2f%2fevil.example', '/videos'],
    ['/%5c%5cevil.example', '/videos'],
    ['javascript:alert(1)', '/videos'],
    ['data:text/html,x', '/videos'],
    ['videos', '/videos'],
    ['', '/videos'],
    [`/${'a'.repeat(600)}`, '/videos'],
  ])('%j → %j', (raw, expected) => {
    expect(safeReturnTo(raw)).toBe(expected);
  });
  it('anything that is not a string goes to the default page', () => {
    expect(safeReturnTo(['/x', '//evil'])).toBe('/videos');
    expect(safeReturnTo(undefined)).toBe('/videos');
  });
});

describe('page language from the browser', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['fr-CA,fr;q=0.9', 'fr'],
    ['es-419', 'es-ES'],
    ['pt', 'pt-BR'],
    ['xx-YY, de;q=0.5', 'de'],
    ['en-GB', 'en-US'],
    ['ja;q=0.2, ko;q=0.8', 'ko'],
    ['*', 'en-US'],
    [undefined, 'en-US'],
  ])('%j → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it('every locale has its own words (no table is a copy of English)', () => {
    for (const locale of LOCALES.filter((l) => l !== 'en-US')) {
      const params = { name: 'n', count: 1, units: 1, page: 1, pages: 2 };
      const text = (l: typeof locale | 'en-US', k: string) =>
        (wt as unknown as (l: string, k: string, p: unknown) => string)(l, k, params);
      const same = Object.keys(webEnUS).filter((k) => text(locale, k) === text('en-US', k));
      expect(same.length, `${locale}: ${same.join(', ')}`).toBeLessThanOrEqual(3);
    }
  });
});

describe('web settings', () => {
  const creds = { DISCORD_TOKEN: 'discord-token-value', SEEDANCE_API_KEY: 'sk_test_value' };
  it('off unless WEB_PORT is set', () => {
    const r = loadConfig(creds);
    expect(r.ok && r.config.web).toBeUndefined();
  });
  it('WEB_PORT without the client secret stops the start with a clear message', () => {
    const r = loadConfig({ ...creds, WEB_PORT: '8090', DISCORD_APPLICATION_ID: '123456789012345678' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual([expect.stringMatching(/^DISCORD_CLIENT_SECRET: required when WEB_PORT is set/)]);
  });
  it('WEB_PORT without any client id is refused too', () => {
    const r = loadConfig({ ...creds, WEB_PORT: '8090', DISCORD_CLIENT_SECRET: 'shh' });
    expect(r.ok ? [] : r.problems).toEqual([expect.stringMatching(/^DISCORD_CLIENT_ID: required/)]);
  });
  it('the client id defaults to the application id; the OAuth calls go to the REST base; operators are a list', () => {
    const r = loadConfig({
      ...creds,
      WEB_PORT: '0',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_CLIENT_SECRET: 'shh-secret',
      DISCORD_REST_URL: 'http://127.0.0.1:9999/api/',
      PUBLIC_URL: 'https://bot.example.com/',
      OPERATOR_USER_IDS: '111111111111111111, 222222222222222222,111111111111111111',
    });
    expect(r.ok ? r.config.web : r.problems).toEqual({
      port: 0,
      host: '127.0.0.1',
      publicUrl: 'https://bot.example.com',
      clientId: '123456789012345678',
      clientSecret: 'shh-secret',
      authorizeUrl: 'https://discord.com/oauth2/authorize',
      apiBase: 'http://127.0.0.1:9999/api/v10',
      operatorIds: ['111111111111111111', '222222222222222222'],
      trustedProxies: ['127.0.0.1', '::1'],
    });
  });
  it('WEB_TRUSTED_PROXIES: a list of addresses or ranges; anything else is named', () => {
    const base = { ...creds, WEB_PORT: '0', DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_CLIENT_SECRET: 's' };
    const r = loadConfig({ ...base, WEB_TRUSTED_PROXIES: '10.0.0.7, 172.16.0.0/12,fd00::/8' });
    expect(r.ok && r.config.web?.trustedProxies).toEqual(['10.0.0.7', '172.16.0.0/12', 'fd00::/8']);
    const bad = loadConfig({ ...base, WEB_TRUSTED_PROXIES: 'proxy.example.com' });
    expect(bad.ok ? [] : bad.problems).toEqual([expect.stringMatching(/^WEB_TRUSTED_PROXIES: expected IP addresses/)]);
  });
  it('a malformed operator list or public URL is named', () => {
    const r = loadConfig({ ...creds, OPERATOR_USER_IDS: 'alice', PUBLIC_URL: 'ftp://x.example' });
    expect(r.ok ? [] : r.problems).toEqual([
      expect.stringMatching(/^PUBLIC_URL: expected an http/),
      expect.stringMatching(/^OPERATOR_USER_IDS: expected Discord user ids/),
    ]);
  });
});
