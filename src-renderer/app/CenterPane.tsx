import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './center.css';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { CENTER_VIEWS, useUi, type CenterView } from '../state/ui-store.ts';
import { TranscriptReader } from '../features/reader/TranscriptReader.tsx';
import { RetrievalView } from '../features/retrieval/RetrievalView.tsx';
import { SearchView } from '../features/search/SearchView.tsx';
import { JournalView } from '../features/memos/JournalView.tsx';
import { HistoryView } from '../features/history/HistoryView.tsx';
import { lazyView } from '../components/lazy-view.tsx';

// d3, the charts and the report builder load when the analysis tab first opens.
const AnalysisView = lazyView(() => import('../features/analysis/AnalysisView.tsx').then((m) => m.AnalysisView));
// Pseudonymisation (issue 16) loads when its tab first opens.
const PseudonymiseView = lazyView(() => import('../features/pseudonymise/PseudonymiseView.tsx').then((m) => m.PseudonymiseView));

const VIEWS: Record<CenterView, React.ComponentType> = {
  reader: TranscriptReader,
  retrieval: RetrievalView,
  search: SearchView,
  analysis: AnalysisView,
  journal: JournalView,
  history: HistoryView,
  pseudonymise: PseudonymiseView,
};

/**
 * The centre of the workspace: the transcript, or one of the project-wide
 * views (coded segments, search, memos, change log). Tabs keep every view one
 * keystroke away (Ctrl+3…6, Ctrl+Shift+F) without opening windows.
 */
export function CenterPane() {
  const { t } = useTranslation();
  const view = useUi((s) => s.view);
  const tabs = useRef<HTMLDivElement>(null);
  // In a narrow pane the row of tabs scrolls: a view chosen by shortcut or menu brings its tab into view.
  useEffect(() => {
    tabs.current?.querySelector('[data-selected]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [view]);
  return (
    <Tabs className="center" selectedKey={view} onSelectionChange={(key: Key) => useUi.getState().setView(key as CenterView)}>
      <TabList ref={tabs} className="center__tabs" aria-label={t('shell.views')}>
        {CENTER_VIEWS.map((v) => (
          <Tab key={v} id={v} className="center__tab">{t(`shell.tab.${v}`)}</Tab>
        ))}
      </TabList>
      {CENTER_VIEWS.map((v) => {
        const View = VIEWS[v];
        return (
          <TabPanel key={v} id={v} className="center__panel">
            <View />
          </TabPanel>
        );
      })}
    </Tabs>
  );
}
