import { useTranslation } from 'react-i18next';
import { Checkbox, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Button } from 'react-aria-components';
import type { FilePreview } from '../../../src-shared/contracts/import.ts';
import { ENCODING_CHOICES } from '../../../src-shared/contracts/constants.ts';
import { useImport, type EncodingChoice } from './import-store.ts';
import { runPreview } from './actions.ts';
import { SpeakerRow } from './SpeakerRow.tsx';
import { repeats } from './batch.ts';
import './import.css';

function EncodingPicker({ preview }: { preview: FilePreview }) {
  const { t } = useTranslation();
  if (!preview.encoding) return null;
  return (
    <div className="encoding">
      <Select
        className="field field--inline"
        selectedKey={preview.encoding.name}
        onSelectionChange={(key) => {
          useImport.getState().setEncoding(preview.path, key as EncodingChoice);
          void runPreview();
        }}
      >
        <Label>{t('import.encoding')}</Label>
        <Button className="tool tool--small"><SelectValue /><span aria-hidden="true"> ▾</span></Button>
        <Popover>
          <ListBox className="menu-list">
            {[...new Set([preview.encoding.name, ...ENCODING_CHOICES])].map((e) => (
              <ListBoxItem key={e} id={e} className="menu-item">{e}</ListBoxItem>
            ))}
          </ListBox>
        </Popover>
      </Select>
      {preview.encoding.confidence !== 'certain' && preview.excerpt && (
        <figure className="excerpt">
          <figcaption>{t('import.excerpt')}</figcaption>
          <pre tabIndex={0}>{preview.excerpt}</pre>
        </figure>
      )}
    </div>
  );
}

/** Joining caption-style lines into running text (issue 9 §9): shown when detected or chosen. */
function LineOptions({ preview }: { preview: FilePreview }) {
  const { t } = useTranslation();
  const chosen = useImport((s) => s.joinLines[preview.path]);
  const lineBreaks = preview.lineBreaks;
  const notes = preview.notes ?? 0;
  if (!lineBreaks?.detected && chosen === undefined && notes === 0) return null;
  return (
    <div className="file-options">
      {(lineBreaks?.detected || chosen !== undefined) && (
        <Checkbox
          className="checkbox"
          isSelected={chosen ?? lineBreaks?.joined ?? false}
          onChange={(join) => {
            useImport.getState().setJoinLines(preview.path, join);
            void runPreview();
          }}
        >
          {t('importBatch.joinLines')} <span className="muted">— {t('importBatch.joinLinesHint')}</span>
        </Checkbox>
      )}
      {notes > 0 && <p className="muted" role="note">{t('importBatch.notes', { count: notes })}</p>}
    </div>
  );
}

export function FileReview({ preview }: { preview: FilePreview }) {
  const { t } = useTranslation();
  const choice = useImport((s) => s.choices[preview.token]);
  const repeated = useImport((s) => repeats(s, preview));
  const setChoice = useImport((s) => s.setChoice);
  const headingId = `file-${preview.token}`;
  if (!preview.ok) {
    return (
      <section className="file-card file-card--failed" aria-labelledby={headingId}>
        <h3 id={headingId}>{preview.fileName}</h3>
        <p role="alert"><strong>{t('import.failed')}:</strong> {preview.error?.message}</p>
      </section>
    );
  }
  const convention = preview.convention ?? 'none';
  return (
    <section className={`file-card${choice?.skip ? ' file-card--skipped' : ''}`} aria-labelledby={headingId}>
      <header className="file-card__head">
        <h3 id={headingId}>{preview.fileName}</h3>
        <span className="muted">
          {preview.format} · {t('import.turns', { count: preview.turns ?? 0 })} · {t('import.characters', { count: preview.characters ?? 0 })}
          {' · '}{t(`import.conventions.${convention}`, { defaultValue: convention })}
        </span>
        <Checkbox className="checkbox" isSelected={choice?.skip ?? false} onChange={(skip) => setChoice(preview.token, { skip })}>
          {t('import.skip')}
        </Checkbox>
      </header>
      {(preview.duplicateOf || repeated) && (
        <div className="warning" role="note">
          {preview.duplicateOf ? t('import.duplicate', { name: preview.duplicateOf.name }) : t('importBatch.repeatsFile', { file: repeated })}{' '}
          <Checkbox className="checkbox" isSelected={choice?.allowDuplicate ?? false} onChange={(allowDuplicate) => setChoice(preview.token, { allowDuplicate })}>
            {t('import.importAnyway')}
          </Checkbox>
        </div>
      )}
      {(preview.warnings ?? []).map((w) => (
        <p key={w.key} className="warning" role="note">{t(w.key, { defaultValue: w.key, ...(w.params ?? {}) })}</p>
      ))}
      {(preview.speakers ?? []).length === 1 && <p className="warning" role="note">{t('import.oneSpeaker')}</p>}
      <EncodingPicker preview={preview} />
      <LineOptions preview={preview} />
      {(preview.speakers ?? []).length === 0 ? (
        <p className="muted">{t('import.noSpeakers')}</p>
      ) : (
        <table className="speaker-table">
          <thead>
            <tr><th scope="col">{t('import.speaker')}</th><th scope="col">{t('import.sample')}</th><th scope="col">{t('import.mapTo')}</th></tr>
          </thead>
          <tbody>
            {(preview.speakers ?? []).map((s) => <SpeakerRow key={s.label} path={preview.path} fileName={preview.fileName} speaker={s} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}
