// Recolouring a code: a palette of distinct colours as radio buttons (arrow
// keys move between them) plus a hex field for any other colour.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FieldError, Form, Input, Label, Radio, RadioGroup, TextField } from 'react-aria-components';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { useCodebook } from './codebook-store.ts';
import { recolourCode } from './code-actions.ts';
import { PALETTE, parseHex } from './colours.ts';
import { CodebookModal } from './CodebookModal.tsx';

export function ColourDialog({ code }: { code: CodeRow }) {
  const { t } = useTranslation();
  const [hex, setHex] = useState(code.color.toLowerCase());
  const [busy, setBusy] = useState(false);
  const parsed = parseHex(hex);
  const close = () => useCodebook.getState().close();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed || busy) return;
    if (parsed === code.color.toLowerCase()) return close();
    setBusy(true);
    const ok = await recolourCode(code, parsed);
    setBusy(false);
    if (ok) close();
  };

  return (
    <CodebookModal title={t('codebookEdit.colour.title', { code: code.name })}>
      <Form onSubmit={(e) => void submit(e)}>
        <RadioGroup className="colour-palette" value={PALETTE.find((p) => p.hex === parsed)?.hex ?? null} onChange={setHex}
          orientation="horizontal">
          <Label className="field__label">{t('codebookEdit.colour.palette')}</Label>
          <div className="colour-palette__grid">
            {PALETTE.map((p) => (
              <Radio key={p.key} value={p.hex} className="colour-option" aria-label={t(`codebookEdit.colour.names.${p.key}`)}>
                <span className="colour-option__swatch" style={{ background: p.hex }} aria-hidden="true" />
              </Radio>
            ))}
          </div>
        </RadioGroup>
        <TextField className="field colour-hex" value={hex} onChange={setHex} validationBehavior="aria"
          validate={(v) => (parseHex(v) ? null : t('codebookEdit.colour.invalid'))}>
          <Label>{t('codebookEdit.colour.hex')}</Label>
          <div className="colour-hex__row">
            <Input className="mono" spellCheck={false} maxLength={7} />
            <span className="colour-hex__preview" style={{ background: parsed ?? 'transparent' }} aria-hidden="true" />
            <span className="colour-hex__preview colour-hex__preview--old" style={{ background: code.color }} title={t('codebookEdit.colour.current')} aria-hidden="true" />
          </div>
          <FieldError className="field-error" />
        </TextField>
        <div className="dialog__actions">
          <Button className="button" onPress={close}>{t('codebookEdit.cancel')}</Button>
          <Button type="submit" className="button button--primary" isDisabled={!parsed || busy}>{t('codebookEdit.save')}</Button>
        </div>
      </Form>
    </CodebookModal>
  );
}
