import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Label, ListBox, ListBoxItem, Popover, Radio, RadioGroup, Select, SelectValue, TextArea, TextField } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { useSource } from '../../state/queries.ts';
import type { AgreementReport, ReviewTarget } from '../../../src-shared/contracts/agreement.ts';
import { CONSENSUS_CODER } from '../../../src-shared/contracts/constants.ts';
import { useAgreementUi, type Setup } from './agreement-store.ts';
import { decimals } from './format.ts';
import { ReviewItemView, selectedRange } from './ReviewItem.tsx';
import { recordDecision, type Decision } from './actions.ts';

const isTyping = (el: EventTarget | null) => el instanceof HTMLElement && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.isContentEditable);

/**
 * The disagreement review queue of one code in one transcript: every coder's
 * version side by side, the consensus so far, and the decision buttons.
 * Keyboard: J/K or ↓/↑ move between differences, 1–9 accept a coder's version,
 * A accepts all, C records the selected text; each decision is one undo step.
 */
export function ReviewPanel({ report, setup }: { report: AgreementReport; setup: Setup }) {
  const { t, i18n } = useTranslation();
  const review = useAgreementUi((s) => s.review);
  const openReview = useAgreementUi((s) => s.openReview);
  const target = useAgreementUi((s) => s.target);
  const setTarget = useAgreementUi((s) => s.setTarget);
  const coder = useQuery({ queryKey: ['project', 'users', 'coder'], queryFn: () => call('session.coder', {}) });
  const [index, setIndex] = useState(0);
  const [note, setNote] = useState('');
  const panel = useRef<HTMLElement>(null);
  const active = useRef(false);
  const codes = report.results.filter((r) => r.source === null && r.code !== null && !r.noneCoded);
  const sources = [...new Map(report.results.filter((r) => r.source !== null).map((r) => [r.sourceId!, r.source!])).entries()];
  const query = review && { coders: setup.coders, codeId: review.codeId, sourceId: review.sourceId, skipInterviewer: setup.skipInterviewer, target };
  const queue = useQuery({
    queryKey: ['analysis', 'agreement', 'review', query],
    queryFn: () => call('agreement.review', query!),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
  const source = useSource(review?.sourceId ?? null);
  useEffect(() => setIndex(0), [review?.codeId, review?.sourceId]);
  const items = queue.data?.items ?? [];
  const current = items[Math.min(index, items.length - 1)];
  const pos = Math.min(index, Math.max(0, items.length - 1));
  // A button that becomes disabled (Next on the last item) drops focus to the
  // page; while the reviewer works here by keyboard, focus returns to the panel.
  useEffect(() => {
    if (active.current && (document.activeElement === document.body || document.activeElement === null)) panel.current?.focus();
  });

  const decide = async (choice: Decision['choice']) => {
    if (!current || !review) return;
    const ok = await recordDecision({ coders: setup.coders, codeId: review.codeId, sourceId: review.sourceId, start: current.start, end: current.end, skipInterviewer: setup.skipInterviewer, target, choice, note });
    if (ok) {
      setNote('');
      setIndex(Math.min(pos + 1, Math.max(0, items.length - 1)));
    }
  };
  const custom = () => {
    const range = current && selectedRange(current);
    if (range) void decide({ kind: 'custom', ranges: [range] });
  };
  const onKey = (e: KeyboardEvent) => {
    if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey || !current) return;
    const key = e.key.toLowerCase();
    if (key === 'j' || e.key === 'ArrowDown') setIndex(Math.min(pos + 1, items.length - 1));
    else if (key === 'k' || e.key === 'ArrowUp') setIndex(Math.max(pos - 1, 0));
    else if (/^[1-9]$/.test(key) && current.versions[Number(key) - 1]) void decide({ kind: 'coder', coder: current.versions[Number(key) - 1]!.coder });
    else if (key === 'a') void decide({ kind: 'all' });
    else if (key === 'c') custom();
    else return;
    // The review keys are this panel's: never also a quick code or another app shortcut.
    e.preventDefault();
    e.stopPropagation();
  };

  const codeName = codes.find((c) => c.codeId === review?.codeId)?.code ?? '';
  const sourceName = sources.find(([id]) => id === review?.sourceId)?.[1] ?? '';
  const figures = queue.data?.figures;
  const targetLabel = queue.data?.target ?? (target === 'consensus' ? CONSENSUS_CODER : coder.data ?? '');

  return (
    <section ref={panel} className="agreement-review" aria-labelledby="agreement-review-title" onKeyDown={onKey} tabIndex={-1}
      onFocus={() => { active.current = true; }}
      onBlur={(e) => { active.current = e.relatedTarget === null || panel.current?.contains(e.relatedTarget as Node) === true; }}>
      <h3 id="agreement-review-title" className="agreement__subtitle">
        {review ? t('agreement.review.heading', { code: codeName, source: sourceName }) : t('agreement.review.title')}
      </h3>
      <div className="matrix-view__controls">
        <Select className="field-inline" selectedKey={review ? String(review.codeId) : null} placeholder="—"
          onSelectionChange={(k) => k !== null && openReview(Number(k), review?.sourceId ?? sources[0]?.[0] ?? 0)}>
          <Label>{t('agreement.review.code')}</Label>
          <Button className="tool tool--small"><SelectValue /><span aria-hidden="true"> ▾</span></Button>
          <Popover><ListBox className="menu-list">{codes.map((c) => <ListBoxItem key={c.codeId} id={String(c.codeId)} className="menu-item">{c.code}</ListBoxItem>)}</ListBox></Popover>
        </Select>
        <Select className="field-inline" selectedKey={review ? String(review.sourceId) : null} placeholder="—"
          onSelectionChange={(k) => k !== null && openReview(review?.codeId ?? codes[0]?.codeId ?? 0, Number(k))}>
          <Label>{t('agreement.review.source')}</Label>
          <Button className="tool tool--small"><SelectValue /><span aria-hidden="true"> ▾</span></Button>
          <Popover><ListBox className="menu-list">{sources.map(([id, name]) => <ListBoxItem key={id} id={String(id)} className="menu-item">{name}</ListBoxItem>)}</ListBox></Popover>
        </Select>
        <RadioGroup className="radio-row" value={target} onChange={(v) => setTarget(v as ReviewTarget)}>
          <Label>{t('agreement.review.target')}</Label>
          <Radio value="consensus" className="radio">{t('agreement.review.targetConsensus')}</Radio>
          <Radio value="reviewer" className="radio">{t('agreement.review.targetReviewer', { name: coder.data ?? '' })}</Radio>
        </RadioGroup>
      </div>
      {!review && <p className="muted">{t('agreement.review.choose')}</p>}
      {review && queue.data && (
        <>
          <p className="agreement-review__figures" role="status">
            <span>{t('agreement.review.open', { count: queue.data.open, total: items.length })}</span>
            {figures && <span> · {t('agreement.review.figures', { pa: decimals(figures.percentAgreement * 100, i18n.language, 1), kappa: decimals(figures.cohenKappa, i18n.language), alpha: decimals(figures.krippendorffAlpha, i18n.language) })}</span>}
            {figures?.withTarget.map((w) => (
              <span key={w.coder}> · {t('agreement.review.withTarget', { coder: w.coder, target: targetLabel, kappa: decimals(w.cohenKappa, i18n.language) })}</span>
            ))}
          </p>
          {items.length === 0 && <p className="muted">{t('agreement.review.none')}</p>}
          {current && source.data && (
            <div className="agreement-review__item">
              <div className="agreement-review__nav">
                <Button className="tool tool--small" isDisabled={pos === 0} onPress={() => setIndex(pos - 1)}>{t('agreement.review.previous')}</Button>
                <span className="agreement-review__position">
                  {t('agreement.review.item', { n: pos + 1, total: items.length, start: current.start, end: current.end })}
                  {' — '}
                  <strong className={current.decided ? 'review-state review-state--decided' : 'review-state'}>{current.decided ? t('agreement.review.decided') : t('agreement.review.undecided')}</strong>
                </span>
                <Button className="tool tool--small" isDisabled={pos >= items.length - 1} onPress={() => setIndex(pos + 1)}>{t('agreement.review.next')}</Button>
              </div>
              <ReviewItemView text={source.data.text} item={current} target={targetLabel} />
              <div className="agreement-review__actions">
                {current.versions.map((v) => (
                  <Button key={v.coder} className="tool" onPress={() => void decide({ kind: 'coder', coder: v.coder })}>{t('agreement.review.accept', { coder: v.coder })}</Button>
                ))}
                <Button className="tool" onPress={() => void decide({ kind: 'all' })}>{t('agreement.review.acceptAll')}</Button>
                <Button className="tool" onPress={custom}>{t('agreement.review.custom')}</Button>
              </div>
              <p className="muted agreement__hint">{t('agreement.review.customHint')}</p>
              <TextField className="agreement-review__note" value={note} onChange={setNote}>
                <Label>{t('agreement.review.note')}</Label>
                <TextArea className="text-input" rows={2} />
              </TextField>
              <p className="muted agreement__hint">{t('agreement.review.keys')}</p>
            </div>
          )}
        </>
      )}
    </section>
  );
}

