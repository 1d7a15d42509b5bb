import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { MatrixView } from './MatrixView.tsx';
import { CooccurrenceView } from './CooccurrenceView.tsx';
import { ChartsView } from './ChartsView.tsx';
import { ReportView } from './ReportView.tsx';
import { CompareView } from './CompareView.tsx';
import { AgreementView } from '../agreement/AgreementView.tsx';
import './analysis.css';

const SECTIONS = ['matrix', 'compare', 'cooccurrence', 'charts', 'agreement', 'report'] as const;
type Section = (typeof SECTIONS)[number];

/** Thematic analysis: the matrix, code co-occurrence and charts, one tab each. */
export function AnalysisView() {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('matrix');
  return (
    <Tabs className="analysis" selectedKey={section} onSelectionChange={(k: Key) => setSection(k as Section)}>
      <TabList className="analysis__tabs" aria-label={t('analysis.sections')}>
        {SECTIONS.map((s) => <Tab key={s} id={s} className="analysis__tab">{t(`analysis.section.${s}`)}</Tab>)}
      </TabList>
      <TabPanel id="matrix" className="analysis__panel"><MatrixView /></TabPanel>
      <TabPanel id="compare" className="analysis__panel"><CompareView /></TabPanel>
      <TabPanel id="cooccurrence" className="analysis__panel"><CooccurrenceView /></TabPanel>
      <TabPanel id="charts" className="analysis__panel"><ChartsView /></TabPanel>
      <TabPanel id="agreement" className="analysis__panel"><AgreementView /></TabPanel>
      <TabPanel id="report" className="analysis__panel"><ReportView /></TabPanel>
    </Tabs>
  );
}
