import { useTranslation } from 'react-i18next';
import { useAttributes, useParticipants } from '../../state/queries.ts';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { Field } from './Fields.tsx';

export function ParticipantDetails({ id }: { id: number }) {
  const { t } = useTranslation();
  const person = useParticipants().data?.find((p) => p.id === id);
  const attributes = useAttributes().data ?? [];
  if (!person) return null;
  return (
    <section aria-labelledby="inspector-participant">
      <h3 id="inspector-participant" className="inspector__name">{person.name}</h3>
      <dl className="fields">
        <Field label={t('shell.perspectiveLabel')}><PerspectiveBadge perspective={person.perspective} /></Field>
        <Field label={t('shell.role')}>{person.role}</Field>
        {attributes.map((a) => (
          <Field key={a.id} label={a.key === 'region' ? t('shell.region') : a.name}>{person.values[a.id]}</Field>
        ))}
        <Field label={t('shell.counts')}>
          {t('shell.transcripts')}: {person.sources} · {t('shell.turns', { count: person.turns })}
        </Field>
      </dl>
    </section>
  );
}
