import { useTranslation } from 'react-i18next';
import type { AutocodePreview } from '../../../src-shared/contracts/search.ts';

/**
 * The passages an autocode will code, as it will code them (issue 11 §4): the
 * user sees what changes before confirming. A scrolling list that takes the
 * keyboard focus (axe: scrollable-region-focusable).
 */
export function AutocodePassages({ preview }: { preview: AutocodePreview }) {
  const { t } = useTranslation();
  const more = preview.newCodings - preview.passages.length;
  return (
    <section className="autocode-passages" aria-labelledby="autocode-passages-title">
      <h3 id="autocode-passages-title" className="autocode-passages__title">{t('search.autocode.passagesTitle')}</h3>
      <ol className="autocode-passages__list" tabIndex={0} aria-labelledby="autocode-passages-title">
        {preview.passages.map((p) => (
          <li key={`${p.sourceId}:${p.start}`} className="autocode-passage">
            <span className="autocode-passage__source">{p.sourceName}</span>
            <q className="autocode-passage__text">{p.text}{p.cut ? ' …' : ''}</q>
          </li>
        ))}
      </ol>
      {more > 0 && <p className="muted autocode-passages__more">{t('search.autocode.passagesMore', { count: more })}</p>}
    </section>
  );
}
