// The per-code menu: on the row's "⋯" button, on right-click, and on
// Shift+F10 / the context-menu key (the row opens it through the store).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import type { CodeRow } from '../../../src-shared/contracts/index.ts';
import { useUi } from '../../state/ui-store.ts';
import { useCodebook } from './codebook-store.ts';
import { canStep, stepCode, type Step } from './code-actions.ts';
import { selectedCodingsOf } from './selected-codings.ts';
import { useCurrentProject } from '../../state/queries.ts';
import { togglePin } from '../coding/pin-actions.ts';
import { usePins } from '../coding/pins-store.ts';
import { useCodebookLocked } from '../team/status.ts';

type MenuKey = 'newSubcode' | 'rename' | 'recolour' | 'pin' | Step | 'merge' | 'split' | 'delete';
const RESTRUCTURING: MenuKey[] = ['newSubcode', 'rename', 'recolour', 'up', 'down', 'indent', 'outdent', 'merge', 'split', 'delete'];

/**
 * One per code row, so it renders again only when its own code changes or it
 * opens: `rows` is read when needed, and the picked codings only while open
 * (each coding picks and unpicks codings; re-rendering every menu then cost a frame).
 */
export const CodeMenu = memo(function CodeMenu({ code, rows }: { code: CodeRow; rows: () => readonly CodeRow[] }) {
  const { t } = useTranslation();
  const isOpen = useCodebook((s) => s.menuFor === code.id);
  // Re-read when the reader's picked codings change, so the split item counts right.
  useUi((s) => (isOpen ? s.selectedCodingIds : null));
  const splitIds = isOpen ? selectedCodingsOf(code.id) : [];
  const can = (step: Step) => isOpen && canStep(rows(), code.id, step);
  const project = useCurrentProject().data?.guid ?? '';
  const pinnedKey = usePins((s) => (s.byProject[project] ?? []).indexOf(code.id) + 1);
  // A coder copy with a locked codebook: only pinning stays (the service refuses the rest; the codebook says why).
  const locked = useCodebookLocked();
  const disabled: MenuKey[] = locked ? RESTRUCTURING
    : [...(['up', 'down', 'indent', 'outdent'] as const).filter((s) => !can(s)), ...(splitIds.length === 0 ? ['split' as const] : [])];

  const act = (key: MenuKey) => {
    const store = useCodebook.getState();
    switch (key) {
      case 'newSubcode':
        return store.open({ kind: 'create', parentId: code.id, nested: true });
      case 'rename':
        return store.open({ kind: 'rename', codeId: code.id });
      case 'recolour':
        return store.open({ kind: 'colour', codeId: code.id });
      case 'merge':
        return store.open({ kind: 'merge', codeId: code.id });
      case 'pin':
        store.openMenu(null);
        return togglePin(project, code);
      case 'delete':
        return store.open({ kind: 'delete', codeId: code.id });
      case 'split':
        return store.open({ kind: 'split', codeId: code.id, codingIds: splitIds });
      default:
        store.openMenu(null);
        void stepCode(code, key);
    }
  };

  return (
    <MenuTrigger isOpen={isOpen} onOpenChange={(open) => useCodebook.getState().openMenu(open ? code.id : null)}>
      <Button className="tree-menu-button" aria-label={t('codebookEdit.actionsFor', { code: code.name })}>
        <span aria-hidden="true">⋯</span>
      </Button>
      <Popover placement="bottom end" className="code-menu-popover">
        <Menu className="menu-list code-menu" disabledKeys={disabled} onAction={(key) => act(key as MenuKey)}
          aria-label={t('codebookEdit.actionsFor', { code: code.name })}>
          <MenuItem id="newSubcode" className="menu-item">{t('codebookEdit.menu.newSubcode')}</MenuItem>
          <MenuItem id="rename" className="menu-item" textValue={t('codebookEdit.menu.rename')}>
            <span className="menu-item__label">{t('codebookEdit.menu.rename')}</span>
            <kbd className="menu-item__key" aria-hidden="true">F2</kbd>
          </MenuItem>
          <MenuItem id="recolour" className="menu-item">{t('codebookEdit.menu.recolour')}</MenuItem>
          <MenuItem id="pin" className="menu-item">{pinnedKey > 0 ? t('workspace.quick.unpin', { key: pinnedKey }) : t('workspace.quick.pin')}</MenuItem>
          <Separator className="menu-separator" />
          <MenuItem id="up" className="menu-item" textValue={t('codebookEdit.menu.moveUp')}>
            <span className="menu-item__label">{t('codebookEdit.menu.moveUp')}</span>
            <kbd className="menu-item__key" aria-hidden="true">Alt+↑</kbd>
          </MenuItem>
          <MenuItem id="down" className="menu-item" textValue={t('codebookEdit.menu.moveDown')}>
            <span className="menu-item__label">{t('codebookEdit.menu.moveDown')}</span>
            <kbd className="menu-item__key" aria-hidden="true">Alt+↓</kbd>
          </MenuItem>
          <MenuItem id="indent" className="menu-item" textValue={t('codebookEdit.menu.indent')}>
            <span className="menu-item__label">{t('codebookEdit.menu.indent')}</span>
            <kbd className="menu-item__key" aria-hidden="true">Alt+→</kbd>
          </MenuItem>
          <MenuItem id="outdent" className="menu-item" textValue={t('codebookEdit.menu.outdent')}>
            <span className="menu-item__label">{t('codebookEdit.menu.outdent')}</span>
            <kbd className="menu-item__key" aria-hidden="true">Alt+←</kbd>
          </MenuItem>
          <Separator className="menu-separator" />
          <MenuItem id="merge" className="menu-item">{t('codebookEdit.menu.merge')}</MenuItem>
          <MenuItem id="split" className="menu-item">
            {splitIds.length > 0 ? t('codebookEdit.menu.split', { count: splitIds.length }) : t('codebookEdit.menu.splitNone')}
          </MenuItem>
          <Separator className="menu-separator" />
          <MenuItem id="delete" className="menu-item menu-item--danger" textValue={t('codebookEdit.menu.delete')}>
            <span className="menu-item__label">{t('codebookEdit.menu.delete')}</span>
            <kbd className="menu-item__key" aria-hidden="true">Del</kbd>
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
});
