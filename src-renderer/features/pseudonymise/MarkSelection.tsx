// Adding a finding by selecting text in the context lines (issue 16 §2): the
// selection, widened to whole words, becomes a confirmed group with a category
// of the reviewer's choice; every place the text occurs in any transcript
// joins it, so it is replaced consistently — on apply, like any finding.
import { useEffect, useState, type RefObject } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { PSEUDONYM_CATEGORIES, type PseudonymCategory } from '../../../src-shared/contracts/pseudonymise.ts';
import { selectionToWords, usePseudonymise } from './pseudonymise-store.ts';

/** Character offset of a point (node, offset) within the text of `root`. */
function offsetIn(root: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(root);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The words selected inside one context line under `area`, or null. */
function selectedWords(area: HTMLElement): string | null {
  const sel = document.getSelection();
  if (!sel || sel.isCollapsed || !sel.anchorNode || !sel.focusNode) return null;
  const lineOf = (n: Node) => (n instanceof Element ? n : n.parentElement)?.closest('.pseudo__context') ?? null;
  const line = lineOf(sel.anchorNode);
  if (!line || line !== lineOf(sel.focusNode) || !area.contains(line)) return null;
  const text = line.textContent ?? '';
  const words = selectionToWords(text, offsetIn(line, sel.anchorNode, sel.anchorOffset), offsetIn(line, sel.focusNode, sel.focusOffset));
  return words || null;
}

export function MarkSelection({ area, defaultCategory }: { area: RefObject<HTMLElement | null>; defaultCategory: PseudonymCategory }) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [category, setCategory] = useState<PseudonymCategory>(defaultCategory);
  // The selection is kept when focus moves to the category or the button (which collapses it).
  useEffect(() => {
    const track = () => {
      const words = area.current ? selectedWords(area.current) : null;
      if (words) setText(words);
    };
    document.addEventListener('selectionchange', track);
    return () => document.removeEventListener('selectionchange', track);
  }, [area]);
  const mark = useMutation({
    mutationFn: (words: string) => call('pseudonymise.occurrences', { text: words }),
    onSuccess: (span) => {
      if (span.occurrences.length === 0) return;
      usePseudonymise.getState().add(span, category);
      setText(null);
      document.getSelection()?.removeAllRanges();
      (document.querySelector('.pseudo__groups') as HTMLElement | null)?.focus();
    },
  });
  if (!text) return <p className="muted pseudo__mark-hint">{t('pseudonymise.ui.mark.hint')}</p>;
  return (
    <div className="pseudo__mark" role="group" aria-label={t('pseudonymise.ui.mark.title')}>
      <span>{t('pseudonymise.ui.mark.selected')} <strong>{text}</strong></span>
      <label>
        {t('pseudonymise.ui.category')}{' '}
        <select value={category} onChange={(e) => setCategory(e.target.value as PseudonymCategory)}>
          {PSEUDONYM_CATEGORIES.map((c) => <option key={c} value={c}>{t(`pseudonymise.category.${c}`)}</option>)}
        </select>
      </label>
      <Button className="button" isDisabled={mark.isPending} onPress={() => mark.mutate(text)}>{t('pseudonymise.ui.mark.go')}</Button>
      <Button className="button" onPress={() => setText(null)}>{t('pseudonymise.ui.mark.cancel')}</Button>
      {mark.data?.text === text && mark.data.occurrences.length === 0 && <p role="alert">{t('pseudonymise.ui.mark.notFound', { text: mark.data.text })}</p>}
    </div>
  );
}
