// One group of findings in focus: what it becomes (editable, the same for
// every place), confirm or reject, and the context lines where it occurs.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { PSEUDONYM_CATEGORIES, type FindingGroup, type PseudonymCategory } from '../../../src-shared/contracts/pseudonymise.ts';
import { usePseudonymise } from './pseudonymise-store.ts';
import { MarkSelection } from './MarkSelection.tsx';
import { useSpanEdit, type SpanMove } from './span-edit.ts';

const MOVES: { key: string; move: SpanMove }[] = [
  { key: 'widenStart', move: { side: 'start', delta: 1 } },
  { key: 'narrowStart', move: { side: 'start', delta: -1 } },
  { key: 'narrowEnd', move: { side: 'end', delta: -1 } },
  { key: 'widenEnd', move: { side: 'end', delta: 1 } },
];

const SHOWN = 12;

/** "… bij [Marieke] thuis …": the found text emphasised. */
function Context({ text }: { text: string }) {
  const m = /^(.*?)\[(.*?)\](.*)$/s.exec(text);
  if (!m) return <>{text}</>;
  return <>…{m[1]}<mark>{m[2]}</mark>{m[3]}…</>;
}

export function GroupDetail({ index, group, sourceName }: { index: number; group: FindingGroup; sourceName: Map<string, string> }) {
  const { t } = useTranslation();
  const decide = usePseudonymise((s) => s.decide);
  const recategorise = usePseudonymise((s) => s.recategorise);
  const decision = usePseudonymise((s) => s.decisions.get(index));
  const contexts = useRef<HTMLDivElement>(null);
  const spanEdit = useSpanEdit();
  const focusList = () => (document.querySelector('.pseudo__groups') as HTMLElement | null)?.focus();
  return (
    <div className="pseudo__detail" aria-label={group.text} role="region">
      <h3>{group.text}</h3>
      {/* Detection can take a name for a place ("Breda" the family): the reviewer corrects the kind, and a placeholder follows it. */}
      <label className="pseudo__replacement">
        {t('pseudonymise.ui.groupCategory')}
        <select value={group.category} onChange={(e) => recategorise(index, e.target.value as PseudonymCategory)}>
          {PSEUDONYM_CATEGORIES.map((c) => <option key={c} value={c}>{t(`pseudonymise.category.${c}`)}</option>)}
        </select>
      </label>
      <label className="pseudo__replacement">
        {t('pseudonymise.ui.replacement')}
        <input id="pseudo-replacement" value={decision?.replacement ?? group.replacement}
          onChange={(e) => decide(index, { replacement: e.target.value })}
          onKeyDown={(e) => { if (e.key === 'Enter' || e.key === 'Escape') { e.preventDefault(); focusList(); } }} />
      </label>
      <div className="pseudo__decide">
        <Button className="button" onPress={() => decide(index, { confirmed: true })}>{t('pseudonymise.ui.confirm')}</Button>
        <Button className="button" onPress={() => decide(index, { confirmed: false })}>{t('pseudonymise.ui.reject')}</Button>
      </div>
      {group.occurrences.length > 0 && (
        <div className="pseudo__span" role="group" aria-label={t('pseudonymise.ui.span.title')}>
          <span>{t('pseudonymise.ui.span.title')}:</span>
          {MOVES.map(({ key, move }) => (
            <Button key={key} className="button" onPress={() => spanEdit(index, move)}>{t(`pseudonymise.ui.span.${key}`)}</Button>
          ))}
        </div>
      )}
      <div ref={contexts}>
        <h4>{t('pseudonymise.ui.contexts')}</h4>
        {group.occurrences.length === 0 && <p className="muted">{t('pseudonymise.ui.inNames')}</p>}
        <ul className="pseudo__contexts">
          {group.occurrences.slice(0, SHOWN).map((o) => (
            <li key={`${o.source}:${o.start}`}>
              <span className="pseudo__where">{sourceName.get(o.source) ?? ''}</span>
              <span className="pseudo__context"><Context text={o.context ?? group.text} /></span>
            </li>
          ))}
        </ul>
        {group.occurrences.length > SHOWN && <p className="muted">{t('pseudonymise.ui.more', { count: group.occurrences.length - SHOWN })}</p>}
      </div>
      <MarkSelection key={index} area={contexts} defaultCategory={group.category} />
    </div>
  );
}
