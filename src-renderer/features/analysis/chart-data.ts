// The data of the "building blocks by perspective" chart, shared by the
// charts view and the report export (which embeds it).
import type { TFunction } from 'i18next';
import type { Matrix } from '../../../src-shared/contracts/analysis.ts';
import { PERSPECTIVES } from '../../../src-shared/domain/perspectives.ts';
import type { BarGroup } from './GroupedBars.tsx';

/** Perspective colours that stay apart for common colour-vision deficiencies (Okabe–Ito). */
export const PERSPECTIVE_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7'];

export interface ChartSpec {
  title: string;
  groups: BarGroup[];
  series: { label: string; color: string }[];
  valueLabel: string;
}

export function perspectiveChart(matrix: Matrix, measure: 'participants' | 'segments', t: TFunction): ChartSpec {
  const cols = PERSPECTIVES.map((p) => matrix.columns.findIndex((c) => c.key === p));
  return {
    title: t('analysis.charts.perspectivesTitle', { measure: t(`analysis.matrixCount.${measure}`).toLowerCase() }),
    // Building blocks only: the theme groups are not blocks and get no bars here.
    groups: matrix.rows.filter((r) => r.depth === 0 && r.role === 'building_block').map((r) => ({ label: r.name, values: cols.map((i) => r.totals[i]![measure]) })),
    series: PERSPECTIVES.map((p, i) => ({ label: t(`perspective.${p}`), color: PERSPECTIVE_COLORS[i]! })),
    valueLabel: t(`analysis.matrixCount.${measure}`),
  };
}
