import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useCodes } from '../../state/queries.ts';
import { useUi } from '../../state/ui-store.ts';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { EditableField } from '../codebook/EditableField.tsx';
import { useCodebookLocked } from '../team/status.ts';
import { CodebookDialogs } from '../codebook/CodebookDialogs.tsx';
import { useCodebook } from '../codebook/codebook-store.ts';
import { saveField, type CodeFieldName } from '../codebook/code-actions.ts';
import '../codebook/codebook.css';

function Counts({ code }: { code: CodeRow }) {
  const { t } = useTranslation();
  const perspective = useUi((s) => s.perspectiveFilter);
  const hasSub = code.totals.segments !== code.counts.segments || code.totals.participants !== code.counts.participants || code.totals.sources !== code.counts.sources;
  // Measures as rows, so the narrow inspector never needs a fourth column.
  const measures = (['segments', 'participants', 'sources'] as const).map((m) => ({ m, label: t(`codebookEdit.details.${m}`) }));
  return (
    <table className="code-counts">
      <caption>{perspective ? t('codebookEdit.details.countsFiltered', { perspective: t(`perspective.${perspective}`) }) : t('codebookEdit.details.counts')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{t('codebookEdit.details.own')}</th>
          {hasSub && <th scope="col">{t('codebookEdit.details.withSubcodes')}</th>}
        </tr>
      </thead>
      <tbody>
        {measures.map(({ m, label }) => (
          <tr key={m}>
            <th scope="row">{label}</th>
            <td>{code.counts[m]}</td>
            {hasSub && <td>{code.totals[m]}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CodeDetails({ id }: { id: number }) {
  const { t } = useTranslation();
  const perspective = useUi((s) => s.perspectiveFilter);
  const showNavigator = useUi((s) => s.showNavigator);
  const codes = useCodes(perspective).data;
  // A coder copy's locked codebook: the definition is shown, not edited (the service refuses it; the codebook says why).
  const locked = useCodebookLocked();
  const code = codes?.find((c) => c.id === id);
  if (!code) return null;
  const field = (name: CodeFieldName, label: string, extra: { multiline?: boolean; required?: boolean; className?: string } = {}) => (
    <EditableField key={`${code.id}-${name}`} label={label} value={code[name]} readOnly={locked} {...extra}
      onSave={(value) => saveField(code.id, name, value, label)} />
  );
  return (
    <section aria-labelledby="inspector-code">
      <h3 id="inspector-code" className="inspector__name">
        <span className="swatch" style={{ background: code.color }} aria-hidden="true" /> {code.name}
      </h3>
      <p className="muted">{t(`codeRole.${code.role}`)}</p>
      <div className="code-edit">
        {field('name', t('codebookEdit.details.name'), { required: true })}
        <div className="code-edit__field">
          <span className="code-edit__label" id="code-edit-colour">{t('codebookEdit.details.colour')}</span>
          <div className="code-edit__colour">
            <span className="swatch" style={{ background: code.color, width: 18, height: 18 }} aria-hidden="true" />
            <span className="mono">{code.color}</span>
            <Button className="tool tool--small" aria-describedby="code-edit-colour" isDisabled={locked}
              onPress={() => useCodebook.getState().open({ kind: 'colour', codeId: code.id })}>
              {t('codebookEdit.details.changeColour')}
            </Button>
          </div>
        </div>
        {field('definition', t('codebookEdit.details.definition'), { multiline: true })}
        {field('includeCriteria', t('codebookEdit.details.include'), { multiline: true })}
        {field('excludeCriteria', t('codebookEdit.details.exclude'), { multiline: true })}
        {field('example', t('codebookEdit.details.example'), { multiline: true, className: 'code-edit__field--quote' })}
        <p className="code-edit__hint muted">{t('codebookEdit.details.saveHint')}</p>
        <Counts code={code} />
      </div>
      {/* The tree hosts the codebook dialogs; with the navigator hidden, the inspector does. */}
      {!showNavigator && codes && <CodebookDialogs rows={codes} />}
    </section>
  );
}
