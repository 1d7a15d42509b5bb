// The choices of one choice attribute: rename one (every participant who has
// it follows), remove one (in use: say what those participants get instead),
// add one (e.g. an eleventh learning region).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import type { AttributeView } from '../../../src-shared/contracts/participants.ts';
import { EditableField } from '../codebook/EditableField.tsx';
import { SelectField } from './SelectField.tsx';
import { succeeded, useWrite } from './use-write.ts';

const CLEAR = '\u0000clear';

function ChoiceRow({ attribute, value }: { attribute: AttributeView; value: string }) {
  const { t } = useTranslation();
  const uses = attribute.choiceUses[value] ?? 0;
  const [asking, setAsking] = useState(false);
  const [replacement, setReplacement] = useState(CLEAR);
  const rename = useWrite('attributes.renameChoice', { inDialog: true, done: (_r, input) => t('participants.attributes.choiceRenamed', { value: input.to.trim() }) });
  const remove = useWrite('attributes.removeChoice', { inDialog: true, done: () => t('participants.attributes.choiceRemoved', { value }) });
  const others = attribute.choices.filter((c) => c !== value);
  return (
    <li className="choice-row">
      <div className="choice-row__main">
        <EditableField key={`${attribute.id}-${value}`} label={t('participants.attributes.choiceName', { value })} value={value} required
          className="choice-row__field" onSave={(to) => succeeded(rename.mutateAsync({ id: attribute.id, from: value, to }))} />
        <span className="muted choice-row__uses">{t('participants.attributes.choiceUses', { count: uses })}</span>
        <Button className="tool tool--small" aria-label={t('participants.attributes.removeChoiceLabel', { value })} isDisabled={asking}
          onPress={() => (uses > 0 ? setAsking(true) : remove.mutate({ id: attribute.id, value }))}>
          {t('participants.attributes.removeChoice')}
        </Button>
      </div>
      {asking && (
        <div className="attribute-confirm" role="group" aria-label={t('participants.attributes.removeChoiceLabel', { value })}>
          <p>{t('participants.attributes.replace', { count: uses, value })}</p>
          <SelectField label={t('participants.attributes.replaceWith', { value })} value={replacement} className="people-select--field"
            options={[{ id: CLEAR, name: t('participants.attributes.clearValue') }, ...others.map((c) => ({ id: c, name: c }))]}
            onChange={setReplacement} />
          <Button className="button" onPress={() => setAsking(false)}>{t('participants.cancel')}</Button>
          <Button className="button button--danger" isDisabled={remove.isPending}
            onPress={() => remove.mutate({ id: attribute.id, value, replaceWith: replacement === CLEAR ? null : replacement })}>
            {t('participants.attributes.confirmRemove')}
          </Button>
        </div>
      )}
    </li>
  );
}

export function ChoiceEditor({ attribute, label }: { attribute: AttributeView; label: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = useWrite('attributes.addChoice', { inDialog: true, done: (_r, input) => t('participants.attributes.choiceAdded', { value: input.value.trim() }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.trim() || add.isPending) return;
    add.mutate({ id: attribute.id, value: draft }, { onSuccess: () => setDraft('') });
  };
  return (
    <div className="choice-editor">
      <h4 className="choice-editor__title">{t('participants.attributes.choices')}</h4>
      <ul className="plain-list choice-editor__list">
        {attribute.choices.map((c) => <ChoiceRow key={c} attribute={attribute} value={c} />)}
      </ul>
      <Form className="choice-editor__add" onSubmit={submit}>
        <TextField className="code-edit__field" value={draft} onChange={setDraft} maxLength={200}>
          <Label>{t('participants.attributes.newChoice', { name: label })}</Label>
          <Input />
        </TextField>
        <Button type="submit" className="button" isDisabled={!draft.trim() || add.isPending}>{t('participants.attributes.addChoice')}</Button>
      </Form>
    </div>
  );
}
