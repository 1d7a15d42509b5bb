// The report as Markdown (GitHub-flavoured tables), for analysts who write on in their own editor.
import type { ReportModel, ReportSection, ReportTable } from '../../../src-shared/contracts/analysis.ts';

/** Characters that would start Markdown structure at the start of a line or inside a table cell. */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\s+/g, ' ').trim();
}

function section(s: ReportSection, mark: string): string[] {
  return [
    `${'#'.repeat(s.level + 1)} ${inline(s.title)}`, '',
    ...(s.definition ? [`*${inline(s.definition)}*`, ''] : []),
    ...s.summary.flatMap((p) => [inline(p), '']),
    ...s.narrative.flatMap((p) => [inline(p), '']),
    ...s.quotes.flatMap((q) => [`> “${inline(q.text)}”`, '>', `> ${mark} ${inline(q.attribution)}`, '']),
    ...s.children.flatMap((c) => section(c, mark)),
  ];
}

function table(t: ReportTable): string[] {
  const row = (cells: string[]) => `| ${cells.map(inline).join(' | ')} |`;
  return [
    `**${inline(t.caption)}**`, '',
    row(t.head),
    `| ${t.head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...t.rows.map((r) => row([`${'\u00a0\u00a0'.repeat(r.depth)}${r.cells[0] ?? ''}`, ...r.cells.slice(1)])),
    '',
  ];
}

export function renderMarkdown(model: ReportModel): string {
  return [
    `# ${inline(model.title)}`, '', `*${inline(model.subtitle)}*`, '',
    `## ${inline(model.labels.methods)}`, '', ...model.methods.flatMap((p) => [inline(p), '']),
    ...model.sections.flatMap((s) => section(s, model.labels.quoteMark)),
    `## ${inline(model.labels.appendix)}`, '', ...model.appendix.flatMap(table),
  ].join('\n');
}
