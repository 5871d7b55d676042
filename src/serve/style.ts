/** The viewer's one stylesheet: served as /assets/viewer.css, inlined into a report. No fonts or images to fetch. */
export const STYLESHEET = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6470; --line: #d6dbe1; --accent: #0b5cad; --hit: #ffd54a; --near: #e7f0fb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
header.site { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.2rem; border-bottom: 1px solid var(--line); background: #f6f8fa; }
header.site a.brand { font-weight: 600; color: var(--ink); text-decoration: none; }
header.site form { margin-left: auto; }
main { padding: 1rem 1.2rem 3rem; max-width: 1400px; }
h1 { font-size: 1.35rem; margin: .3rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.8rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.count { color: var(--muted); font-weight: normal; font-size: .9rem; }
.hint, .empty { color: var(--muted); }
a { color: var(--accent); }
table.records { border-collapse: collapse; font-size: .88rem; margin: .3rem 0; }
table.records th, table.records td { border: 1px solid var(--line); padding: .25rem .45rem; vertical-align: top; text-align: left; }
table.records th { background: #f6f8fa; font-weight: 600; white-space: nowrap; }
td.null { color: #aab1ba; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
a.value { text-decoration: none; border-bottom: 1px dotted var(--accent); }
a.aside { font-size: .8rem; color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
pre.doc { white-space: pre-wrap; word-wrap: break-word; font: 13px/1.5 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #fbfbfc; border: 1px solid var(--line); padding: 1rem; }
mark#hit { background: var(--hit); outline: 2px solid #e0a800; scroll-margin-top: 35vh; }
mark.hit { background: var(--hit); }
section.evidence-item:target { background: #fffbea; }
mark.near { background: var(--near); }
blockquote.words { margin: .5rem 0 1rem; padding: .5rem .8rem; border-left: 4px solid var(--hit); background: #fffbea; white-space: pre-wrap; }
figure.chart { margin: .5rem 0 1rem; }
figure.chart svg { max-width: 100%; height: auto; }
svg line.grid { stroke: #e5e8ec; }
svg line.axis-line { stroke: #9aa3ad; }
svg text.axis { font-size: 11px; fill: var(--muted); }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: .85rem; }
ul.legend svg.swatch { vertical-align: -1px; margin-right: .35rem; }
ol.hits li { margin-bottom: .6rem; }
.snippet mark { background: var(--hit); }
section.evidence-item { border-top: 1px solid var(--line); padding-top: .5rem; }
`;
