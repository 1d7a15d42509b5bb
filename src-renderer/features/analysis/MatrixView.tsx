import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Label, ListBox, ListBoxItem, Popover, Radio, RadioGroup, Select, SelectValue, Switch } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { useAttributes } from '../../state/queries.ts';
import { MATRIX_COUNTS } from '../../../src-shared/contracts/constants.ts';
import type { MatrixBy, MatrixCount } from '../../../src-shared/contracts/analysis.ts';
import { isPerspective } from '../../../src-shared/domain/perspectives.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { MatrixTable, type CellRef } from './MatrixTable.tsx';
import { CellPanel } from './CellPanel.tsx';
import './analysis.css';

const byKey = (by: MatrixBy) => (typeof by === 'string' ? by : `attribute:${by.attributeId}`);
const parseBy = (key: string): MatrixBy =>
  key.startsWith('attribute:') ? { attributeId: Number(key.slice('attribute:'.length)) } : (key as 'perspective' | 'region' | 'source');

/** Codes × perspectives (or regions, transcripts, any participant attribute) as a heatmap with numbers. */
export function MatrixView() {
  const { t } = useTranslation();
  const [by, setBy] = useState<MatrixBy>('perspective');
  const [count, setCount] = useState<MatrixCount>('participants');
  const [share, setShare] = useState(false);
  const [cell, setCell] = useState<CellRef | null>(null);
  const attributes = useAttributes();
  const matrix = useQuery({ queryKey: ['analysis', 'matrix', byKey(by)], queryFn: () => call('analysis.matrix', { by }) });
  const otherAttributes = (attributes.data ?? []).filter((a) => a.key !== 'region');
  const columnLabel = (key: string, label: string) =>
    key === '' ? t('analysis.none') : by === 'perspective' && isPerspective(key) ? t(`perspective.${key}`) : label;
  const byLabel = by === 'perspective' ? t('analysis.matrix.byPerspective') : by === 'region' ? t('analysis.matrix.byRegion')
    : by === 'source' ? t('analysis.matrix.bySource') : otherAttributes.find((a) => a.id === by.attributeId)?.name ?? '';
  const coded = matrix.data?.rows.some((r) => r.cells.some((c) => c.segments > 0)) ?? false;

  return (
    <div className="matrix-view">
      <h2 className="matrix-view__title">{t('analysis.matrix.title', { by: byLabel.toLowerCase() })}</h2>
      <div className="matrix-view__controls">
        <Select className="field-inline" selectedKey={byKey(by)} onSelectionChange={(k) => { setBy(parseBy(String(k))); setCell(null); }}>
          <Label>{t('analysis.matrix.by')}</Label>
          <Button className="tool tool--small"><SelectValue /><span aria-hidden="true"> ▾</span></Button>
          <Popover>
            <ListBox className="menu-list">
              <ListBoxItem id="perspective" className="menu-item">{t('analysis.matrix.byPerspective')}</ListBoxItem>
              <ListBoxItem id="region" className="menu-item">{t('analysis.matrix.byRegion')}</ListBoxItem>
              <ListBoxItem id="source" className="menu-item">{t('analysis.matrix.bySource')}</ListBoxItem>
              {otherAttributes.map((a) => (
                <ListBoxItem key={a.id} id={`attribute:${a.id}`} className="menu-item">{a.name}</ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
        <RadioGroup className="radio-row" value={count} onChange={(v) => setCount(v as MatrixCount)}>
          <Label>{t('analysis.matrix.count')}</Label>
          {MATRIX_COUNTS.map((c) => (
            <Radio key={c} value={c} className="radio">{t(`analysis.matrixCount.${c}`)}</Radio>
          ))}
        </RadioGroup>
        <Switch className="switch" isSelected={share} isDisabled={count !== 'participants'} onChange={setShare}>
          <span className="switch__track" aria-hidden="true" />
          {t('analysis.matrix.share')}
        </Switch>
      </div>
      {matrix.isError && <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />}
      {matrix.data && !coded && <EmptyState title={t('analysis.matrix.title', { by: byLabel.toLowerCase() })} body={t('analysis.matrix.empty')} />}
      {matrix.data && coded && (
        <>
          <p className="muted matrix-view__hint">{t('analysis.matrix.hint')}</p>
          <div className={`matrix-view__body${cell ? ' matrix-view__body--cell' : ''}`}>
            <div className="matrix-view__scroll">
              <MatrixTable matrix={matrix.data} count={count} share={share} columnLabel={columnLabel} byLabel={byLabel.toLowerCase()} selected={cell} onOpen={setCell} />
            </div>
            {cell && <CellPanel by={by} cell={cell} onClose={() => setCell(null)} />}
          </div>
        </>
      )}
    </div>
  );
}
