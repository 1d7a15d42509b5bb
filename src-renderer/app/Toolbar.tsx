import { useTranslation } from 'react-i18next';
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import type { ProjectSummary } from '../../src-shared/contracts/index.ts';
import { setLanguage } from './commands.ts';
import { useUi } from '../state/ui-store.ts';
import { lazy, Suspense } from 'react';
import { CoderSwitcher } from '../features/coding/CoderSwitcher.tsx';

// Asks main whether the project is a coder copy only once a project is open.
const CopyBadge = lazy(() => import('../features/team/CopyBadge.tsx').then((m) => ({ default: m.CopyBadge })));

export function Toolbar({ project }: { project: ProjectSummary | null }) {
  const { t, i18n } = useTranslation();
  // The toolbar buttons are plain toggles (aria-pressed); Ctrl+1/Ctrl+2 focus a shown pane first (pane-focus.ts).
  const { showNavigator, showInspector, toggleNavigator, toggleInspector } = useUi();
  return (
    <header className="toolbar">
      <div className="toolbar__brand">
        <span className="toolbar__logo" aria-hidden="true">D</span>
        <span className="toolbar__app">{t('app.name')}</span>
        {project && <h1 className="toolbar__project">{project.name}</h1>}
        {project && <Suspense fallback={null}><CopyBadge /></Suspense>}
      </div>
      <div className="toolbar__actions">
        {project && (
          <>
            <CoderSwitcher />
            <Button className="tool" aria-pressed={showNavigator} onPress={toggleNavigator}>
              {t('shell.navigator')}
            </Button>
            <Button className="tool" aria-pressed={showInspector} onPress={toggleInspector}>
              {t('shell.inspector')}
            </Button>
          </>
        )}
        <Select
          className="lang-select"
          selectedKey={i18n.language}
          onSelectionChange={(key) => (key === 'nl' || key === 'en') && void setLanguage(key)}
        >
          <Label className="visually-hidden">{t('toolbar.languageSwitch')}</Label>
          <Button className="tool">
            <SelectValue />
            <span aria-hidden="true"> ▾</span>
          </Button>
          <Popover>
            <ListBox className="menu-list">
              <ListBoxItem id="nl" className="menu-item">Nederlands</ListBoxItem>
              <ListBoxItem id="en" className="menu-item">English</ListBoxItem>
            </ListBox>
          </Popover>
        </Select>
      </div>
    </header>
  );
}
