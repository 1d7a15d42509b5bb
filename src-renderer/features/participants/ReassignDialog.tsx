// Changing who speaks: one turn, or every turn with its speaker label in the
// transcript, goes to a participant, a new participant or the interviewer.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form, Input, Label, Radio, RadioGroup, TextField } from 'react-aria-components';
import type { SpeakerTarget } from '../../../src-shared/contracts/import.ts';
import { PERSPECTIVES, isPerspective, type Perspective } from '../../../src-shared/domain/perspectives.ts';
import { useAttributes, useParticipants, useSource } from '../../state/queries.ts';
import { useParticipantsUi, type ParticipantsDialog } from './participants-store.ts';
import { useWrite } from './use-write.ts';
import { ParticipantsModal } from './ParticipantsModal.tsx';
import { SelectField } from './SelectField.tsx';

type Dialog = Extract<ParticipantsDialog, { kind: 'reassign' }>;

interface NewPerson {
  name: string;
  perspective: Perspective | null;
  region: string;
  role: string;
}

export function ReassignDialog({ dialog }: { dialog: Dialog }) {
  const { t } = useTranslation();
  const source = useSource(dialog.sourceId).data;
  const people = useParticipants().data ?? [];
  const regions = useAttributes().data?.find((a) => a.key === 'region')?.choices ?? [];
  const turn = source?.turns.find((x) => x.id === dialog.turnId);
  const [scope, setScope] = useState(dialog.scope);
  const [choice, setChoice] = useState<string | null>(null);
  const [fresh, setFresh] = useState<NewPerson>({ name: turn?.speakerLabel ?? '', perspective: null, region: '', role: '' });
  const reassign = useWrite('participants.reassignSpeaker', {
    inDialog: true,
    done: (r, input) => {
      if (r.turns === 0 && input.target.kind !== 'new') return t('participants.reassign.unchanged');
      const to = input.target.kind === 'interviewer' ? t('participants.reassign.interviewer')
        : input.target.kind === 'new' ? input.target.name : people.find((p) => p.id === r.participantId)?.name ?? '';
      return t('participants.reassign.done', { count: r.turns, to });
    },
  });
  const close = () => useParticipantsUi.getState().close();
  if (!source || !turn) return null;

  const label = turn.speakerLabel;
  const sameLabel = source.turns.filter((x) => x.speakerLabel === label).length;
  const speaker = turn.isInterviewer ? t('shell.interviewer') : turn.participant?.name ?? (label || t('participants.review.noLabel'));
  const options = [
    { id: 'interviewer', name: t('participants.reassign.interviewer') },
    ...people.map((p) => ({ id: `p${p.id}`, name: `${p.name}${p.perspective ? ` — ${t(`perspective.${p.perspective}`)}` : ''}` })),
    { id: 'new', name: t('participants.reassign.newParticipant') },
  ];
  const target = (): SpeakerTarget | null => {
    if (choice === 'interviewer') return { kind: 'interviewer' };
    if (choice === 'new') {
      const name = fresh.name.trim();
      if (!name) return null;
      return { kind: 'new', name, perspective: fresh.perspective, ...(fresh.region ? { region: fresh.region } : {}), ...(fresh.role.trim() ? { role: fresh.role.trim() } : {}) };
    }
    return choice ? { kind: 'participant', participantId: Number(choice.slice(1)) } : null;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = target();
    if (chosen && !reassign.isPending) reassign.mutate({ turnId: turn.id, scope, target: chosen }, { onSuccess: close });
  };

  return (
    <ParticipantsModal title={t('participants.reassign.title')}>
      <Form onSubmit={submit} className="people-form">
        <p className="people-dialog__lead">{t('participants.reassign.lead', { speaker, source: source.name })}</p>
        <RadioGroup className="people-radios" value={scope} onChange={(v) => setScope(v === 'label' ? 'label' : 'turn')}>
          <Label className="people-select__label">{t('participants.reassign.scope')}</Label>
          <Radio value="turn">{t('participants.reassign.scopeTurn')}</Radio>
          <Radio value="label">{t('participants.reassign.scopeLabel', { count: sameLabel, label: label || t('participants.review.noLabel') })}</Radio>
        </RadioGroup>
        {scope === 'label' && label.trim() !== '' && <p className="muted people-hint">{t('participants.reassign.mappingNote', { label })}</p>}
        <SelectField label={t('participants.reassign.target')} value={choice} options={options} onChange={setChoice} className="people-select--wide"
          placeholder={t('participants.reassign.pick')} />
        {choice === 'new' && (
          <div className="people-new">
            <TextField className="code-edit__field" value={fresh.name} onChange={(name) => setFresh({ ...fresh, name })} isRequired
              validate={(v) => (v.trim() ? null : t('participants.reassign.nameRequired'))} validationBehavior="aria">
              <Label>{t('participants.reassign.name')}</Label>
              <Input />
            </TextField>
            <SelectField label={t('participants.reassign.perspective')} value={fresh.perspective ?? 'none'}
              options={[{ id: 'none', name: t('perspective.none') }, ...PERSPECTIVES.map((p) => ({ id: p, name: t(`perspective.${p}`) }))]}
              onChange={(id) => setFresh({ ...fresh, perspective: isPerspective(id) ? id : null })} />
            {regions.length > 0 && (
              <SelectField label={t('participants.reassign.region')} value={fresh.region ? `r:${fresh.region}` : 'none'}
                options={[{ id: 'none', name: t('participants.reassign.noRegion') }, ...regions.map((r) => ({ id: `r:${r}`, name: r }))]}
                onChange={(id) => setFresh({ ...fresh, region: id.startsWith('r:') ? id.slice(2) : '' })} />
            )}
            <TextField className="code-edit__field" value={fresh.role} onChange={(role) => setFresh({ ...fresh, role })}>
              <Label>{t('participants.reassign.role')}</Label>
              <Input />
            </TextField>
          </div>
        )}
        <div className="dialog__actions">
          <Button className="button" onPress={close}>{t('participants.cancel')}</Button>
          <Button type="submit" className="button button--primary" isDisabled={target() === null || reassign.isPending}>
            {t('participants.reassign.confirm')}
          </Button>
        </div>
      </Form>
    </ParticipantsModal>
  );
}
