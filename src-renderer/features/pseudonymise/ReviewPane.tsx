// Review of the findings: filters by kind and transcript, the groups ("Marieke"
// everywhere is one) as a keyboard list — arrows move, Enter confirms, Delete
// rejects, E edits the replacement — and the group in focus with its places.
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useSources } from '../../state/queries.ts';
import { PSEUDONYM_CATEGORIES } from '../../../src-shared/contracts/pseudonymise.ts';
import { reviewed, usePseudonymise, visibleGroups } from './pseudonymise-store.ts';
import { GroupDetail } from './GroupDetail.tsx';
import { useSpanEdit } from './span-edit.ts';

export function ReviewPane() {
  const { t } = useTranslation();
  const s = usePseudonymise();
  const sources = useSources();
  const list = useRef<HTMLUListElement>(null);
  const visible = useMemo(() => visibleGroups(s), [s]);
  const groups = s.findings?.groups ?? [];
  const all = groups.map((g, i) => reviewed(g, s.decisions.get(i)));
  const confirmed = all.filter((g) => g.confirmed).length;
  const active = visible.includes(s.active) ? s.active : (visible[0] ?? -1);
  const move = (delta: number) => {
    const at = visible.indexOf(active);
    const next = visible[Math.min(visible.length - 1, Math.max(0, at + delta))];
    if (next !== undefined) s.set({ active: next });
    document.getElementById(`pseudo-group-${next}`)?.scrollIntoView({ block: 'nearest' });
  };
  const spanEdit = useSpanEdit();
  const onKeyDown = (e: React.KeyboardEvent) => {
    // As for a coding in the reader: Alt+←/→ moves the start of the span by a word, Alt+Shift+←/→ its end.
    if (active >= 0 && e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      e.stopPropagation();
      const left = e.key === 'ArrowLeft';
      if (e.shiftKey) spanEdit(active, { side: 'end', delta: left ? -1 : 1 });
      else spanEdit(active, { side: 'start', delta: left ? 1 : -1 });
      return;
    }
    if (active < 0 || e.ctrlKey || e.metaKey || e.altKey) return;
    const handled = ({
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      Home: () => move(-visible.length),
      End: () => move(visible.length),
      Enter: () => { s.decide(active, { confirmed: true }); move(1); },
      Delete: () => { s.decide(active, { confirmed: false }); move(1); },
      Backspace: () => { s.decide(active, { confirmed: false }); move(1); },
      e: () => document.getElementById('pseudo-replacement')?.focus(),
    } as Record<string, () => void>)[e.key];
    if (!handled) return;
    e.preventDefault();
    e.stopPropagation();
    handled();
  };
  if (groups.length === 0) return <p role="status">{t('pseudonymise.ui.none')}</p>;
  const sourceName = new Map((sources.data ?? []).map((src) => [src.guid, src.name]));
  return (
    <div className="pseudo__review">
      <div className="pseudo__filters">
        <label>
          {t('pseudonymise.ui.category')}{' '}
          <select value={s.category} onChange={(e) => s.set({ category: e.target.value as typeof s.category })}>
            <option value="all">{t('pseudonymise.ui.all')}</option>
            {PSEUDONYM_CATEGORIES.filter((c) => groups.some((g) => g.category === c)).map((c) => <option key={c} value={c}>{t(`pseudonymise.category.${c}`)}</option>)}
          </select>
        </label>
        <label>
          {t('pseudonymise.ui.transcript')}{' '}
          <select value={s.source} onChange={(e) => s.set({ source: e.target.value })}>
            <option value="all">{t('pseudonymise.ui.all')}</option>
            {Object.keys(s.findings?.sources ?? {}).map((guid) => <option key={guid} value={guid}>{sourceName.get(guid) ?? guid}</option>)}
          </select>
        </label>
        <p role="status" className="pseudo__summary">{t('pseudonymise.ui.summary', { count: groups.length, confirmed })}</p>
      </div>
      <p className="muted pseudo__keys" id="pseudo-keys">{t('pseudonymise.ui.keys')}</p>
      <div className="pseudo__columns">
        <ul ref={list} className="pseudo__groups" role="listbox" tabIndex={0} aria-label={t('pseudonymise.ui.groups')} aria-describedby="pseudo-keys"
          aria-activedescendant={active >= 0 ? `pseudo-group-${active}` : undefined} onKeyDown={onKeyDown}>
          {visible.map((i) => {
            const g = all[i]!;
            const decision = s.decisions.get(i)?.confirmed;
            const state = decision === false ? 'rejected' : g.confirmed ? 'confirmed' : 'open';
            return (
              <li key={i} id={`pseudo-group-${i}`} role="option" aria-selected={i === active} className={`pseudo__group pseudo__group--${state}`}
                onClick={() => { s.set({ active: i }); list.current?.focus(); }}>
                <span className="pseudo__text">{g.text}</span>
                <span className="pseudo__count">{t('pseudonymise.ui.times', { count: g.occurrences.length })}</span>
                <span className="pseudo__category">{t(`pseudonymise.category.${g.category}`)}</span>
                <span className="pseudo__state">{t(`pseudonymise.ui.${state}`)} → {g.replacement}</span>
              </li>
            );
          })}
        </ul>
        {active >= 0 && <GroupDetail index={active} group={all[active]!} sourceName={sourceName} />}
      </div>
      <div className="pseudo__actions">
        <Button className="button button--primary" isDisabled={confirmed === 0} onPress={() => s.set({ applyOpen: true })}>{t('pseudonymise.ui.apply')}</Button>
      </div>
    </div>
  );
}
