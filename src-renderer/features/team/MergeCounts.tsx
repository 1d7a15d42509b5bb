// What one file brings in (the preview) or brought in (the report): per kind
// added / changed / removed, and where incoming codings went.
import { useTranslation } from 'react-i18next';
import type { MergeCounts as Counts, MergeReport } from '../../../src-shared/contracts/team.ts';

const KINDS: (keyof Counts)[] = ['codings', 'codes', 'memos', 'participants', 'attributes', 'values', 'sources'];
// Always shown, even at zero, so the table reads the same for every file.
const ALWAYS = new Set<keyof Counts>(['codings', 'codes', 'memos']);

export function MergeCounts({ file, report, id }: { file: string; report: MergeReport; id: string }) {
  const { t } = useTranslation();
  const kinds = KINDS.filter((k) => ALWAYS.has(k) || report.added[k] + report.changed[k] + report.removed[k] > 0);
  return (
    <section className="team-file" aria-labelledby={id}>
      <h3 id={id} className="team-file__title">{t('team.ui.merge.fileHeading', { file, coder: report.coder })}</h3>
      {report.alreadyMerged ? (
        <p>{t('team.ui.merge.alreadyMerged')}</p>
      ) : (
        <>
          <table className="team-counts">
            <thead>
              <tr>
                <td />
                <th scope="col">{t('team.ui.merge.added')}</th>
                <th scope="col">{t('team.ui.merge.changed')}</th>
                <th scope="col">{t('team.ui.merge.removed')}</th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((k) => (
                <tr key={k}>
                  <th scope="row">{t(`team.ui.merge.counts.${k}`)}</th>
                  <td>{report.added[k]}</td>
                  <td>{report.changed[k]}</td>
                  <td>{report.removed[k]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="team-fates">
            <div><dt>{t('team.ui.merge.reanchored')}</dt><dd>{report.reanchored}</dd></div>
            <div><dt>{t('team.ui.merge.needsReview')}</dt><dd>{report.needsReview}</dd></div>
            <div><dt>{t('team.ui.merge.conflicts')}</dt><dd>{report.conflicts.length}</dd></div>
          </dl>
          {/* Preview only: codings whose place waits for a choice are in no count above — say so rather than guess. */}
          {report.pending > 0 && <p className="team-pending">{t('team.ui.merge.pending', { count: report.pending })}</p>}
        </>
      )}
    </section>
  );
}
