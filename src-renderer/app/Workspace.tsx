import { useTranslation } from 'react-i18next';
import { useUi } from '../state/ui-store.ts';
import { Navigator } from '../features/navigator/Navigator.tsx';
import { CenterPane } from './CenterPane.tsx';
import { Inspector } from '../features/inspector/Inspector.tsx';

/** The three-pane layout every QDA user knows: navigator, transcript, inspector. */
export function Workspace() {
  const { t } = useTranslation();
  const { showNavigator, showInspector } = useUi();
  return (
    <div className={`workspace${showNavigator ? '' : ' workspace--no-nav'}${showInspector ? '' : ' workspace--no-inspector'}`}>
      {showNavigator && (
        <nav className="pane pane--navigator" aria-label={t('shell.navigator')} tabIndex={-1}>
          <Navigator />
        </nav>
      )}
      <main className="pane pane--reader" aria-label={t('shell.reader')} tabIndex={-1}>
        <CenterPane />
      </main>
      {showInspector && (
        <aside className="pane pane--inspector" aria-label={t('shell.inspector')} tabIndex={0}>
          <Inspector />
        </aside>
      )}
    </div>
  );
}
