// Merging a code into another: pick the target (searchable), see exactly how
// many codings move and how many collapse as duplicates, then confirm.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { call } from '../../bridge.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useCodebook } from './codebook-store.ts';
import { mergeCodes } from './code-actions.ts';
import { pathOf, subtree } from './tree-rows.ts';
import { CodebookModal } from './CodebookModal.tsx';

interface Target {
  id: number;
  name: string;
  path: string;
  color: string;
}

export function MergeDialog({ code, rows }: { code: CodeRow; rows: readonly CodeRow[] }) {
  const { t } = useTranslation();
  const [intoId, setIntoId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  // A code cannot merge into itself or into one of its own sub-codes.
  const targets = useMemo(() => {
    const own = subtree(rows, code.id);
    return rows.filter((r) => !own.has(r.id)).map((r): Target => ({ id: r.id, name: r.name, path: pathOf(rows, r.id), color: r.color }));
  }, [rows, code.id]);
  const into = rows.find((r) => r.id === intoId);
  const impact = useQuery({
    queryKey: ['codebookEdit', 'mergeImpact', code.id, intoId],
    queryFn: () => call('codebook.mergeImpact', { fromId: code.id, intoId: intoId! }),
    enabled: intoId !== null,
    gcTime: 0,
  });
  const close = () => useCodebook.getState().close();
  const confirm = async () => {
    if (!into) return;
    setBusy(true);
    const ok = await mergeCodes(code, into);
    setBusy(false);
    if (ok) close();
  };
  const names = { from: code.name, into: into?.name ?? '' };

  return (
    <CodebookModal title={t('codebookEdit.merge.title', { code: code.name })} className="merge-dialog">
      <ComboBox className="field merge-dialog__target" menuTrigger="focus" autoFocus
        selectedKey={intoId} onSelectionChange={(key) => setIntoId(key === null ? null : Number(key))}
        defaultItems={targets}>
        <Label>{t('codebookEdit.merge.target')}</Label>
        <Input placeholder={t('codebookEdit.merge.targetPlaceholder')} />
        <Popover className="merge-dialog__popover">
          <ListBox className="menu-list merge-dialog__list" renderEmptyState={() => <p className="muted menu-item">{t('codebookEdit.merge.noTargets')}</p>}>
            {(item: Target) => (
              <ListBoxItem id={item.id} textValue={item.name} className="menu-item merge-option">
                <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
                <span className="merge-option__name">{item.name}</span>
                {item.path !== item.name && <span className="merge-option__path muted">{item.path}</span>}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <div className="codebook-dialog__body" role="status">
        {intoId === null && <p className="muted">{t('codebookEdit.merge.pick', { code: code.name })}</p>}
        {impact.isError && <ErrorState error={impact.error} onRetry={() => void impact.refetch()} />}
        {impact.data && into && (
          <>
            <p className="codebook-dialog__lead"><strong>{t('codebookEdit.merge.moving', { count: impact.data.moving, ...names })}</strong></p>
            {impact.data.duplicates > 0 && <p>{t('codebookEdit.merge.duplicates', { count: impact.data.duplicates, ...names })}</p>}
            {impact.data.subcodes > 0 && <p>{t('codebookEdit.merge.subcodes', { count: impact.data.subcodes, ...names })}</p>}
            <p className="muted">{t('codebookEdit.merge.afterwards', names)}</p>
          </>
        )}
      </div>
      <div className="dialog__actions">
        <Button className="button" onPress={close}>{t('codebookEdit.cancel')}</Button>
        <Button className="button button--primary" isDisabled={!impact.data || !into || busy} onPress={() => void confirm()}>
          {t('codebookEdit.merge.confirm')}
        </Button>
      </div>
    </CodebookModal>
  );
}
