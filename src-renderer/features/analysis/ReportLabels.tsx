import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Input, Label, TextField } from 'react-aria-components';
import { PERSPECTIVES } from '../../../src-shared/domain/perspectives.ts';

/**
 * The quote label per perspective. Typed freely and stored when the field is
 * left (or Enter is pressed): one undoable step per label, not one per key.
 */
export function ReportLabels({ stored, onSave }: { stored: Record<string, string>; onSave(labels: Record<string, string>): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(stored);
  useEffect(() => setDraft(stored), [stored]);
  const commit = () => {
    const clean = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ''));
    if (JSON.stringify(clean) !== JSON.stringify(stored)) onSave(clean);
  };
  return (
    <fieldset className="report-builder__fieldset">
      <legend>{t('analysis.builder.labels')}</legend>
      {PERSPECTIVES.map((p) => (
        <TextField key={p} className="field-inline" value={draft[p] ?? ''} onChange={(v) => setDraft({ ...draft, [p]: v })}
          onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); }}>
          <Label>{t(`perspective.${p}`)}</Label>
          <Input className="text-input" placeholder={t(`perspective.${p}`)} maxLength={80} />
        </TextField>
      ))}
    </fieldset>
  );
}
