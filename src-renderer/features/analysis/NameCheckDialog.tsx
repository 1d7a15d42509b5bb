// Before an export: the places where a quote or passage contains a name the
// project knows, each with a one-click "replace with [rol]" that stores a
// marked substitution (undoable). Export anyway or cancel. Used by the report
// builder and the coded-segments export.
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import type { NamePlace } from '../../../src-shared/contracts/analysis.ts';
import { QuoteText } from './ReportQuoteItem.tsx';

interface Props {
  places: readonly NamePlace[];
  busy: boolean;
  onFix(place: NamePlace): void;
  onExport(): void;
  onCancel(): void;
}

/** The quote with each found name emphasised, so the analyst sees what will be replaced. */
function Highlighted({ place }: { place: NamePlace }) {
  const names = place.names.map((n) => n.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = place.text.split(new RegExp(`(${names.join('|')})`, 'u'));
  return <>{parts.map((p, i) => (i % 2 === 1 ? <strong key={i} className="names-dialog__name">{p}</strong> : <QuoteText key={i} text={p} />))}</>;
}

export function NameCheckDialog({ places, busy, onFix, onExport, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <Modal isOpen isDismissable onOpenChange={(open) => { if (!open) onCancel(); }} className="modal">
      <Dialog className="dialog dialog--wide names-dialog">
        <Heading slot="title">{t('analysis.builder.names.title')}</Heading>
        {places.length === 0
          ? <p role="status">{t('analysis.builder.names.none')}</p>
          : <p>{t('analysis.builder.names.intro', { count: places.length })}</p>}
        <ul className="names-dialog__list" aria-label={t('analysis.builder.names.title')}>
          {places.map((p) => (
            <li key={`${p.codingGuid}|${p.where}`} className="names-dialog__place">
              <p className="names-dialog__where">
                {p.where.endsWith(p.attribution) ? p.where : t('analysis.builder.names.place', { where: p.where, attribution: p.attribution })}
              </p>
              <blockquote className="report-quote__text">“<Highlighted place={p} />”</blockquote>
              <p className="muted">
                {t('analysis.builder.names.found', { names: p.names.map((n) => `${n.name} (${t(`analysis.builder.names.kind.${n.kind}`)})`).join(', ') })}
              </p>
              {p.fix
                ? (
                  <Button className="tool tool--small" isDisabled={busy} onPress={() => onFix(p)}>
                    {t('analysis.builder.names.replace', { replacement: [...new Set(p.names.map((n) => n.replacement))].join(', ') })}
                  </Button>
                )
                : <p className="muted">{t('analysis.builder.names.noFix')}</p>}
            </li>
          ))}
        </ul>
        <div className="dialog__actions">
          <Button className="button" onPress={onCancel}>{t('analysis.builder.names.cancel')}</Button>
          <Button className="button button--primary" isDisabled={busy} onPress={onExport}>
            {places.length === 0 ? t('analysis.builder.export') : t('analysis.builder.names.exportAnyway')}
          </Button>
        </div>
      </Dialog>
    </Modal>
  );
}
