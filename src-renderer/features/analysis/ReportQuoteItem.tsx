import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextArea, TextField, Label } from 'react-aria-components';
import type { ReportQuote } from '../../../src-shared/contracts/analysis.ts';
import { isHonestTrim } from '../../../src-shared/domain/quote-trim.ts';

interface Props {
  quote: ReportQuote;
  mark: string;
  onOmit(): void;
  onEdit(text: string | null): void;
}

/** One quote in the report preview: leave it out, or shorten it with "…" (checked against what was said). */
export function ReportQuoteItem({ quote, mark, onOmit, onEdit }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const honest = draft === null || isHonestTrim(quote.original, draft);
  return (
    <figure className="report-quote">
      {draft === null ? (
        <blockquote className="report-quote__text">“{quote.text}”</blockquote>
      ) : (
        <TextField className="report-quote__edit" value={draft} onChange={setDraft} isInvalid={!honest}>
          <Label className="visually-hidden">{t('analysis.builder.editQuote')}</Label>
          <TextArea rows={4} />
          {!honest && <p className="report-quote__error" role="alert">{t('analysis.builder.notHonest')}</p>}
        </TextField>
      )}
      <figcaption className="report-quote__meta">
        <span>{mark} {quote.attribution}</span>
        {draft === null ? (
          <>
            <Button className="tool tool--small" onPress={() => setDraft(quote.text)}>{t('analysis.builder.shorten')}</Button>
            {quote.trimmed && quote.text !== quote.original && (
              <Button className="tool tool--small" onPress={() => onEdit(null)}>{t('analysis.builder.restore')}</Button>
            )}
            <Button className="tool tool--small" onPress={onOmit}>{t('analysis.builder.omit')}</Button>
          </>
        ) : (
          <>
            <Button className="tool tool--small" isDisabled={!honest} onPress={() => { onEdit(draft); setDraft(null); }}>{t('analysis.builder.apply')}</Button>
            <Button className="tool tool--small" onPress={() => setDraft(null)}>{t('analysis.builder.cancel')}</Button>
          </>
        )}
      </figcaption>
    </figure>
  );
}
