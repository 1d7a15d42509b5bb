// Editing one value of a participant in the inspector, by type: text and
// numbers as text fields (saved on leaving or Enter; the service checks the
// number), dates with the browser's date field, yes/no and choices as lists.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Input, Label, TextField } from 'react-aria-components';
import type { AttributeView } from '../../../src-shared/contracts/participants.ts';
import { EditableField } from '../codebook/EditableField.tsx';
import { SelectField } from './SelectField.tsx';

type Save = (value: string | boolean | null) => Promise<boolean>;

/** A date field: saved when a whole date is entered and the field is left (or Enter); cleared when emptied. */
function DateValue({ label, value, onSave }: { label: string; value: string; onSave: Save }) {
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);
  const commit = async () => {
    if (draft === value) return;
    if (!(await onSave(draft === '' ? null : draft))) setDraft(value);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void commit();
    }
  };
  return (
    <TextField className="code-edit__field" value={draft} onChange={setDraft} onKeyDown={onKeyDown}
      onFocus={() => (editing.current = true)}
      onBlur={() => {
        editing.current = false;
        void commit();
      }}>
      <Label>{label}</Label>
      <Input type="date" />
    </TextField>
  );
}

const NONE = '\u0000none';

export function AttributeValueField({ attribute, label, value, onSave }: { attribute: AttributeView; label: string; value: string | undefined; onSave: Save }) {
  const { t } = useTranslation();
  switch (attribute.type) {
    case 'text':
    case 'number':
      return <EditableField label={label} value={value ?? ''} onSave={(v) => onSave(v === '' ? null : v)} />;
    case 'date':
      return <DateValue label={label} value={value ?? ''} onSave={onSave} />;
    case 'boolean':
    case 'choice': {
      const options = attribute.type === 'boolean'
        ? [{ id: 'true', name: t('participants.details.yes') }, { id: 'false', name: t('participants.details.no') }]
        : attribute.choices.map((c) => ({ id: c, name: c }));
      return (
        <SelectField label={label} value={value ?? NONE} className="people-select--field"
          options={[{ id: NONE, name: t('participants.details.noValue') }, ...options]}
          onChange={(id) => {
            if (id !== (value ?? NONE)) void onSave(id === NONE ? null : attribute.type === 'boolean' ? id === 'true' : id);
          }} />
      );
    }
  }
}
