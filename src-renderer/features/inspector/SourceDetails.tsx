import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useSource } from '../../state/queries.ts';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { EditableField } from '../codebook/EditableField.tsx';
import { useParticipantsUi } from '../participants/participants-store.ts';
import { succeeded, useWrite } from '../participants/use-write.ts';
import { Field } from './Fields.tsx';
import '../codebook/codebook.css';

export function SourceDetails({ id }: { id: number }) {
  const { t } = useTranslation();
  const source = useSource(id).data;
  const rename = useWrite('sources.rename', { done: (_r, input) => t('sources.renamed', { name: input.name.trim() }) });
  if (!source) return null;
  const speakers = new Map<string, (typeof source.turns)[number]>();
  for (const turn of source.turns) if (!speakers.has(turn.speakerLabel)) speakers.set(turn.speakerLabel, turn);
  return (
    <section aria-labelledby="inspector-source">
      <h3 id="inspector-source" className="inspector__name">{source.name}</h3>
      <div className="code-edit">
        <EditableField key={`${source.id}-name`} label={t('sources.name')} value={source.name} required
          onSave={(name) => succeeded(rename.mutateAsync({ id: source.id, name }))} />
      </div>
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
            {[...speakers.values()].map((turn) => {
              const speaker = turn.isInterviewer ? t('shell.interviewer') : turn.participant?.name ?? turn.speakerLabel;
              return (
                <li key={turn.speakerLabel} className="people-speaker">
                  <span>
                    {turn.speakerLabel && speaker !== turn.speakerLabel && <span className="muted">{turn.speakerLabel} → </span>}
                    {speaker}{' '}
                    {!turn.isInterviewer && turn.participant && <PerspectiveBadge perspective={turn.participant.perspective} />}
                    {!turn.isInterviewer && !turn.participant && <span className="badge badge--none">{t('shell.unmappedSpeaker')}</span>}
                  </span>
                  <Button className="tool tool--small" aria-label={t('sources.changeSpeakerLabel', { speaker: turn.speakerLabel || speaker })}
                    onPress={() => useParticipantsUi.getState().open({ kind: 'reassign', sourceId: source.id, turnId: turn.id, scope: 'label' })}>
                    {t('sources.changeSpeaker')}
                  </Button>
                </li>
              );
            })}
          </ul>
        </Field>
      </dl>
      <div className="people-actions">
        <Button className="button button--danger-quiet" onPress={() => useParticipantsUi.getState().open({ kind: 'deleteSource', sourceId: source.id })}>{t('sources.delete.button')}</Button>
      </div>
    </section>
  );
}
