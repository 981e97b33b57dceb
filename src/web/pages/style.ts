/** The dashboard's one stylesheet (served as /static/web.css; no inline styles, so the CSP needs none). */
export const STYLESHEET = `
:root { color-scheme: light dark; --bg: #f6f6f8; --card: #fff; --fg: #1d1d22; --muted: #666a73; --accent: #5865f2; --border: #dcdde3; }
@media (prefers-color-scheme: dark) { :root { --bg: #1e1f22; --card: #2b2d31; --fg: #f2f3f5; --muted: #a4a8b0; --border: #3f4147; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; background: var(--bg); color: var(--fg); }
header { display: flex; gap: 1rem; align-items: center; justify-content: space-between; padding: .75rem 1.25rem; background: var(--card); border-bottom: 1px solid var(--border); flex-wrap: wrap; }
header .brand { font-weight: 700; text-decoration: none; color: var(--fg); }
header nav { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
main { max-width: 1100px; margin: 0 auto; padding: 1.25rem; }
a { color: var(--accent); }
button, .button { font: inherit; background: var(--accent); color: #fff; border: 0; border-radius: 6px; padding: .45rem .9rem; cursor: pointer; text-decoration: none; display: inline-block; }
form.inline { display: inline; }
.filters { display: flex; gap: .75rem; flex-wrap: wrap; align-items: end; margin-bottom: 1rem; }
.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
.filters input, .filters select { font: inherit; padding: .35rem; border: 1px solid var(--border); border-radius: 6px; background: var(--card); color: var(--fg); }
.videos { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 1rem; }
.video { background: var(--card); border: 1px solid var(--border); border-radius: 10px; padding: .9rem; display: flex; flex-direction: column; gap: .4rem; }
.video video { width: 100%; border-radius: 6px; background: #000; }
.video .prompt { white-space: pre-wrap; word-break: break-word; }
.video dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .75rem; margin: 0; font-size: .9rem; }
.video dt { color: var(--muted); }
.video dd { margin: 0; word-break: break-word; }
.state { font-size: .8rem; font-weight: 600; padding: .1rem .5rem; border-radius: 999px; background: var(--border); align-self: flex-start; }
.state-done { background: #2d7d46; color: #fff; }
.state-failed, .state-timed_out, .state-uncertain { background: #a12d2f; color: #fff; }
.muted { color: var(--muted); }
button.danger { background: #a12d2f; }
.video a.delete { color: #a12d2f; font-size: .9rem; }
.pager { display: flex; gap: 1rem; align-items: center; justify-content: center; margin: 1rem 0; }
.languages { display: flex; gap: .6rem; flex-wrap: wrap; font-size: .85rem; margin-top: 2rem; }
.notice { background: var(--card); border: 1px solid var(--border); border-radius: 10px; padding: 1.25rem; max-width: 520px; }
`;
