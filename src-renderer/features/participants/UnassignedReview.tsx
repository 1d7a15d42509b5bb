// The inspector's list of speech that belongs to nobody, per transcript and
// speaker label: open the transcript at the first such turn, or assign them all.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useUi } from '../../state/ui-store.ts';
import { useUnassigned } from './queries.ts';
import { useParticipantsUi } from './participants-store.ts';
import './participants.css';

export function UnassignedReview() {
  const { t } = useTranslation();
  const unassigned = useUnassigned();
  const heading = useRef<HTMLHeadingElement>(null);
  // Arriving here (after a delete, or from the list) puts the reader's attention on the list.
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <section aria-labelledby="inspector-unassigned" className="people-review">
      <h3 id="inspector-unassigned" className="inspector__name" tabIndex={-1} ref={heading}>{t('participants.review.title')}</h3>
      {unassigned.isError && <ErrorState error={unassigned.error} onRetry={() => void unassigned.refetch()} />}
      {unassigned.data?.total === 0 && <p className="muted">{t('participants.review.none')}</p>}
      {unassigned.data && unassigned.data.total > 0 && (
        <>
          <p className="muted people-hint">{t('participants.review.intro')}</p>
          <ul className="plain-list people-review__list">
            {unassigned.data.groups.map((g) => {
              const names = { speaker: g.speakerLabel || t('participants.review.noLabel'), source: g.sourceName };
              return (
                <li key={`${g.sourceId}:${g.speakerLabel}`} className="people-review__item">
                  <span className="people-review__speaker">{names.speaker}</span>
                  <span className="muted people-review__where">{g.sourceName} · {t('participants.review.turns', { count: g.turns })}</span>
                  <span className="people-review__actions">
                    <Button className="tool tool--small" aria-label={t('participants.review.openLabel', names)}
                      onPress={() => useUi.getState().reveal({ sourceId: g.sourceId, start: g.first.start, end: g.first.end })}>
                      {t('participants.review.open')}
                    </Button>
                    <Button className="tool tool--small" aria-label={t('participants.review.assignLabel', names)}
                      onPress={() => useParticipantsUi.getState().open({ kind: 'reassign', sourceId: g.sourceId, turnId: g.first.turnId, scope: 'label' })}>
                      {t('participants.review.assign')}
                    </Button>
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
