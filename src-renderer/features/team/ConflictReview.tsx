// The conflict review screen (issue 15 §3, §5): the conflicts as a list (↑/↓
// move and select), the selected one's evidence, and its choices.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListBox, ListBoxItem } from 'react-aria-components';
import { useCodes } from '../../state/queries.ts';
import { ConflictChoices } from './ConflictChoices.tsx';
import { evidence, summary, toResolution, type Draft, type ReviewItem } from './conflicts.ts';

export function ConflictReview({ items, drafts, onDraft }: { items: ReviewItem[]; drafts: Record<string, Draft>; onDraft(id: string, d: Draft): void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(items[0]?.conflict.id ?? '');
  const item = items.find((i) => i.conflict.id === current) ?? items[0];
  const codes = useCodes(null);
  const rows = item ? evidence(item.conflict, (guid) => codes.data?.find((c) => c.guid === guid)?.name) : [];
  const hasBase = rows.some((r) => r.base !== undefined);
  const about = item ? summary(item) : null;
  return (
    <div className="team-review">
      <div className="team-review__list">
        <p id="team-review-help" className="muted team-hint">{t('team.ui.conflicts.help')}</p>
        <ListBox aria-label={t('team.ui.conflicts.list')} aria-describedby="team-review-help" className="team-conflicts" autoFocus
          selectionMode="single" selectionBehavior="replace" disallowEmptySelection selectedKeys={[item?.conflict.id ?? '']}
          onSelectionChange={(keys) => keys !== 'all' && keys.size > 0 && setCurrent(String([...keys][0]))} items={items.map((i) => ({ id: i.conflict.id, i }))}>
          {({ id, i }) => {
            const decided = toResolution(drafts[id]) !== null;
            return (
              <ListBoxItem id={id} className="team-conflict" textValue={t(`team.conflict.${i.conflict.kind}`)}>
                <span className="team-conflict__kind">{t(`team.conflict.${i.conflict.kind}`)}</span>
                <span className="team-conflict__what">{summary(i) ?? ''}</span>
                <span className={`badge team-conflict__state${decided ? ' team-conflict__state--done' : ''}`}>
                  {t(decided ? 'team.ui.conflicts.decided' : 'team.ui.conflicts.open')}
                </span>
              </ListBoxItem>
            );
          }}
        </ListBox>
      </div>
      {item && (
        <section className="team-review__detail" aria-labelledby="team-conflict-title">
          <h3 id="team-conflict-title" className="team-file__title">{t(`team.conflict.${item.conflict.kind}`)}</h3>
          {about && <p>{about}</p>}
          {rows.length > 0 && (
            <table className="team-evidence">
              <thead>
                <tr>
                  <td />
                  {hasBase && <th scope="col">{t('team.ui.conflicts.base')}</th>}
                  <th scope="col">{t('team.ui.conflicts.ours')}</th>
                  <th scope="col">{t('team.ui.conflicts.theirs', { coder: item.coder })}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, n) => (
                  <tr key={n}>
                    <th scope="row">{r.label}</th>
                    {hasBase && <td>{r.base ?? ''}</td>}
                    <td>{r.ours}</td>
                    <td>{r.theirs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ConflictChoices key={item.conflict.id} item={item} draft={drafts[item.conflict.id] ?? {}} onChange={(d) => onDraft(item.conflict.id, d)} />
        </section>
      )}
    </div>
  );
}
