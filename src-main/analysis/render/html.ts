// The report as one self-contained HTML file: inline CSS, no scripts, no
// external references (it opens offline anywhere and prints to PDF as is).
import type { ReportChart, ReportModel, ReportSection, ReportTable } from '../../../src-shared/contracts/analysis.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
@page { size: A4; margin: 22mm 20mm 24mm; @bottom-center { content: counter(page); font: 9pt "Noto Sans", system-ui, sans-serif; color: #52606d; } }
@page :first { @bottom-center { content: none; } }
:root { color: #1f2933; font-family: "Noto Serif", Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.5; }
body { max-width: 46em; margin: 2.5em auto; padding: 0 1.2em; }
header.title { margin-bottom: 2.5em; }
h1 { font-size: 22pt; line-height: 1.2; margin: 0 0 .2em; }
.subtitle { font-size: 13pt; color: #52606d; margin: 0; }
h2, h3, h4 { font-family: "Noto Sans", "Segoe UI", system-ui, sans-serif; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 16pt; margin: 2em 0 .5em; border-bottom: 1px solid #d9dde1; padding-bottom: .2em; }
h3 { font-size: 12.5pt; margin: 1.5em 0 .4em; }
h4 { font-size: 11pt; margin: 1.2em 0 .3em; }
section.chapter { break-before: page; page-break-before: always; }
nav.toc ol { padding-left: 1.2em; }
nav.toc ol ol { list-style: none; padding: 0; margin: 0 0 .35em; font-size: 92%; color: #3e4c59; }
nav.toc ol ol li { display: inline; }
nav.toc ol ol li + li::before { content: " · "; }
nav.toc li { margin: .15em 0; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc a:hover, nav.toc a:focus { text-decoration: underline; }
.definition { color: #52606d; font-style: italic; }
.summary { margin: .3em 0; }
p { orphans: 3; widows: 3; }
blockquote { margin: .8em 0 .8em 1.2em; padding: .1em 0 .1em 1em; border-left: 3px solid #9fb3c8; font-style: italic; break-inside: avoid; page-break-inside: avoid; }
blockquote p { margin: 0; }
blockquote footer { font-style: normal; font-family: "Noto Sans", system-ui, sans-serif; font-size: 9.5pt; color: #52606d; margin-top: .25em; }
table { border-collapse: collapse; font-family: "Noto Sans", system-ui, sans-serif; font-size: 9pt; margin: .6em 0 1.6em; width: 100%; }
caption { caption-side: top; text-align: left; font-weight: 600; margin-bottom: .4em; }
th, td { border: 1px solid #d9dde1; padding: .25em .5em; text-align: right; vertical-align: top; }
td { font-variant-numeric: tabular-nums; }
thead th { background: #f1f3f5; vertical-align: bottom; }
thead th:first-child { text-align: left; width: 40%; }
tbody th { text-align: left; font-weight: normal; }
tbody tr.top th { font-weight: 600; }
tbody tr.top { background: #f8f9fa; }
td.zero { color: #616e7c; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
figure.chart { margin: 1.2em 0; break-inside: avoid; }
figure.chart img { max-width: 100%; height: auto; }
figure.chart figcaption { font-family: "Noto Sans", system-ui, sans-serif; font-size: 9pt; color: #52606d; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  header.title { margin: 28mm 0 18mm; }
  h1 { font-size: 26pt; }
  #methods { break-before: page; page-break-before: always; }
}
`;

function quotes(section: ReportSection, mark: string): string {
  return section.quotes
    .map((q) => `<blockquote><p>“${escapeHtml(q.text)}”</p><footer>${escapeHtml(mark)} ${escapeHtml(q.attribution)}</footer></blockquote>`)
    .join('\n');
}

function section(s: ReportSection, mark: string, id: string): string {
  const tag = `h${s.level + 1}`;
  const body = [
    `<${tag} id="${id}">${escapeHtml(s.title)}</${tag}>`,
    s.definition ? `<p class="definition">${escapeHtml(s.definition)}</p>` : '',
    ...s.summary.map((p) => `<p class="summary">${escapeHtml(p)}</p>`),
    ...s.narrative.map((p) => `<p>${escapeHtml(p)}</p>`),
    quotes(s, mark),
    ...s.children.map((c, i) => section(c, mark, `${id}-${i + 1}`)),
  ].filter(Boolean).join('\n');
  return s.level === 1 ? `<section class="chapter">\n${body}\n</section>` : body;
}

function chart(c: ReportChart): string {
  // base64 has no characters that need escaping; the check keeps it that way.
  const png = /^[A-Za-z0-9+/=]+$/.test(c.png) ? c.png : '';
  return `<figure class="chart"><img src="data:image/png;base64,${png}" width="${c.width}" height="${c.height}" alt="${escapeHtml(c.title)}"><figcaption>${escapeHtml(c.title)}</figcaption></figure>`;
}

function table(t: ReportTable): string {
  const head = `<thead><tr>${t.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const rows = t.rows.map((r) => {
    const [label, ...cells] = r.cells;
    // Top-level codes (building blocks) stand out; zeros recede so the counts that matter are seen first.
    const cls = r.depth === 0 ? ' class="top"' : '';
    return `<tr${cls}><th scope="row" style="padding-left:${0.5 + r.depth * 1.2}em">${escapeHtml(label ?? '')}</th>${cells.map((c) => `<td${c === '0' ? ' class="zero"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`;
  }).join('\n');
  return `<table><caption>${escapeHtml(t.caption)}</caption>${head}<tbody>\n${rows}\n</tbody></table>`;
}

export function renderHtml(model: ReportModel): string {
  const mark = model.labels.quoteMark;
  // Chapters and their sub-sections (perspectives or codes), as in the Word version's table of contents.
  const toc = model.sections.map((s, i) => {
    const sub = s.children.map((c, j) => `<li><a href="#s${i + 1}-${j + 1}">${escapeHtml(c.title)}</a></li>`).join('');
    return `<li><a href="#s${i + 1}">${escapeHtml(s.title)}</a>${sub ? `<ol>${sub}</ol>` : ''}</li>`;
  }).join('');
  return `<!DOCTYPE html>
<html lang="${model.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="title"><h1>${escapeHtml(model.title)}</h1><p class="subtitle">${escapeHtml(model.subtitle)}</p></header>
<nav class="toc" aria-label="${escapeHtml(model.labels.contents)}"><h2>${escapeHtml(model.labels.contents)}</h2><ol><li><a href="#methods">${escapeHtml(model.labels.methods)}</a></li>${toc}<li><a href="#appendix">${escapeHtml(model.labels.appendix)}</a></li></ol></nav>
<section id="methods"><h2>${escapeHtml(model.labels.methods)}</h2>
${model.methods.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${(model.charts ?? []).map(chart).join('\n')}
</section>
${model.sections.map((s, i) => section(s, mark, `s${i + 1}`)).join('\n')}
<section class="chapter" id="appendix"><h2>${escapeHtml(model.labels.appendix)}</h2>
${model.appendix.map(table).join('\n')}
</section>
</body>
</html>
`;
}
