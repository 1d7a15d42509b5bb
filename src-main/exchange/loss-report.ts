// The loss report as text (shown in the import dialog and the CLI, and saved
// in the new project's journal) and plain text as a memo body.
import type { i18n } from 'i18next';
import type { LossEntry } from '../../src-shared/contracts/exchange.ts';
import { plainFromBody } from '../memos/plain.ts';

/** A Lexical editor state with one paragraph per line, and its plain text as the memo service derives it. */
export function bodyFromPlain(text: string): { body: string; plain: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const body = JSON.stringify({
    root: {
      type: 'root', version: 1, direction: 'ltr', format: '', indent: 0,
      children: lines.map((line) => ({
        type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '',
        children: line === '' ? [] : [{ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text: line }],
      })),
    },
  });
  return { body, plain: plainFromBody(body) ?? '' };
}

/** One line per entry: "3 × PDF selection (a, b, c)". */
export function entryLine(entry: LossEntry<string>, group: 'loss' | 'change', t: i18n['t']): string {
  const what = t(`exchange.${group}.${entry.kind}`, { count: entry.count });
  return entry.detail ? `${entry.count} × ${what}: ${entry.detail}` : `${entry.count} × ${what}`;
}

export function lossReportText(
  plan: { fileName: string; origin: string },
  lost: readonly LossEntry<string>[],
  changes: readonly LossEntry<string>[],
  t: i18n['t'],
): { title: string; text: string } {
  const lines = [t('exchange.report.intro', { file: plan.fileName, origin: plan.origin || '?', date: new Date().toISOString().slice(0, 10) }), ''];
  lines.push(t('exchange.report.lostHeading'));
  if (lost.length === 0) lines.push(t('exchange.report.nothingLost'));
  for (const e of lost) lines.push(`• ${entryLine(e, 'loss', t)}`);
  if (changes.length > 0) {
    lines.push('', t('exchange.report.changedHeading'));
    for (const e of changes) lines.push(`• ${entryLine(e, 'change', t)}`);
  }
  return { title: t('exchange.report.title', { file: plan.fileName }), text: lines.join('\n') };
}
