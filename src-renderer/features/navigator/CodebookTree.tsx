import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodebookLocked } from '../team/status.ts';
import { Button, Collection, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Tree, TreeItem, TreeItemContent } from 'react-aria-components';
import { useCodes } from '../../state/queries.ts';
import { useUi } from '../../state/ui-store.ts';
import { selectedId } from '../../components/selection.ts';
import { applyToSelection } from '../coding/actions.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { NameTip } from '../../components/NameTip.tsx';
import { PERSPECTIVES, isPerspective } from '../../../src-shared/domain/perspectives.ts';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { nest, type Nested } from '../../../src-shared/domain/code-tree.ts';
import { CodeMenu } from '../codebook/CodeMenu.tsx';
import { CodebookDialogs } from '../codebook/CodebookDialogs.tsx';
import { useCodebook } from '../codebook/codebook-store.ts';
import { handleRowKey } from '../codebook/row-keys.ts';
import { trackTextDrags } from '../codebook/text-drag.ts';
import { useTreeDnd } from '../codebook/use-tree-dnd.tsx';
import { usePendingFocus } from '../codebook/use-pending-focus.ts';
import '../codebook/codebook.css';

type TreeNode = Nested<CodeRow>;

function CodeItem({ node, rows }: { node: TreeNode; rows: () => readonly CodeRow[] }) {
  const { t } = useTranslation();
  const nameRef = useRef<HTMLSpanElement>(null);
  const code = node.item;
  // Parents show their subtree's total, as users know from other QDA tools.
  const shown = node.children.length > 0 ? code.totals : code.counts;
  const title = t('shell.countsTitle', { ...shown });
  return (
    <TreeItem
      id={node.id}
      textValue={code.name}
      className="tree-item"
      onContextMenu={(e) => {
        e.preventDefault();
        useCodebook.getState().openMenu(code.id);
      }}
    >
      <TreeItemContent>
        {({ hasChildItems, isExpanded }) => (
          <div className="tree-row" title={title} data-code-id={code.id}>
            {hasChildItems ? (
              <Button slot="chevron" className="tree-chevron" aria-label={t('toolbar.expand')}>
                <span aria-hidden="true">{isExpanded ? '▾' : '▸'}</span>
              </Button>
            ) : (
              <span className="tree-chevron" aria-hidden="true" />
            )}
            <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
            <span className={`tree-name tree-name--${code.role}`} ref={nameRef}>{code.name}</span>
            <NameTip nameRef={nameRef} name={code.name} />
            <span className="count" aria-label={t('shell.segments', { count: shown.segments })}>
              {shown.segments}
            </span>
            <CodeMenu code={code} rows={rows} />
          </div>
        )}
      </TreeItemContent>
      <Collection items={node.children}>{(child) => <CodeItem node={child} rows={rows} />}</Collection>
    </TreeItem>
  );
}

export function CodebookTree() {
  const { t } = useTranslation();
  const perspective = useUi((s) => s.perspectiveFilter);
  const selection = useUi((s) => s.selection);
  const hasTextSelection = useUi((s) => s.textSelection !== null);
  const codes = useCodes(perspective);
  const rows = useMemo(() => codes.data ?? [], [codes.data]);
  const tree = useMemo(() => nest(rows), [rows]);
  // The code menus read the rows when one opens: handing them the array itself made every
  // menu render again whenever a count changed, i.e. on every coding (issue 11, one frame).
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);
  const currentRows = useCallback(() => rowsRef.current, []);
  const expanded = useCodebook((s) => s.expanded);
  const locked = useCodebookLocked();
  const { dragAndDropHooks } = useTreeDnd(rows, locked);
  useEffect(trackTextDrags, []);
  const treeRef = useRef<HTMLDivElement>(null);
  usePendingFocus(treeRef, rows);
  return (
    <section className="nav-section nav-section--grow" aria-labelledby="nav-codebook" onKeyDownCapture={(e) => handleRowKey(e, rows, locked)}>
      <div className="nav-section__head">
        <h2 id="nav-codebook" className="nav-section__title">{t('shell.codebook')}</h2>
        <Button
          className="tool tool--small codebook-new"
          aria-label={t('codebookEdit.newCode')}
          isDisabled={locked}
          onPress={() => useCodebook.getState().open({ kind: 'create', parentId: selection?.kind === 'code' ? selection.id : null, nested: false })}
        >
          <span aria-hidden="true" title={t('codebookEdit.newCode')}>+</span>
        </Button>
        <Select
          className="perspective-select"
          selectedKey={perspective ?? 'all'}
          onSelectionChange={(key) => useUi.getState().setPerspectiveFilter(isPerspective(key) ? key : null)}
        >
          <Label className="visually-hidden">{t('toolbar.filterByPerspective')}</Label>
          <Button className="tool tool--small">
            <SelectValue />
            <span aria-hidden="true"> ▾</span>
          </Button>
          <Popover>
            <ListBox className="menu-list">
              <ListBoxItem id="all" className="menu-item">{t('toolbar.allPerspectives')}</ListBoxItem>
              {PERSPECTIVES.map((p) => (
                <ListBoxItem key={p} id={p} className="menu-item">{t(`perspective.${p}`)}</ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
      </div>
      {locked && <p className="muted team-locked">{t('team.ui.lockedNote')}</p>}
      {codes.isError ? (
        <ErrorState error={codes.error} onRetry={() => void codes.refetch()} />
      ) : codes.data?.length === 0 ? (
        <p className="nav-empty">{t('shell.noCodes')}</p>
      ) : (
        <Tree
          // Remounted when the lock becomes known: a locked tree has no drag hooks (see useTreeDnd).
          key={locked ? 'locked' : 'open'}
          aria-labelledby="nav-codebook"
          ref={treeRef}
          className="code-tree"
          selectionMode="single"
          expandedKeys={expanded}
          onExpandedChange={(keys) => useCodebook.getState().setExpanded(keys)}
          dragAndDropHooks={dragAndDropHooks}
          selectedKeys={selection?.kind === 'code' ? [selection.id] : []}
          // Enter or double-click on a code applies it to the selected text; without one it shows the code.
          onAction={(key) => {
            if (useUi.getState().textSelection) void applyToSelection(Number(key));
            else useUi.getState().select({ kind: 'code', id: Number(key) });
          }}
          onSelectionChange={(keys) => {
            const id = selectedId(keys);
            if (id !== null) useUi.getState().select({ kind: 'code', id });
          }}
          items={tree}
        >
          {(node) => <CodeItem node={node} rows={currentRows} />}
        </Tree>
      )}
      {hasTextSelection && rows.length > 0 && <p className="codebook-drop-hint muted">{t('codebookEdit.dropHint')}</p>}
      <CodebookDialogs rows={rows} />
    </section>
  );
}
