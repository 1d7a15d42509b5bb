// Codings whose text a correction deleted, for the open transcript: shown for
// review (never silently dropped), to be placed again on a selection or removed.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { dismissLost, replaceLost } from './actions.ts';
import './text-edit.css';

/** Under ['sources', id] so 'sources' and 'codings' change events refresh it (state/queries.ts). */
export const lostKey = (sourceId: number) => ['sources', sourceId, 'lostCodings'] as const;

const SHOWN = 160;

export function LostCodings() {
  const { t } = useTranslation();
  const sourceId = useUi((s) => s.sourceId);
  const hasSelection = useUi((s) => s.textSelection !== null && s.textSelection.sourceId === s.sourceId);
  const lost = useQuery({
    queryKey: lostKey(sourceId ?? 0),
    queryFn: () => call('transcript.lostList', { sourceId: sourceId! }),
    enabled: sourceId !== null,
  });
  if (!lost.data || lost.data.length === 0) return null;
  return (
    <section className="lost-codings" aria-labelledby="lost-codings-title">
      <h3 id="lost-codings-title" className="inspector__name">
        {t('textEdit.lost.title')} <span className="lost-codings__count">{lost.data.length}</span>
      </h3>
      <p className="lost-codings__intro">{t('textEdit.lost.intro')}</p>
      <ul className="plain-list">
        {lost.data.map((l) => {
          const shown = l.oldText.length > SHOWN ? `${l.oldText.slice(0, SHOWN)}…` : l.oldText;
          return (
            <li key={l.id} className="lost-codings__item">
              <div className="coding-card__head">
                <span className="swatch" style={{ background: l.color }} aria-hidden="true" />
                <strong>{l.codeName}</strong>
              </div>
              <p className="lost-codings__was">
                {t('textEdit.lost.was')} <del>“{shown}”</del>
              </p>
              <p className="lost-codings__meta">
                {[t('textEdit.lost.by', { coder: l.coder }), l.isKeyQuote ? t('textEdit.lost.keyQuote') : null, l.hasMemo ? t('textEdit.lost.memo') : null]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <div className="coding-card__actions">
                <Button
                  className="tool tool--small"
                  aria-label={t('textEdit.lost.replaceLabel', { code: l.codeName })}
                  isDisabled={!hasSelection}
                  onPress={() => void replaceLost(l.id)}
                >
                  {t('textEdit.lost.replace')}
                </Button>
                <Button className="tool tool--small" aria-label={t('textEdit.lost.dismissLabel', { code: l.codeName })} onPress={() => void dismissLost(l.id)}>
                  {t('textEdit.lost.dismiss')}
                </Button>
              </div>
              {!hasSelection && <p className="lost-codings__hint">{t('textEdit.lost.replaceHint')}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
