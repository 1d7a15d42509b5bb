import { useTranslation } from 'react-i18next';
import { Input, Label, Radio, RadioGroup, TextField } from 'react-aria-components';
import { useImport } from './import-store.ts';

/** How speaker labels are found; changing it and refreshing re-runs the preview instantly. */
export function SpeakerModeField() {
  const { t } = useTranslation();
  const mode = useImport((s) => s.mode);
  const setMode = useImport((s) => s.setMode);
  return (
    <div className="speaker-mode">
      <RadioGroup
        className="field field--inline"
        value={mode.kind}
        onChange={(kind) => setMode(kind === 'pattern' ? { kind: 'pattern', pattern: mode.kind === 'pattern' ? mode.pattern : '^(?<label>[^:]{1,40}):' } : { kind: kind as 'auto' | 'none' })}
      >
        <Label>{t('import.speakerMode')}</Label>
        <Radio value="auto">{t('import.modeAuto')}</Radio>
        <Radio value="none">{t('import.modeNone')}</Radio>
        <Radio value="pattern">{t('import.modePattern')}</Radio>
      </RadioGroup>
      {mode.kind === 'pattern' && (
        <TextField className="field" value={mode.pattern} onChange={(pattern) => setMode({ kind: 'pattern', pattern })}>
          <Label>{t('import.pattern')}</Label>
          <Input className="mono" />
        </TextField>
      )}
    </div>
  );
}
