// Keys on a focused codebook row. They stop here so the app's own shortcuts
// (F2 corrects the transcript text) do not fire while the tree has focus.
import type { KeyboardEvent } from 'react';
import i18next from 'i18next';
import { useUi } from '../../state/ui-store.ts';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { useCodebook } from './codebook-store.ts';
import { stepCode, type Step } from './code-actions.ts';

const ALT_STEPS: Record<string, Step> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'indent', ArrowLeft: 'outdent' };

/**
 * Handles a key on the codebook section in the capture phase, before React
 * Aria's tree keys (Alt+arrows would otherwise also move focus or expand).
 */
export function handleRowKey(e: KeyboardEvent, rows: readonly CodeRow[], locked = false): void {
  // Only keys on a focused row itself; the row's menu button and other controls keep theirs.
  const row = e.target instanceof HTMLElement && e.target.getAttribute('role') === 'row' ? e.target : null;
  const code = rows.find((r) => r.id === Number(row?.querySelector<HTMLElement>('[data-code-id]')?.dataset.codeId));
  if (!code) return;
  const store = useCodebook.getState();
  const plain = !e.ctrlKey && !e.altKey && !e.metaKey;
  // A coder copy with a locked codebook: the restructuring keys say why instead of opening what the service refuses.
  // They still stop here, so F2 does not fall through to correcting the transcript text.
  if (locked && ((plain && (e.key === 'F2' || e.key === 'Delete')) || (e.altKey && !e.ctrlKey && !e.metaKey && ALT_STEPS[e.key]))) {
    useUi.getState().setNotice(i18next.t('team.ui.lockedNote'));
    e.preventDefault();
    e.stopPropagation();
    return;
  }
  let handled = true;
  if (e.key === 'F2' && !e.ctrlKey && !e.altKey && !e.metaKey) store.open({ kind: 'rename', codeId: code.id });
  else if (e.key === 'Delete' && !e.ctrlKey && !e.altKey && !e.metaKey) store.open({ kind: 'delete', codeId: code.id });
  else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) store.openMenu(code.id);
  else if (e.altKey && !e.ctrlKey && !e.metaKey && ALT_STEPS[e.key]) void stepCode(code, ALT_STEPS[e.key]!);
  else handled = false;
  if (handled) {
    e.preventDefault();
    e.stopPropagation();
  }
}
