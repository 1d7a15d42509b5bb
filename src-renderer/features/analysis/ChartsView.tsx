import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Label, ListBox, ListBoxItem, Popover, Radio, RadioGroup, Select, SelectValue } from 'react-aria-components';
import { call, BridgeError } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { GroupedBars } from './GroupedBars.tsx';
import { perspectiveChart, type ChartSpec } from './chart-data.ts';
import { saveChart } from './chart-export.ts';

type ChartKind = 'perspectives' | 'coverage';
type Measure = 'participants' | 'segments';

/** Charts of the coded material, each exportable as SVG and PNG. */
export function ChartsView() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ChartKind>('perspectives');
  const [measure, setMeasure] = useState<Measure>('participants');
  const svgRef = useRef<SVGSVGElement | null>(null);
  const matrix = useQuery({ queryKey: ['analysis', 'matrix', 'perspective'], queryFn: () => call('analysis.matrix', { by: 'perspective' }), enabled: kind === 'perspectives' });
  const coverage = useQuery({ queryKey: ['analysis', 'coverage'], queryFn: () => call('analysis.coverage', {}), enabled: kind === 'coverage' });

  let chart: ChartSpec | null = null;
  if (kind === 'perspectives' && matrix.data) {
    chart = perspectiveChart(matrix.data, measure, t);
  } else if (kind === 'coverage' && coverage.data) {
    chart = {
      title: t('analysis.charts.coverageTitle'),
      groups: coverage.data.map((c) => ({ label: c.name, values: [c.characters ? Math.round((100 * c.coded) / c.characters) : 0] })),
      series: [{ label: t('analysis.charts.codedShare'), color: '#1d5f8a' }],
      valueLabel: t('analysis.charts.percent'),
    };
  }

  const save = async (format: 'svg' | 'png') => {
    if (!svgRef.current) return;
    try {
      const path = await saveChart(svgRef.current, format, t(`analysis.charts.fileName.${kind}`));
      if (path) useUi.getState().setStatus(t('analysis.charts.saved', { file: path.split(/[\\/]/).pop() }));
    } catch (err) {
      useUi.getState().setNotice(err instanceof BridgeError ? err.message : t('errors.internal', { detail: String(err) }));
    }
  };
  const failed = kind === 'perspectives' ? matrix : coverage;

  return (
    <div className="charts">
      <div className="matrix-view__controls">
        <Select className="field-inline" selectedKey={kind} onSelectionChange={(k) => setKind(k as ChartKind)}>
          <Label>{t('analysis.charts.chart')}</Label>
          <Button className="tool tool--small"><SelectValue /><span aria-hidden="true"> ▾</span></Button>
          <Popover>
            <ListBox className="menu-list">
              <ListBoxItem id="perspectives" className="menu-item">{t('analysis.charts.kinds.perspectives')}</ListBoxItem>
              <ListBoxItem id="coverage" className="menu-item">{t('analysis.charts.kinds.coverage')}</ListBoxItem>
            </ListBox>
          </Popover>
        </Select>
        {kind === 'perspectives' && (
          <RadioGroup className="radio-row" value={measure} onChange={(v) => setMeasure(v as Measure)}>
            <Label>{t('analysis.matrix.count')}</Label>
            <Radio value="participants" className="radio">{t('analysis.matrixCount.participants')}</Radio>
            <Radio value="segments" className="radio">{t('analysis.matrixCount.segments')}</Radio>
          </RadioGroup>
        )}
        <Button className="tool tool--small" isDisabled={!chart} onPress={() => void save('svg')}>{t('analysis.charts.saveSvg')}</Button>
        <Button className="tool tool--small" isDisabled={!chart} onPress={() => void save('png')}>{t('analysis.charts.savePng')}</Button>
      </div>
      {failed.isError && <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />}
      {chart && (
        <figure className="charts__figure">
          <GroupedBars ref={svgRef} {...chart} />
        </figure>
      )}
    </div>
  );
}
