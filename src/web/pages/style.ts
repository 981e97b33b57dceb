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
.figures { border-collapse: collapse; width: 100%; background: var(--card); font-size: .9rem; margin: .5rem 0; }
.figures th, .figures td { border-bottom: 1px solid var(--border); padding: .35rem .6rem; text-align: left; }
.figures td.n { text-align: right; font-variant-numeric: tabular-nums; }
.figures td.bad { color: #c0392b; }
.operator-section { margin: 1.5rem 0; }
.totals { display: grid; grid-template-columns: auto 1fr; gap: .2rem 1rem; }
.totals dd { margin: 0; font-weight: 600; }
/* The server console */
.panel { background: var(--card); border: 1px solid var(--border); border-radius: 10px; padding: 1rem 1.25rem; margin-bottom: 1.25rem; }
.switch { display: flex; gap: 1rem; } .switch .current { font-weight: 700; text-decoration: none; color: var(--fg); }
.chart { margin: .5rem 0; } .chart svg { display: block; max-width: 100%; height: auto; }
.chart .grid { stroke: var(--border); } .chart .axis { fill: var(--muted); font-size: 11px; } .chart .hit { fill: transparent; }
.chart .bar:hover rect:not(.hit) { opacity: .8; } .chart .bar:hover .hit { fill: var(--border); fill-opacity: .35; }
.c0 { fill: #5865f2; background: #5865f2; } .c1 { fill: #3ba55d; background: #3ba55d; } .c2 { fill: #faa61a; background: #faa61a; } .c3 { fill: #ed4245; background: #ed4245; }
.c4 { fill: #9b59b6; background: #9b59b6; } .c5 { fill: #1abc9c; background: #1abc9c; } .c6 { fill: #e67e22; background: #e67e22; } .c7 { fill: #607d8b; background: #607d8b; }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; font-size: .85rem; } .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .3rem; vertical-align: middle; }
table.members { border-collapse: collapse; width: 100%; font-size: .9rem; } table.members th, table.members td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--border); }
.settings { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; } .settings dt { color: var(--muted); } .settings dd { margin: 0; word-break: break-word; }
.forms { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 1rem; } .forms h2 { grid-column: 1 / -1; margin: 0; }
form.setting { display: flex; flex-direction: column; gap: .5rem; border: 1px solid var(--border); border-radius: 8px; padding: .75rem; } form.setting h3 { margin: 0; font-size: 1rem; }
form.setting label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); } form.setting label.check { flex-direction: row; gap: .4rem; align-items: center; }
form.setting input, form.setting select { font: inherit; padding: .35rem; border: 1px solid var(--border); border-radius: 6px; background: var(--card); color: var(--fg); }
.saved { background: #2d7d46; color: #fff; padding: .6rem 1rem; border-radius: 8px; } .refusal { background: #a12d2f; color: #fff; padding: .6rem 1rem; border-radius: 8px; }
.notice { background: var(--card); border: 1px solid var(--border); border-radius: 10px; padding: 1.25rem; max-width: 520px; }
`;
