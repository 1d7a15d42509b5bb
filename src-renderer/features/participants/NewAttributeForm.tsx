// Creating an attribute: a name, a type and, for a choice list, its choices.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form, Input, Label, TextArea, TextField } from 'react-aria-components';
import { ATTRIBUTE_TYPES } from '../../../src-shared/contracts/constants.ts';
import type { AttributeType } from '../../../src-shared/contracts/participants.ts';
import { SelectField } from './SelectField.tsx';
import { useWrite } from './use-write.ts';

export function NewAttributeForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [choices, setChoices] = useState('');
  const create = useWrite('attributes.create', { inDialog: true, done: (_r, input) => t('participants.attributes.created', { name: input.name.trim() }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || create.isPending) return;
    const list = type === 'choice' ? choices.split('\n').map((c) => c.trim()).filter(Boolean) : undefined;
    create.mutate({ name, type, ...(list ? { choices: list } : {}) }, {
      onSuccess: () => {
        setName('');
        setChoices('');
      },
    });
  };
  return (
    <Form className="attribute-new" onSubmit={submit} aria-labelledby="attribute-new-title">
      <h3 id="attribute-new-title" className="attribute-card__title">{t('participants.attributes.new')}</h3>
      <div className="attribute-card__fields">
        <TextField className="code-edit__field" value={name} onChange={setName} maxLength={200}>
          <Label>{t('participants.attributes.name')}</Label>
          <Input />
        </TextField>
        <SelectField label={t('participants.attributes.type')} value={type} className="people-select--field"
          options={ATTRIBUTE_TYPES.map((x) => ({ id: x, name: t(`participants.attributes.types.${x}`) }))}
          onChange={(id) => setType(ATTRIBUTE_TYPES.find((x) => x === id) ?? 'text')} />
      </div>
      {type === 'choice' && (
        <TextField className="code-edit__field" value={choices} onChange={setChoices}>
          <Label>{t('participants.attributes.newChoices')}</Label>
          <TextArea rows={4} />
        </TextField>
      )}
      <div className="dialog__actions">
        <Button type="submit" className="button button--primary" isDisabled={!name.trim() || create.isPending}>{t('participants.attributes.create')}</Button>
      </div>
    </Form>
  );
}
