import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useAttributes, useParticipants } from '../../state/queries.ts';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { ParticipantEditor } from '../participants/ParticipantEditor.tsx';
import { useParticipantsUi } from '../participants/participants-store.ts';
import { Field } from './Fields.tsx';

export function ParticipantDetails({ id }: { id: number }) {
  const { t } = useTranslation();
  const person = useParticipants().data?.find((p) => p.id === id);
  const attributes = useAttributes().data ?? [];
  if (!person) return null;
  const open = useParticipantsUi.getState().open;
  return (
    <section aria-labelledby="inspector-participant">
      <h3 id="inspector-participant" className="inspector__name">
        {person.name} <PerspectiveBadge perspective={person.perspective} />
      </h3>
      <ParticipantEditor person={person} attributes={attributes} />
      <dl className="fields">
        <Field label={t('shell.counts')}>
          {t('shell.transcripts')}: {person.sources} · {t('shell.turns', { count: person.turns })}
        </Field>
      </dl>
      <div className="people-actions">
        <Button className="button" onPress={() => open({ kind: 'merge', participantId: person.id })}>{t('participants.details.merge')}</Button>
        <Button className="button button--danger-quiet" onPress={() => open({ kind: 'delete', participantId: person.id })}>{t('participants.details.delete')}</Button>
      </div>
    </section>
  );
}
