import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextArea, TextField, Label, Text } from 'react-aria-components';
import type { ReportQuote } from '../../../src-shared/contracts/analysis.ts';
import { checkQuoteEdit, quoteParts } from '../../../src-shared/domain/quote-trim.ts';

interface Props {
  quote: ReportQuote;
  mark: string;
  onOmit(): void;
  onEdit(text: string | null): void;
}

/** A quote's text with the analyst's [substitutions] marked as such. */
export function QuoteText({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <>
      {quoteParts(text).map((p, i) => (p.kind === 'sub'
        ? <mark key={i} className="report-quote__sub" title={t('analysis.builder.substitution')}><span className="visually-hidden">{t('analysis.builder.substitution')}: </span>{p.text}</mark>
        : <span key={i}>{p.text}</span>))}
    </>
  );
}

/**
 * One quote in the report preview: leave it out, or shorten it with "…" and
 * replace a name by "[rol]" (checked against what was said). A quote whose
 * passage changed since it was shortened says so, and how to fix it.
 */
export function ReportQuoteItem({ quote, mark, onOmit, onEdit }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const staleId = useId();
  const check = draft === null ? null : checkQuoteEdit(quote.original, draft);
  const problem = check && !check.ok ? (check.reason === 'substitution' ? t('analysis.builder.notHonestSubstitution') : t('analysis.builder.notHonestWords')) : null;
  const stale = quote.status === 'stale';
  return (
    <figure className={`report-quote${stale ? ' report-quote--stale' : ''}`} aria-describedby={stale ? staleId : undefined}>
      {draft === null ? (
        <blockquote className="report-quote__text">“<QuoteText text={quote.text} />”</blockquote>
      ) : (
        <TextField className="report-quote__edit" value={draft} onChange={setDraft} isInvalid={problem !== null} autoFocus
          onKeyDown={(e) => { if (e.key === 'Escape') setDraft(null); }}>
          <Label className="visually-hidden">{t('analysis.builder.editQuote')}</Label>
          <TextArea rows={4} />
          <Text slot="description" className="report-quote__hint">{t('analysis.builder.editQuoteHint')}</Text>
          {problem && <p className="report-quote__error" role="alert">{problem}</p>}
        </TextField>
      )}
      {stale && draft === null && (
        <div className="report-quote__stale" id={staleId} role="note">
          <p>{t('analysis.builder.stale')}</p>
          {quote.staleEdit && <p className="muted">{t('analysis.builder.staleEdit', { text: quote.staleEdit })}</p>}
        </div>
      )}
      <figcaption className="report-quote__meta">
        <span>
          {mark} {quote.attribution}
          {quote.status === 'edited' && <span className="report-quote__tag">{t('analysis.builder.status.edited')}</span>}
        </span>
        {draft === null ? (
          <>
            <Button className="tool tool--small" onPress={() => setDraft(stale ? quote.staleEdit ?? quote.text : quote.text)}>
              {stale ? t('analysis.builder.shortenAgain') : t('analysis.builder.shorten')}
            </Button>
            {(quote.status === 'edited' || stale) && (
              <Button className="tool tool--small" onPress={() => onEdit(null)}>{t('analysis.builder.restore')}</Button>
            )}
            <Button className="tool tool--small" onPress={onOmit}>{t('analysis.builder.omit')}</Button>
          </>
        ) : (
          <>
            <Button className="tool tool--small" isDisabled={!check?.ok} onPress={() => { onEdit(draft); setDraft(null); }}>{t('analysis.builder.apply')}</Button>
            <Button className="tool tool--small" onPress={() => setDraft(null)}>{t('analysis.builder.cancel')}</Button>
          </>
        )}
      </figcaption>
    </figure>
  );
}
