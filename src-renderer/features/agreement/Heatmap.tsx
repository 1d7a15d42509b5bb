import { useTranslation } from 'react-i18next';
import { Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Button } from 'react-aria-components';
import { interpolateRdBu, rgb, scaleBand, scaleDiverging } from 'd3';
import type { AgreementReport } from '../../../src-shared/contracts/agreement.ts';
import { contrast } from '../analysis/heat.ts';
import { decimals, measureValue } from './format.ts';
import { HEATMAP_MEASURES, useAgreementUi } from './agreement-store.ts';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const CELL_W = 52;
const CELL_H = 26;

function luminance(hex: string): number {
  const c = rgb(hex);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/**
 * κ (or α, agreement, uα) per code × transcript, drawn by React with d3
 * scales; each cell prints its value and opens the review of that code in
 * that transcript (click, or Enter/Space on the focused cell).
 */
export function Heatmap({ report }: { report: AgreementReport }) {
  const { t, i18n } = useTranslation();
  const measure = useAgreementUi((s) => s.heatmapMeasure);
  const setMeasure = useAgreementUi((s) => s.setHeatmapMeasure);
  const hideUnused = useAgreementUi((s) => s.hideUnused);
  const openReview = useAgreementUi((s) => s.openReview);
  const review = useAgreementUi((s) => s.review);
  const cells = report.results.filter((r) => r.source !== null && r.code !== null);
  const pooled = report.results.filter((r) => r.source === null && r.code !== null && !(hideUnused && r.noneCoded));
  const codes = pooled.map((r) => ({ id: r.codeId!, path: r.code! }));
  const sources = [...new Map(cells.map((r) => [r.sourceId!, r.source!])).entries()].map(([id, name]) => ({ id, name }));
  const labelWidth = 260;
  const top = 110;
  // Room on the right for the last column's slanted name.
  const width = labelWidth + sources.length * CELL_W + 130;
  const height = top + codes.length * CELL_H + 10;
  const x = scaleBand<number>().domain(sources.map((s) => s.id)).range([labelWidth, labelWidth + sources.length * CELL_W]);
  const y = scaleBand<number>().domain(codes.map((c) => c.id)).range([top, top + codes.length * CELL_H]);
  // Diverging: −1 red, 0 white, 1 blue (κ and α can be negative).
  const colour = scaleDiverging((v: number) => interpolateRdBu(v)).domain([-1, 0, 1]);
  const byKey = new Map(cells.map((r) => [`${r.codeId}:${r.sourceId}`, r]));
  const title = t('agreement.heatmap');
  return (
    <section className="agreement-heatmap" aria-labelledby="agreement-heatmap-title">
      <div className="agreement-heatmap__head">
        <h3 id="agreement-heatmap-title" className="agreement__subtitle">{title}</h3>
        <Select className="field-inline" selectedKey={measure} onSelectionChange={(k) => setMeasure(k as typeof measure)}>
          <Label>{t('agreement.heatmapMeasure')}</Label>
          <Button className="tool tool--small"><SelectValue /><span aria-hidden="true"> ▾</span></Button>
          <Popover>
            <ListBox className="menu-list">
              {HEATMAP_MEASURES.map((m) => <ListBoxItem key={m} id={m} className="menu-item">{t(`agreement.measures.${m}`)}</ListBoxItem>)}
            </ListBox>
          </Popover>
        </Select>
      </div>
      <p className="muted agreement__hint">{t('agreement.heatmapHint')}</p>
      <div className="agreement-heatmap__scroll">
        <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} fontFamily={FONT} role="group" aria-label={title}>
          <rect width={width} height={height} fill="#ffffff" />
          {sources.map((s) => (
            <text key={s.id} transform={`translate(${x(s.id)! + CELL_W / 2},${top - 6}) rotate(-45)`} fontSize={11} fill="#1f2933">
              {s.name.length > 22 ? `${s.name.slice(0, 21)}…` : s.name}
            </text>
          ))}
          {codes.map((c) => {
            // The code's own name fits the margin; the full path is in the cells' labels and the tooltip.
            const name = c.path.split('/').at(-1)!;
            return (
              <text key={c.id} x={labelWidth - 8} y={y(c.id)! + CELL_H / 2} fontSize={12} textAnchor="end" dominantBaseline="middle" fill="#1f2933">
                <title>{c.path}</title>
                {name.length > 38 ? `${name.slice(0, 37)}…` : name}
              </text>
            );
          })}
          {codes.flatMap((c) => sources.map((s) => {
            const r = byKey.get(`${c.id}:${s.id}`);
            if (!r) return null;
            const v = measureValue(r, measure);
            const unused = r.noneCoded;
            const fill = unused || v === null ? '#eef0f2' : rgb(colour(Math.max(-1, Math.min(1, v)))).formatHex();
            const l = luminance(fill);
            const ink = contrast(l, 1) >= contrast(l, 0) ? '#ffffff' : '#000000';
            const text = unused ? '–' : decimals(v, i18n.language, 2);
            const label = t('agreement.heatmapCell', { code: c.path, source: s.name, value: unused ? t('agreement.unused') : text });
            const active = review?.codeId === c.id && review.sourceId === s.id;
            const open = () => openReview(c.id, s.id);
            return (
              <g key={`${c.id}:${s.id}`} role="button" tabIndex={0} aria-label={label} aria-pressed={active} className="agreement-heatmap__cell"
                onClick={open} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } }}>
                <title>{label}</title>
                <rect x={x(s.id)! + 1} y={y(c.id)! + 1} width={CELL_W - 2} height={CELL_H - 2} fill={fill} stroke={active ? '#1f2933' : 'none'} strokeWidth={2} />
                <text x={x(s.id)! + CELL_W / 2} y={y(c.id)! + CELL_H / 2} fontSize={11} textAnchor="middle" dominantBaseline="middle" fill={unused ? '#52606d' : ink}>{text}</text>
              </g>
            );
          }))}
        </svg>
      </div>
    </section>
  );
}
