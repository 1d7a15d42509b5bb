// How a memo is named and dated in lists and the editor.
import type { TFunction } from 'i18next';
import type { MemoView } from '../../../src-shared/contracts/memos.ts';

/** The memo's title, else its first line, else "untitled". */
export function memoName(t: TFunction, memo: Pick<MemoView, 'title' | 'plain'>): string {
  if (memo.title) return memo.title;
  const first = memo.plain.split('\n').find((line) => line.trim());
  if (!first) return t('memos.untitled');
  return first.length > 60 ? `${first.slice(0, 60).trimEnd()}…` : first;
}

/** What the memo is about, in words. */
export function memoTarget(t: TFunction, memo: Pick<MemoView, 'targetKind' | 'targetLabel' | 'orphaned'>): string {
  if (memo.orphaned) return t('memos.target.orphaned');
  return t(`memos.target.${memo.targetKind}`, { label: memo.targetLabel ?? '' });
}

/** A stored ISO time as a short local date and time in the UI language. */
export function memoDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
