/**
 * Ten languages, end to end (issue 22 §5): through the real discord.js client, a Japanese and a German member
 * get their refusals and their task card in their language, from the locale Discord sends with each interaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // An admin blocks a term (in English); the refusal names it in each member's language.
  const admin = h.discord.dispatchCommand({
    name: 'video-admin',
    subcommand: 'blocklist',
    user: { id: '200000000000000009', username: 'admin' },
    permissions: 1n << 5n,
    options: [
      { name: 'action', value: 'add' },
      { name: 'term', value: 'volcano' },
    ],
  });
  await h.discord.waitForCallback(admin.id);
});
afterAll(async () => {
  await h.close();
});

interface Embed {
  title: string;
  description: string;
  fields: Array<{ name: string; value: string }>;
}

describe.each([
  {
    locale: 'ja',
    user: { id: '200000000000000011', username: 'hanako' },
    problem: /30 秒の長さは指定できません/,
    problemsTitle: 'リクエストは送信されませんでした（問題 1 件）',
    blocked: 'プロンプトに、このサーバーで許可されていない「volcano」が含まれています。',
    title: '動画生成',
    fields: ['モデル', 'パラメーター', 'リクエストした人'],
    done: '✅ 完了',
    buttons: ['再生成', 'リミックス', '削除'],
  },
  {
    locale: 'de',
    user: { id: '200000000000000012', username: 'lena' },
    problem: /Eine Dauer von 30 s ist mit .* nicht möglich/,
    problemsTitle: 'Deine Anfrage wurde nicht gesendet (1 Problem)',
    blocked: 'Der Prompt enthält „volcano“, was auf diesem Server nicht erlaubt ist.',
    title: 'Videoerstellung',
    fields: ['Modell', 'Parameter', 'Angefragt von'],
    done: '✅ Fertig',
    buttons: ['Neu generieren', 'Remixen', 'Löschen'],
  },
])('a member whose Discord is in $locale', (c) => {
  const video = (options: Array<{ name: string; value: string | number }>) =>
    h.discord.dispatchCommand({ name: 'video', subcommand: 'text', user: c.user, options, locale: c.locale });

  it('gets the problems of a bad request in their language, privately, nothing sent', async () => {
    const before = h.seedance.createCount();
    const ix = video([
      { name: 'prompt', value: 'a fox' },
      { name: 'model', value: 'seedance2.0-md' },
      { name: 'duration', value: 30 },
    ]);
    const cb = await h.discord.waitForCallback(ix.id);
    expect((cb.data?.flags as number) & 64).toBe(64);
    expect(String(cb.data?.content)).toContain(c.problemsTitle);
    expect(String(cb.data?.content)).toMatch(c.problem);
    expect(h.seedance.createCount()).toBe(before);
  });

  it('gets a refusal (a blocked term) in their language, privately, nothing sent', async () => {
    const before = h.seedance.createCount();
    const ix = video([{ name: 'prompt', value: 'a Volcano at dawn' }]);
    const cb = await h.discord.waitForCallback(ix.id);
    expect((cb.data?.flags as number) & 64).toBe(64);
    expect(String(cb.data?.content)).toContain(c.blocked);
    expect(cb.data?.allowed_mentions).toEqual({ parse: [] });
    expect(h.seedance.createCount()).toBe(before);
  });

  it('gets the task card in their language, kept when the card is edited to the end', async () => {
    const ix = video([{ name: 'prompt', value: 'waves at dawn' }]);
    await h.discord.waitForCallback(ix.id);
    const [task] = await h.app.tasks.listRecentByUser(c.user.id);
    expect(task?.locale).toBe(c.locale);
    const msg = await eventually(
      () => {
        const m = h.discord.originalMessage(ix.id);
        return m && (m.embeds[0] as Embed | undefined)?.description.includes(c.done) ? m : undefined;
      },
      8000,
      'the finished card',
    );
    const embed = msg.embeds[0] as Embed;
    expect(embed.title).toBe(c.title);
    expect(embed.fields.map((f) => f.name)).toEqual(expect.arrayContaining(c.fields));
    const labels = JSON.stringify(msg.components);
    for (const label of c.buttons) expect(labels).toContain(label);
    expect(labels).not.toContain('Re-roll');
  });
});
