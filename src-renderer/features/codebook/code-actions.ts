// What codebook edits do from the UI: one call each, then a calm status line
// or a translated notice. The services make every edit one undo step.
import i18next from 'i18next';
import type { CodeRow, CodeStep } from '../../../src-shared/contracts/index.ts';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { useCodebook } from './codebook-store.ts';
import { subtree } from './tree-rows.ts';

function report(err: unknown): void {
  useUi.getState().setNotice(err instanceof BridgeError ? err.message : i18next.t('errors.internal', { detail: String(err) }));
}

function status(key: string, params: Record<string, string | number>): void {
  useUi.getState().setStatus(i18next.t(key, params));
}

/** Runs one write; false (with a notice shown) when it failed. */
async function attempt<T>(write: () => Promise<T>, onDone: (result: T) => void): Promise<boolean> {
  try {
    const result = await write();
    useUi.getState().setNotice(null);
    onDone(result);
    return true;
  } catch (err) {
    report(err);
    return false;
  }
}

export function createCode(input: { name: string; color: string; parentId: number | null }): Promise<boolean> {
  return attempt(() => call('codebook.create', input), (id) => {
    if (input.parentId !== null) useCodebook.getState().expand(input.parentId);
    useUi.getState().select({ kind: 'code', id });
    status('codebookEdit.created', { code: input.name.trim() });
  });
}

export function renameCode(id: number, name: string): Promise<boolean> {
  return attempt(() => call('codebook.update', { id, name }), () => status('codebookEdit.renamed', { code: name.trim() }));
}

export function recolourCode(code: Pick<CodeRow, 'id' | 'name'>, color: string): Promise<boolean> {
  return attempt(() => call('codebook.update', { id: code.id, color }), () => status('codebookEdit.recoloured', { code: code.name }));
}

export type CodeFieldName = 'name' | 'definition' | 'includeCriteria' | 'excludeCriteria' | 'example';

/** Saves one field of the code's definition (the inspector's fields). */
export function saveField(id: number, field: CodeFieldName, value: string, label: string): Promise<boolean> {
  return attempt(() => call('codebook.update', { id, [field]: value }), () => status('codebookEdit.details.saved', { field: label }));
}

export function moveCode(code: Pick<CodeRow, 'id' | 'name'>, parentId: number | null, index: number): Promise<boolean> {
  return attempt(() => call('codebook.move', { id: code.id, parentId, index }), () => {
    if (parentId !== null) useCodebook.getState().expand(parentId);
    status('codebookEdit.moved', { code: code.name });
  });
}

export type Step = CodeStep;

/** Whether the tree as shown lets a code take a step (the menu greys out the others; the move itself is worked out in main). */
export function canStep(rows: readonly CodeRow[], id: number, step: Step): boolean {
  const code = rows.find((r) => r.id === id);
  if (!code) return false;
  const siblings = rows.filter((r) => r.parentId === code.parentId);
  const at = siblings.findIndex((r) => r.id === id);
  if (step === 'up' || step === 'indent') return at > 0;
  if (step === 'down') return at < siblings.length - 1;
  return code.parentId !== null;
}

/**
 * One Alt+arrow step. The main process works out the target from the codebook
 * as it is then (codebook.step), so a second step pressed before this window
 * has the refreshed tree still starts where the first one ended.
 */
export async function stepCode(code: Pick<CodeRow, 'id' | 'name'>, step: Step): Promise<void> {
  await attempt(() => call('codebook.step', { id: code.id, step }), (moved) => {
    if (!moved) {
      status('codebookEdit.cannotMove', { code: code.name });
      return;
    }
    if (moved.parentId !== null) useCodebook.getState().expand(moved.parentId);
    useCodebook.getState().focusLater(code.id);
    status('codebookEdit.moved', { code: code.name });
  });
}

export function mergeCodes(from: Pick<CodeRow, 'id' | 'name'>, into: Pick<CodeRow, 'id' | 'name'>): Promise<boolean> {
  return attempt(() => call('codebook.merge', { fromId: from.id, intoId: into.id }), (r) => {
    useUi.getState().select({ kind: 'code', id: into.id });
    status('codebookEdit.merge.done', { from: from.name, into: into.name, moved: r.moved, collapsed: r.collapsed });
  });
}

/** The row that takes focus when `id` (and its sub-codes) go: the next one after them, else the one before. */
export function neighbourAfterDelete(rows: readonly CodeRow[], id: number): number | null {
  const gone = subtree(rows, id);
  const at = rows.findIndex((r) => r.id === id);
  const after = rows.slice(at).find((r) => !gone.has(r.id));
  const before = rows.slice(0, Math.max(at, 0)).reverse().find((r) => !gone.has(r.id));
  return (after ?? before)?.id ?? null;
}

export function deleteCode(code: Pick<CodeRow, 'id' | 'name'>, focusNext: number | null = null): Promise<boolean> {
  return attempt(() => call('codebook.delete', { id: code.id }), () => {
    useCodebook.getState().focusLater(focusNext);
    const ui = useUi.getState();
    if (ui.selection?.kind === 'code' && ui.selection.id === code.id) ui.select(null);
    ui.selectCodings([]);
    status('codebookEdit.delete.done', { code: code.name });
  });
}

export function splitCodings(input: { codingIds: number[]; newCodeName: string; parentId: number | null }): Promise<boolean> {
  return attempt(() => call('codebook.split', input), (r) => {
    if (input.parentId !== null) useCodebook.getState().expand(input.parentId);
    useUi.getState().select({ kind: 'code', id: r.codeId });
    status('codebookEdit.split.done', { count: r.moved, code: input.newCodeName.trim() });
  });
}
