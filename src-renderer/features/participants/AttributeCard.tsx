// One attribute in the management dialog: name, type (a built-in one keeps
// both), how many participants have a value, its choices, and delete with the
// number of values that go with it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { ATTRIBUTE_TYPES } from '../../../src-shared/contracts/constants.ts';
import type { AttributeView } from '../../../src-shared/contracts/participants.ts';
import { EditableField } from '../codebook/EditableField.tsx';
import { SelectField } from './SelectField.tsx';
import { ChoiceEditor } from './ChoiceEditor.tsx';
import { attributeLabel } from './ParticipantEditor.tsx';
import { succeeded, useWrite } from './use-write.ts';

function DeleteAttribute({ attribute }: { attribute: AttributeView }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const remove = useWrite('attributes.delete', { inDialog: true, done: () => t('participants.attributes.deleted', { name: attribute.name }) });
  if (!asking) {
    return (
      <Button className="tool tool--small attribute-card__delete" aria-label={t('participants.attributes.deleteLabel', { name: attribute.name })}
        onPress={() => setAsking(true)}>
        {t('participants.attributes.delete')}
      </Button>
    );
  }
  return (
    <div className="attribute-confirm" role="group" aria-label={t('participants.attributes.deleteLabel', { name: attribute.name })}>
      <p>{attribute.used > 0
        ? t('participants.attributes.deleteImpact', { name: attribute.name, count: attribute.used })
        : t('participants.attributes.deleteUnused', { name: attribute.name })}</p>
      <Button className="button" autoFocus onPress={() => setAsking(false)}>{t('participants.cancel')}</Button>
      <Button className="button button--danger" isDisabled={remove.isPending} onPress={() => remove.mutate({ id: attribute.id })}>
        {t('participants.attributes.confirmDelete')}
      </Button>
    </div>
  );
}

export function AttributeCard({ attribute }: { attribute: AttributeView }) {
  const { t } = useTranslation();
  const label = attributeLabel(t, attribute);
  const update = useWrite('attributes.update', { inDialog: true, done: () => t('participants.attributes.saved') });
  const headingId = `attribute-${attribute.id}`;
  return (
    <li className="attribute-card" aria-labelledby={headingId}>
      <div className="attribute-card__head">
        <h3 id={headingId} className="attribute-card__title">
          {label}
          {attribute.builtin && <span className="badge badge--none">{t('participants.attributes.builtin')}</span>}
        </h3>
        <span className="muted attribute-card__used">{t('participants.attributes.used', { count: attribute.used })}</span>
      </div>
      <div className="attribute-card__fields">
        {!attribute.builtin && (
          <EditableField key={`${attribute.id}-name`} label={t('participants.attributes.name')} value={attribute.name} required
            className="attribute-card__name"
            onSave={(name) => succeeded(update.mutateAsync({ id: attribute.id, name }))} />
        )}
        <SelectField label={t('participants.attributes.type')}
          value={attribute.type} isDisabled={attribute.builtin} className="people-select--field"
          options={ATTRIBUTE_TYPES.map((type) => ({ id: type, name: t(`participants.attributes.types.${type}`) }))}
          onChange={(type) => {
            const next = ATTRIBUTE_TYPES.find((x) => x === type);
            if (next && next !== attribute.type) update.mutate({ id: attribute.id, type: next });
          }} />
      </div>
      {attribute.type === 'choice' && <ChoiceEditor attribute={attribute} label={label} />}
      {!attribute.builtin && <DeleteAttribute attribute={attribute} />}
    </li>
  );
}
