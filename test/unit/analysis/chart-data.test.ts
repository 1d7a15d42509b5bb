import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-shared/i18n/index.ts';
import { perspectiveChart } from '../../../src-renderer/features/analysis/chart-data.ts';
import type { Matrix, MatrixRow } from '../../../src-shared/contracts/analysis.ts';

const cell = (n: number) => ({ segments: n, participants: n, sources: n });
const row = (codeId: number, name: string, role: MatrixRow['role'], depth = 0): MatrixRow =>
  ({ codeId, parentId: depth === 0 ? null : 1, name, color: '#000000', role, depth, cells: [cell(1)], totals: [cell(codeId), cell(0), cell(0), cell(0)] });

describe('building blocks by perspective chart', () => {
  it('plots the building blocks only, not the theme groups, inductive themes or sub-codes', () => {
    const matrix: Matrix = {
      columns: ['inwoner', 'zorgprofessional', 'bestuurder', 'regulerende_partij'].map((key) => ({ key, label: key, participants: 1 })),
      rows: [
        row(1, 'Bekostiging en financiering', 'building_block'), row(2, 'Regiobudget', 'code', 1),
        row(3, 'Lerend vermogen', 'building_block'), row(4, 'Wat is nodig', 'theme_group'), row(5, 'Wachtlijsten', 'code'),
      ],
    };
    const chart = perspectiveChart(matrix, 'participants', createI18n('nl').t);
    expect(chart.groups).toEqual([{ label: 'Bekostiging en financiering', values: [1, 0, 0, 0] }, { label: 'Lerend vermogen', values: [3, 0, 0, 0] }]);
  });
});
