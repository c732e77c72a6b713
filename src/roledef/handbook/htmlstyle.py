"""The style sheet of the HTML report, inlined into the page (no external styles or fonts)."""

from __future__ import annotations

CSS = """
:root {
  color-scheme: light dark;
  --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0;
  --bar: #0969da; --bar-extra: #9cc7f5; --error: #b42318; --warning: #8a5a00;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #161b22; --line: #3d444d;
    --bar: #4493f8; --bar-extra: #1f4a80; --error: #ff7b72; --warning: #d29922;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid var(--line); }
code { font: 0.85em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  overflow-wrap: anywhere; }
.muted, .note { color: var(--muted); }
.note { font-size: 0.9rem; }
.totals {
  display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
  gap: 0.5rem; margin: 0;
}
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
  padding: 0.5rem 0.75rem; }
.card dt { font-size: 0.85rem; color: var(--muted); }
.card dd { margin: 0; font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.bars {
  list-style: none; margin: 0; padding: 0; display: grid;
  grid-template-columns: fit-content(18rem) 1fr max-content; gap: 0.35rem 0.75rem;
  align-items: center;
}
.bar-row { display: contents; }
.bar-label { overflow-wrap: anywhere; }
.bar-track { display: flex; height: 1.1rem; background: var(--panel); border-radius: 3px;
  overflow: hidden; }
.bar { display: block; height: 100%; background: var(--bar); }
.bar.extra { background: var(--bar-extra); }
.bar-value { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%;
  border: 1px solid var(--line); border-radius: 6px; }
.scroll:focus { outline: 2px solid var(--bar); }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; padding: 0.5rem 0.75rem; color: var(--muted); }
th, td { padding: 0.4rem 0.75rem; border-top: 1px solid var(--line); text-align: left;
  vertical-align: top; }
code.file { font-weight: normal; color: var(--muted); overflow-wrap: normal; }
thead th { background: var(--panel); white-space: nowrap; }
tbody th { font-weight: 600; min-width: 10rem; }
thead th:first-child, tbody th { position: sticky; left: 0; background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td { min-width: 4rem; }
.sev { white-space: nowrap; }
.sev.error { color: var(--error); }
.sev.warning { color: var(--warning); }
h3 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
footer { margin: 2rem 0 1rem; font-size: 0.85rem; }
@media (max-width: 40rem) {
  main { padding: 0.75rem; }
  .bars { grid-template-columns: 1fr max-content; gap: 0.1rem 0.5rem; }
  .bar-label { grid-column: 1 / -1; margin-top: 0.3rem; }
  .totals { grid-template-columns: repeat(2, 1fr); }
  .card dd { font-size: 1.25rem; }
  table { font-size: 0.85rem; }
  th, td { padding: 0.35rem 0.5rem; }
  td { min-width: 2.5rem; }
  thead th { white-space: normal; min-width: 3rem; }
  tbody th { min-width: 8rem; max-width: 11rem; }
}
"""
