// One memo in the all-memos list: what it is about, an excerpt, who and when;
// edit it in place, or go to what it is about.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { MemoView } from '../../../src-shared/contracts/memos.ts';
import { useUi } from '../../state/ui-store.ts';
import { LazyMemoEditor as MemoEditor } from './lazy-memo-editor.ts';
import { memoDate, memoName, memoTarget } from './memo-format.ts';

/** Goes to what the memo is about: the place in the transcript, or the code/participant in the inspector. */
function goTo(memo: MemoView): void {
  const ui = useUi.getState();
  if (memo.targetId === null) return;
  if (memo.targetKind === 'coding' && memo.reveal) ui.reveal(memo.reveal);
  else if (memo.targetKind === 'source') ui.openSource(memo.targetId);
  else if (memo.targetKind === 'code' || memo.targetKind === 'participant') {
    ui.select({ kind: memo.targetKind, id: memo.targetId });
    if (!ui.showInspector) ui.toggleInspector();
  }
}

export function MemoHit({ memo }: { memo: MemoView }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const name = memoName(t, memo);
  const canGo = !memo.orphaned && memo.targetKind !== 'project';
  return (
    <article className="memo-hit" aria-label={name}>
      <div className="memo-hit__head">
        <strong>{name}</strong>
        <span className={memo.orphaned ? 'memo-hit__target memo-hit__target--orphaned' : 'memo-hit__target'}>{memoTarget(t, memo)}</span>
      </div>
      {/* An untitled memo is already named by its first line. */}
      {!editing && memo.plain && (memo.title || memo.plain.includes('\n')) && <p className="memo-hit__excerpt">{memo.plain}</p>}
      <div className="memo-hit__meta">
        {t('memos.author', { author: memo.author ?? t('memos.unknownAuthor') })} · {t('memos.created', { date: memoDate(memo.createdAt, i18n.language) })}
        {memo.updatedAt !== memo.createdAt && <> · {t('memos.updated', { date: memoDate(memo.updatedAt, i18n.language) })}</>}
      </div>
      {editing ? (
        <MemoEditor memo={memo} autoFocus onClose={() => setEditing(false)} />
      ) : (
        <div className="memo-hit__actions">
          <Button className="tool tool--small" onPress={() => setEditing(true)} aria-label={`${t('memos.edit')}: ${name}`}>{t('memos.edit')}</Button>
          {canGo && memo.targetKind !== 'project' && (
            <Button className="tool tool--small" onPress={() => goTo(memo)}>{t(`memos.journal.show.${memo.targetKind}`)}</Button>
          )}
        </div>
      )}
    </article>
  );
}
