import { useTranslation } from 'react-i18next';
import { useUi } from '../state/ui-store.ts';
import { Navigator } from '../features/navigator/Navigator.tsx';
import { CenterPane } from './CenterPane.tsx';
import { Inspector } from '../features/inspector/Inspector.tsx';
import { PANE_LIMITS, usePaneSizes } from './pane-sizes.ts';
import { Splitter } from './Splitter.tsx';

/** The three-pane layout every QDA user knows: navigator, transcript, inspector — side panes resizable. */
export function Workspace() {
  const { t } = useTranslation();
  const { showNavigator, showInspector } = useUi();
  const { navigator, inspector } = usePaneSizes();
  // A narrow window keeps room for the transcript: a side pane takes at most a quarter of it (never
  // under the panes' minimum), and gets its chosen width back when the window is wide again.
  const side = (width: number) => `min(${width}px, max(${PANE_LIMITS.min}px, 24vw))`;
  const columns = [showNavigator && `${side(navigator)} 5px`, 'minmax(0, 1fr)', showInspector && `5px ${side(inspector)}`].filter(Boolean).join(' ');
  return (
    <div className="workspace" style={{ gridTemplateColumns: columns }}>
      {showNavigator && (
        <nav className="pane pane--navigator" aria-label={t('shell.navigator')} tabIndex={-1}>
          <Navigator />
        </nav>
      )}
      {showNavigator && <Splitter pane="navigator" label={t('workspace.panes.resizeNavigator')} />}
      <main className="pane pane--reader" aria-label={t('shell.reader')} tabIndex={-1}>
        <CenterPane />
      </main>
      {showInspector && <Splitter pane="inspector" label={t('workspace.panes.resizeInspector')} />}
      {showInspector && (
        <aside className="pane pane--inspector" aria-label={t('shell.inspector')} tabIndex={0}>
          <Inspector />
        </aside>
      )}
    </div>
  );
}
