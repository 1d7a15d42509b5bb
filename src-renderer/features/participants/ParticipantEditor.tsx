// The inspector's editable participant: name or pseudonym, perspective, role
// and every attribute. Each change is one undoable write; the matrix,
// retrieval and codebook counts follow (the perspective drives them).
import { useTranslation } from 'react-i18next';
import type { AttributeView, ParticipantRow } from '../../../src-shared/contracts/participants.ts';
import { PERSPECTIVES, isPerspective } from '../../../src-shared/domain/perspectives.ts';
import { EditableField } from '../codebook/EditableField.tsx';
import { SelectField } from './SelectField.tsx';
import { AttributeValueField } from './ValueFields.tsx';
import { succeeded, useWrite } from './use-write.ts';
import { useUi } from '../../state/ui-store.ts';
import '../codebook/codebook.css';
import './participants.css';

export function attributeLabel(t: (key: string) => string, a: Pick<AttributeView, 'key' | 'name'>): string {
  return a.key === 'region' ? t('shell.region') : a.name;
}

export function ParticipantEditor({ person, attributes }: { person: ParticipantRow; attributes: readonly AttributeView[] }) {
  const { t } = useTranslation();
  const update = useWrite('participants.update');
  /** Saves one field; the status line names it. False when refused (the field then shows the stored value again). */
  const save = async (field: string, patch: Omit<Parameters<typeof update.mutateAsync>[0], 'id'>) => {
    const ok = await succeeded(update.mutateAsync({ id: person.id, ...patch }));
    if (ok) useUi.getState().setStatus(t('participants.details.saved', { field }));
    return ok;
  };
  return (
    <div className="code-edit people-edit">
      <EditableField key={`${person.id}-name`} label={t('participants.details.name')} value={person.name} required
        onSave={(name) => save(t('participants.details.name'), { name })} />
      <SelectField label={t('participants.details.perspective')} value={person.perspective ?? 'none'} className="people-select--field"
        options={[{ id: 'none', name: t('perspective.none') }, ...PERSPECTIVES.map((p) => ({ id: p, name: t(`perspective.${p}`) }))]}
        onChange={(id) => {
          const perspective = isPerspective(id) ? id : null;
          if (perspective !== person.perspective) void save(t('participants.details.perspective'), { perspective });
        }} />
      <EditableField key={`${person.id}-role`} label={t('participants.details.role')} value={person.role}
        onSave={(role) => save(t('participants.details.role'), { role })} />
      {attributes.map((a) => {
        const label = attributeLabel(t, a);
        return (
          <AttributeValueField key={`${person.id}-${a.id}`} attribute={a} label={label} value={person.values[a.id]}
            onSave={(value) => save(label, { values: { [String(a.id)]: value } })} />
        );
      })}
      <p className="code-edit__hint muted">{t('participants.details.saveHint')}</p>
    </div>
  );
}
