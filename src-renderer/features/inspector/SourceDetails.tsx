import { useTranslation } from 'react-i18next';
import { useSource } from '../../state/queries.ts';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { Field } from './Fields.tsx';

export function SourceDetails({ id }: { id: number }) {
  const { t } = useTranslation();
  const source = useSource(id).data;
  if (!source) return null;
  const speakers = new Map<string, (typeof source.turns)[number]>();
  for (const turn of source.turns) if (!speakers.has(turn.speakerLabel)) speakers.set(turn.speakerLabel, turn);
  return (
    <section aria-labelledby="inspector-source">
      <h3 id="inspector-source" className="inspector__name">{source.name}</h3>
      <dl className="fields">
        <Field label={t('shell.format')}>
          {source.originalFileName ?? (source.originalFormat === 'example' ? t('shell.exampleFormat') : source.originalFormat)}
        </Field>
        <Field label={t('shell.counts')}>
          {t('shell.turns', { count: source.turns.length })} · {t('shell.segments', { count: source.codings.length })} ·{' '}
          {t('shell.characters', { count: source.text.length })}
        </Field>
        <Field label={t('shell.speakers')}>
          <ul className="plain-list">
            {[...speakers.values()].map((turn) => (
              <li key={turn.speakerLabel}>
                {turn.isInterviewer ? t('shell.interviewer') : turn.participant?.name ?? turn.speakerLabel}{' '}
                {!turn.isInterviewer && <PerspectiveBadge perspective={turn.participant?.perspective ?? null} />}
              </li>
            ))}
          </ul>
        </Field>
      </dl>
    </section>
  );
}
