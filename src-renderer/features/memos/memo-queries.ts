// Memo queries and writes. Keys start with keys.memos so the 'memos' change
// tag (and undo/redo, which announce every tag) refreshes every memo view.
import i18next from 'i18next';
import { useQuery } from '@tanstack/react-query';
import { call, BridgeError } from '../../bridge.ts';
import { keys } from '../../state/queries.ts';
import { useUi } from '../../state/ui-store.ts';
import type { MemoTarget, MemoView } from '../../../src-shared/contracts/memos.ts';

export function reportError(err: unknown): void {
  useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
}

export const useTargetMemos = (target: MemoTarget) =>
  useQuery({ queryKey: [...keys.memos, target.kind, target.id], queryFn: () => call('memos.list', { target }) });

export const useAllMemos = (query: string) =>
  useQuery({
    queryKey: [...keys.memos, 'all', query],
    queryFn: () => call('memos.list', query.trim() ? { query } : {}),
    // Keep showing the last list while the next query runs, so the list does not flash empty.
    placeholderData: (previous) => previous,
  });

export async function createMemo(target: MemoTarget): Promise<MemoView | null> {
  try {
    useUi.getState().setNotice(null);
    return await call('memos.create', { target });
  } catch (err) {
    reportError(err);
    return null;
  }
}

export async function deleteMemo(id: number): Promise<boolean> {
  try {
    await call('memos.delete', { id });
    useUi.getState().setStatus(i18next.t('memos.deleted'));
    return true;
  } catch (err) {
    reportError(err);
    return false;
  }
}
