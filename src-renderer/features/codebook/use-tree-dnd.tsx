// Drag and drop on the codebook tree: move a code (reorder, or drop on a code
// to make it a sub-code), and drop selected transcript text on a code to code
// it. React Aria supplies the keyboard- and screen-reader-aware machinery and
// marks the row under the pointer (data-drop-target).
import { useRef } from 'react';
import i18next from 'i18next';
import { DropIndicator, useDragAndDrop, type DropTarget, type Key } from 'react-aria-components';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { useUi } from '../../state/ui-store.ts';
import { applyToSelection, recodeCodings } from '../coding/actions.ts';
import { CODING_DRAG_TYPE } from '../reader/coding-drag.ts';
import { moveCode } from './code-actions.ts';
import { subtree } from './tree-rows.ts';
import { draggedPassage } from './text-drag.ts';

export const CODE_DRAG_TYPE = 'application/x-duiding-code';

/** Where a drop relative to `target` puts the dragged code, in codebook.move terms. */
export function moveDestination(rows: readonly CodeRow[], draggedId: number, target: DropTarget): { parentId: number | null; index: number } | null {
  if (target.type === 'root') return { parentId: null, index: rows.filter((r) => r.parentId === null).length };
  const over = rows.find((r) => r.id === Number(target.key));
  if (!over) return null;
  if (target.dropPosition === 'on') return { parentId: over.id, index: rows.filter((r) => r.parentId === over.id && r.id !== draggedId).length };
  const siblings = rows.filter((r) => r.parentId === over.parentId && r.id !== draggedId);
  const at = siblings.findIndex((r) => r.id === over.id);
  return { parentId: over.parentId, index: target.dropPosition === 'before' ? at : at + 1 };
}

/**
 * `locked` (a coder copy whose codebook is locked): codes cannot be dragged —
 * React Aria makes rows draggable only with `getItems` — while dropping text
 * or a margin bar on a code still codes. The tree must be remounted when
 * `locked` changes (the drag hooks are then different hooks).
 */
export function useTreeDnd(rows: readonly CodeRow[], locked = false) {
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const dragging = useRef<number | null>(null);

  return useDragAndDrop({
    getItems: locked ? undefined : (keys) =>
      [...keys].map((key) => ({ [CODE_DRAG_TYPE]: String(key), 'text/plain': rowsRef.current.find((r) => r.id === Number(key))?.name ?? '' })),
    acceptedDragTypes: [CODE_DRAG_TYPE, CODING_DRAG_TYPE, 'text/plain'],
    onDragStart: (e) => {
      dragging.current = Number([...e.keys][0]);
    },
    onDragEnd: () => {
      dragging.current = null;
    },
    getDropOperation: (target, types, allowed) => {
      if (types.has(CODE_DRAG_TYPE)) {
        const id = locked ? null : dragging.current;
        // Never into itself or its own sub-codes.
        if (id === null || (target.type === 'item' && subtree(rowsRef.current, id).has(Number(target.key)))) return 'cancel';
        return allowed.includes('move') ? 'move' : 'cancel';
      }
      // A margin bar (a coding) dropped on a code moves it there (issue 11 §10).
      if (types.has(CODING_DRAG_TYPE)) return target.type === 'item' && target.dropPosition === 'on' ? (allowed.includes('move') ? 'move' : (allowed[0] ?? 'cancel')) : 'cancel';
      // Text from a transcript codes exactly one code: only "on" a row, never between rows.
      if (target.type !== 'item' || target.dropPosition !== 'on' || !draggedPassage()) return 'cancel';
      return allowed.includes('copy') ? 'copy' : (allowed[0] ?? 'cancel');
    },
    onMove: (e) => {
      const id = Number([...e.keys][0]);
      const code = rowsRef.current.find((r) => r.id === id);
      const dest = code && moveDestination(rowsRef.current, id, e.target);
      if (code && dest) void moveCode(code, dest.parentId, dest.index);
    },
    onRootDrop: (e) => {
      // Only a dragged code can land on the empty area below the tree: it becomes the last top-level code.
      const id = dragging.current;
      const code = id === null ? undefined : rowsRef.current.find((r) => r.id === id);
      if (code && e.items.some((item) => item.kind === 'text' && item.types.has(CODE_DRAG_TYPE))) {
        const dest = moveDestination(rowsRef.current, code.id, { type: 'root' });
        if (dest) void moveCode(code, dest.parentId, dest.index);
      }
    },
    onItemDrop: (e) => {
      if (e.isInternal) return; // a move; onMove handles it
      const coding = e.items.find((item) => item.kind === 'text' && item.types.has(CODING_DRAG_TYPE));
      if (coding?.kind === 'text') {
        void coding.getText(CODING_DRAG_TYPE).then((ids) => recodeCodings(ids.split(' ').map(Number), Number(e.target.key)));
        return;
      }
      void codeDroppedText(e.target.key);
    },
    renderDropIndicator: (target) => <DropIndicator target={target} className="tree-drop-indicator" />,
  });
}

async function codeDroppedText(key: Key): Promise<void> {
  const passage = draggedPassage();
  if (!passage) {
    useUi.getState().setNotice(i18next.t('codebookEdit.dropNeedsSelection'));
    return;
  }
  // The reader may have cleared its selection when the drag began; put the dragged passage back first.
  useUi.getState().setTextSelection(passage);
  await applyToSelection(Number(key));
}
