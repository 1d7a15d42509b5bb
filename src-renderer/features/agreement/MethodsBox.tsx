import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Label, Radio, RadioGroup, TextArea, TextField } from 'react-aria-components';
import type { AgreementReport } from '../../../src-shared/contracts/agreement.ts';
import { useUi } from '../../state/ui-store.ts';

/** The methods paragraph for the report, in Dutch or English, ready to copy. */
export function MethodsBox({ report }: { report: AgreementReport }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<'nl' | 'en'>(i18n.language === 'en' ? 'en' : 'nl');
  const text = report.methods[language];
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      useUi.getState().setStatus(t('agreement.copied'));
    } catch {
      // No clipboard (a locked-down browser): the text stays selectable in the field.
    }
  };
  return (
    <section className="agreement-methods" aria-labelledby="agreement-methods-title">
      <div className="agreement-heatmap__head">
        <h3 id="agreement-methods-title" className="agreement__subtitle">{t('agreement.methods')}</h3>
        <RadioGroup className="radio-row" value={language} onChange={(v) => setLanguage(v as 'nl' | 'en')}>
          <Label>{t('agreement.methodsLanguage')}</Label>
          <Radio value="nl" className="radio">Nederlands</Radio>
          <Radio value="en" className="radio">English</Radio>
        </RadioGroup>
        <Button className="tool tool--small" onPress={() => void copy()}>{t('agreement.copy')}</Button>
      </div>
      <TextField isReadOnly value={text} aria-label={t('agreement.methods')}>
        <TextArea className="agreement-methods__text" lang={language} rows={6} />
      </TextField>
    </section>
  );
}
