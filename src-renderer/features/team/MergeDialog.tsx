// "Werk samenvoegen" (issue 15 §3, §5): a preview of what every chosen file
// brings in (a dry run: nothing written), the conflict review screen, then one
// merge — one transaction and one undo step — and its report.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import type { Resolution } from '../../../src-shared/contracts/team.ts';
import { call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useUi } from '../../state/ui-store.ts';
import { useTeam } from './team-store.ts';
import { MergeCounts } from './MergeCounts.tsx';
import { ConflictReview } from './ConflictReview.tsx';
import { reviewItems, toResolution, type Draft } from './conflicts.ts';

export function MergeDialog({ paths }: { paths: string[] }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<'preview' | 'review'>('preview');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const preview = useQuery({ queryKey: ['team', 'preview', paths], queryFn: () => call('team.merge', { paths, dryRun: true }), gcTime: 0, retry: false });
  const items = reviewItems(preview.data ?? []);
  const resolutions: Record<string, Resolution> = {};
  for (const i of items) {
    const r = toResolution(drafts[i.conflict.id]);
    if (r) resolutions[i.conflict.id] = r;
  }
  const open = items.length - Object.keys(resolutions).length;
  const run = useMutation({ mutationFn: () => call('team.merge', { paths, resolutions }) });
  const close = () => useTeam.getState().close();
  const showLog = () => {
    useUi.getState().setView('history');
    close();
  };
  const done = run.data;
  const canMerge = preview.isSuccess && open === 0 && !run.isPending && preview.data.some((f) => !f.report.alreadyMerged);

  return (
    <Modal isOpen isDismissable={!run.isPending} onOpenChange={(o) => !o && close()} className="modal">
      <Dialog className="dialog dialog--wide team-dialog">
        <Heading slot="title">{done ? t('team.ui.merge.doneTitle') : t('team.ui.merge.title')}</Heading>
        {done ? (
          <>
            {!done.some((f) => f.report.merged) && <p role="status">{t('team.ui.merge.nothingMerged')}</p>}
            {done.map((f, n) => <MergeCounts key={n} id={`team-done-${n}`} file={f.file} report={f.report} />)}
            {done.some((f) => f.report.review.length > 0) && (
              <section aria-labelledby="team-review-list">
                <h3 id="team-review-list" className="team-file__title">{t('team.ui.merge.reviewList')}</h3>
                <ul>{done.flatMap((f) => f.report.review).map((r) => <li key={r.guid}>{t('team.ui.merge.reviewItem', r)}</li>)}</ul>
              </section>
            )}
            <p className="muted" role="status">{t('team.ui.merge.doneHint')}</p>
            <div className="dialog__actions">
              <Button className="button" onPress={close}>{t('team.ui.merge.close')}</Button>
              <Button className="button button--primary" autoFocus onPress={showLog}>{t('team.ui.merge.showLog')}</Button>
            </div>
          </>
        ) : (
          <>
            {preview.isPending && <p aria-busy="true">{t('team.ui.merge.reading')}</p>}
            {preview.isError && <ErrorState error={preview.error} />}
            {preview.isSuccess && phase === 'preview' && (
              <>
                <p className="exchange__lead">{t('team.ui.merge.previewIntro')}</p>
                {preview.data.map((f, n) => <MergeCounts key={n} id={`team-file-${n}`} file={f.file} report={f.report} />)}
                <p role="status">{items.length === 0 ? t('team.ui.merge.noConflicts') : t('team.ui.merge.someConflicts', { count: items.length })}</p>
              </>
            )}
            {preview.isSuccess && phase === 'review' && (
              <>
                <ConflictReview items={items} drafts={drafts} onDraft={(id, d) => setDrafts((all) => ({ ...all, [id]: d }))} />
                <p role="status" className="team-hint">{open === 0 ? t('team.ui.merge.allDecided') : t('team.ui.merge.undecided', { count: open })}</p>
              </>
            )}
            {run.isError && <ErrorState error={run.error} />}
            <div className="dialog__actions">
              <Button className="button" onPress={close}>{t('team.ui.merge.cancel')}</Button>
              {phase === 'review' && <Button className="button" onPress={() => setPhase('preview')}>{t('team.ui.merge.back')}</Button>}
              {phase === 'preview' && items.length > 0 && (
                <Button className="button button--primary" autoFocus onPress={() => setPhase('review')}>{t('team.ui.merge.review')}</Button>
              )}
              {preview.isSuccess && (phase === 'review' || items.length === 0) && (
                <Button className="button button--primary" isDisabled={!canMerge} onPress={() => run.mutate()}>{t('team.ui.merge.run')}</Button>
              )}
            </div>
          </>
        )}
      </Dialog>
    </Modal>
  );
}
