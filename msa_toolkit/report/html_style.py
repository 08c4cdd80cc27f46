"""The HTML report's stylesheet, inlined into every report (no external fonts or files)."""

STYLESHEET = """
:root {
  --ink: #1d2430; --muted: #5b6575; --line: #d9dee6; --paper: #ffffff; --page: #f3f5f8;
  --high: #b42318; --high-bg: #fdecea; --medium: #b54708; --medium-bg: #fff4e0;
  --low: #175cd3; --low-bg: #eaf2ff;
  --business: #3b6fb6; --business-bg: #eef4fc; --clinical: #2f8a57; --clinical-bg: #edf8f1;
  --general: #8a8f98; --general-bg: #f6f6f4; --unassigned: #b8bcc4;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink);
  font: 15px/1.55 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
header.run { display: flex; gap: 1.5em; align-items: baseline; padding: 0.6em 2em; background: #1d2430;
  color: #e6e9ee; font-size: 13px; }
header.run .tool { font-weight: 600; white-space: nowrap; }
header.run .note { color: #b9c0cc; }
main { max-width: 1280px; margin: 0 auto; padding: 1.5em 2em 3em; }
h1 { font-size: 1.45em; margin: 0 0 0.4em; word-break: break-all; }
h2 { font-size: 1.1em; margin: 1.4em 0 0.6em; color: var(--muted); text-transform: uppercase;
  letter-spacing: 0.04em; }
nav.contents, section.summary { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 1.4em 1.8em; margin-bottom: 1.5em; box-shadow: 0 1px 2px rgba(16, 24, 40, 0.05); }
nav.contents ol { margin: 0; padding-left: 1.4em; }
nav.contents li { margin: 0.25em 0; }
.verdict-line { display: flex; gap: 0.8em; align-items: center; flex-wrap: wrap; margin-bottom: 1em; }
.verdict { display: inline-block; padding: 0.25em 0.9em; border-radius: 999px; font-weight: 700;
  letter-spacing: 0.02em; color: #fff; background: var(--general); }
.verdict.small { padding: 0.05em 0.6em; font-size: 0.8em; }
.verdict.noncompliant { background: var(--high); }
.verdict.review { background: var(--medium); }
.verdict.compliant { background: var(--clinical); }
.verdict.error { background: #344054; }
.count { padding: 0.15em 0.7em; border-radius: 6px; font-size: 0.9em; }
.count.sev-high { background: var(--high-bg); color: var(--high); }
.count.sev-medium { background: var(--medium-bg); color: var(--medium); }
.count.sev-low { background: var(--low-bg); color: var(--low); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1.4em; margin: 0 0 1em; }
dl.facts dt { color: var(--muted); font-weight: 600; }
dl.facts dd { margin: 0; }
ul.parties { list-style: none; margin: 0; padding: 0; }
.role { font-size: 0.8em; color: var(--muted); border: 1px solid var(--line); border-radius: 4px;
  padding: 0 0.4em; margin-left: 0.3em; }
.lanes { display: flex; gap: 0.5em; flex-wrap: wrap; }
.lane-chip { padding: 0.15em 0.7em; border-radius: 6px; border-left: 4px solid var(--unassigned);
  background: #fafafa; font-size: 0.9em; }
.lane-chip.lane-business { border-color: var(--business); background: var(--business-bg); }
.lane-chip.lane-clinical { border-color: var(--clinical); background: var(--clinical-bg); }
.lane-chip.lane-general { border-color: var(--general); background: var(--general-bg); }
ol.finding-index { margin: 0; padding-left: 1.6em; }
ol.finding-index li { margin: 0.2em 0; }
ol.finding-index a { color: var(--ink); text-decoration: none; }
ol.finding-index a:hover { text-decoration: underline; }
.where { color: var(--muted); font-size: 0.9em; }
.sev-dot { display: inline-block; width: 0.65em; height: 0.65em; border-radius: 50%; margin-right: 0.4em; }
.sev-dot.sev-high { background: var(--high); }
.sev-dot.sev-medium { background: var(--medium); }
.sev-dot.sev-low { background: var(--low); }
.clean { color: var(--clinical); font-weight: 600; }
.error { background: var(--high-bg); color: var(--high); padding: 0.8em 1em; border-radius: 8px; }
.loose { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 0.8em; }
section.contract { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 0.6em 1.8em 1.4em; }
.row { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 1.2em; padding: 0.25em 0;
  align-items: start; }
.clause { border-left: 4px solid var(--unassigned); padding: 0.45em 0.9em; border-radius: 0 6px 6px 0;
  background: #fff; }
.clause.lane-business { border-color: var(--business); background: var(--business-bg); }
.clause.lane-clinical { border-color: var(--clinical); background: var(--clinical-bg); }
.clause.lane-general { border-color: var(--general); background: var(--general-bg); }
.row.flagged .clause { box-shadow: inset 0 0 0 1px rgba(180, 35, 24, 0.25); }
.level-1 { margin-left: 0; } .level-2 { margin-left: 1.2em; } .level-3 { margin-left: 2.4em; }
.level-4 { margin-left: 3.6em; }
.clause-head { display: flex; gap: 0.5em; align-items: baseline; font-weight: 650; }
.clause-head .num { color: var(--muted); }
.lane-tag { float: right; margin: 0.2em 0 0 1em; font-size: 0.75em; color: var(--muted); white-space: nowrap; }
.lead { font-weight: 650; }
.kind-title .clause-text, .kind-article .clause-text, .kind-exhibit .clause-text { font-weight: 700;
  letter-spacing: 0.02em; }
.clause-text { white-space: pre-wrap; overflow-wrap: anywhere; }
mark { border-radius: 3px; padding: 0 0.1em; }
mark.sev-high { background: #ffd2cc; box-shadow: 0 2px 0 var(--high); }
mark.sev-medium { background: #ffe3b3; box-shadow: 0 2px 0 var(--medium); }
mark.sev-low { background: #d6e6ff; box-shadow: 0 2px 0 var(--low); }
.notes { display: flex; flex-direction: column; gap: 0.6em; }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--low); border-radius: 8px;
  padding: 0.6em 0.9em; background: #fff; font-size: 0.92em; box-shadow: 0 1px 2px rgba(16, 24, 40, 0.06); }
.finding.sev-high { border-left-color: var(--high); }
.finding.sev-medium { border-left-color: var(--medium); }
.finding p { margin: 0.35em 0; }
.finding-head { display: flex; gap: 0.5em; align-items: baseline; flex-wrap: wrap; }
.finding-head .sev { text-transform: uppercase; font-size: 0.75em; font-weight: 700; letter-spacing: 0.05em;
  padding: 0.05em 0.5em; border-radius: 4px; background: var(--low-bg); color: var(--low); }
.finding.sev-high .sev { background: var(--high-bg); color: var(--high); }
.finding.sev-medium .sev { background: var(--medium-bg); color: var(--medium); }
.finding-head .name { font-weight: 600; }
.quote { font-style: italic; color: #344054; }
.why, .cite { color: #344054; }
details.fix { margin-top: 0.4em; border-top: 1px dashed var(--line); padding-top: 0.4em; }
details.fix summary { cursor: pointer; color: var(--clinical); font-weight: 600; }
.replacement { margin-top: 0.4em; padding: 0.5em 0.7em; background: var(--clinical-bg); border-radius: 6px;
  white-space: pre-wrap; font-family: Georgia, "Times New Roman", serif; font-size: 0.95em; }
.placeholder { background: #fff; border: 1px dashed var(--clinical); border-radius: 3px; padding: 0 0.2em;
  font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85em; }
footer.disclaimer { margin-top: 1.5em; padding: 0.9em 1.2em; border-radius: 8px; background: #fff8e6;
  border: 1px solid #f3d48b; }
@media (max-width: 900px) { .row { grid-template-columns: 1fr; } }
@media print {
  body { background: #fff; } header.run { background: none; color: var(--ink); }
  .row { break-inside: avoid; } details.fix { display: block; }
}
"""
