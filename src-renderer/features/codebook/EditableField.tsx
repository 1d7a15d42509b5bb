// One editable field of a code's definition: saved when the field is left or
// on Ctrl+Enter (Enter for one-line fields); Esc puts the saved text back.
// While the user types, a refetch never overwrites the draft.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Input, Label, TextArea, TextField } from 'react-aria-components';

export function EditableField({ label, value, multiline = false, required = false, readOnly = false, className = '', onSave }: {
  label: string;
  /** Shown but not editable (a coder copy's locked codebook). */
  readOnly?: boolean;
  value: string;
  multiline?: boolean;
  required?: boolean;
  className?: string;
  onSave(value: string): Promise<boolean>;
}) {
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);

  const commit = async () => {
    const next = multiline ? draft : draft.trim();
    if (next === value) return;
    if (required && !next) {
      setDraft(value);
      return;
    }
    if (!(await onSave(next)) && !editing.current) setDraft(value);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && draft !== value) {
      // Esc reverts the field; it must not also close or dismiss anything around it.
      e.preventDefault();
      e.stopPropagation();
      setDraft(value);
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      void commit();
    }
  };

  return (
    <TextField className={`code-edit__field ${className}`} value={draft} onChange={setDraft} isRequired={required} isReadOnly={readOnly}
      onFocus={() => (editing.current = true)}
      onBlur={() => {
        editing.current = false;
        void commit();
      }}
      onKeyDown={onKeyDown}>
      <Label>{label}</Label>
      {multiline ? <TextArea rows={3} /> : <Input />}
    </TextField>
  );
}
