import { useTranslation } from 'react-i18next';
import { useCodes } from '../../state/queries.ts';
import { useUi } from '../../state/ui-store.ts';
import { Field } from './Fields.tsx';

export function CodeDetails({ id }: { id: number }) {
  const { t } = useTranslation();
  const perspective = useUi((s) => s.perspectiveFilter);
  const code = useCodes(perspective).data?.find((c) => c.id === id);
  if (!code) return null;
  return (
    <section aria-labelledby="inspector-code">
      <h3 id="inspector-code" className="inspector__name">
        <span className="swatch" style={{ background: code.color }} aria-hidden="true" /> {code.name}
      </h3>
      <p className="muted">{t(`codeRole.${code.role}`)}</p>
      <dl className="fields">
        <Field label={t('shell.definition')}>{code.definition}</Field>
        <Field label={t('shell.include')}>{code.includeCriteria}</Field>
        <Field label={t('shell.exclude')}>{code.excludeCriteria}</Field>
        <Field label={t('shell.example')}>{code.example && <q>{code.example}</q>}</Field>
        <Field label={t('shell.counts')}>{t('shell.countsTitle', { ...code.counts })}</Field>
        {code.totals.segments !== code.counts.segments && (
          <Field label={t('shell.countsWithSubcodes')}>{t('shell.countsTitle', { ...code.totals })}</Field>
        )}
      </dl>
    </section>
  );
}
