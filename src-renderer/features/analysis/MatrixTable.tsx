import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Matrix, MatrixCount, MatrixRow } from '../../../src-shared/contracts/analysis.ts';
import { heatScale } from './heat.ts';

export interface CellRef {
  codeId: number;
  columnKey: string;
  codeName: string;
  columnLabel: string;
}

interface Props {
  matrix: Matrix;
  count: MatrixCount;
  share: boolean;
  columnLabel: (key: string, label: string) => string;
  /** What the columns are, in words ("perspectieven"). */
  byLabel: string;
  selected: CellRef | null;
  onOpen(cell: CellRef): void;
}

/** Visible rows: children of collapsed codes are hidden. */
function visibleRows(rows: readonly MatrixRow[], collapsed: ReadonlySet<number>): MatrixRow[] {
  const hidden = new Set<number>();
  return rows.filter((r) => {
    if (r.parentId !== null && (hidden.has(r.parentId) || collapsed.has(r.parentId))) {
      hidden.add(r.codeId);
      return false;
    }
    return true;
  });
}

/**
 * The heatmap as a real table: numbers are always printed, colour only
 * reinforces them. One cell is in the tab order; arrow keys move between
 * cells (roving focus), Enter or Space opens a cell's passages.
 */
export function MatrixTable({ matrix, count, share, columnLabel, byLabel, selected, onOpen }: Props) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const tableRef = useRef<HTMLTableElement | null>(null);
  const parents = useMemo(() => new Set(matrix.rows.map((r) => r.parentId).filter((p): p is number => p !== null)), [matrix.rows]);
  const rows = visibleRows(matrix.rows, collapsed);
  const valueOf = (r: MatrixRow, i: number) => {
    const n = r.totals[i]![count];
    const base = matrix.columns[i]!.participants;
    return share && count === 'participants' ? (base > 0 ? n / base : 0) : n;
  };
  const max = Math.max(0, ...rows.flatMap((r) => matrix.columns.map((_, i) => valueOf(r, i))));
  const heat = heatScale(share && count === 'participants' ? 1 : max);
  const shown = (r: MatrixRow, i: number) => {
    const v = valueOf(r, i);
    return share && count === 'participants' ? `${Math.round(v * 100)}%` : String(v);
  };

  const move = (row: number, col: number) => {
    const r = Math.max(0, Math.min(rows.length - 1, row));
    const c = Math.max(0, Math.min(matrix.columns.length - 1, col));
    setFocus([r, c]);
    tableRef.current?.querySelector<HTMLButtonElement>(`[data-cell="${r}:${c}"]`)?.focus();
  };
  const onKey = (e: React.KeyboardEvent, r: number, c: number) => {
    const to: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c], ArrowDown: [r + 1, c], ArrowLeft: [r, c - 1], ArrowRight: [r, c + 1],
      Home: [r, 0], End: [r, matrix.columns.length - 1],
    };
    const target = to[e.key];
    if (!target) return;
    e.preventDefault();
    move(...target);
  };
  const toggle = (id: number) => setCollapsed((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  return (
    <table className="matrix" ref={tableRef}>
      <caption className="matrix__caption">
        {t('analysis.matrix.caption', { count: t(`analysis.matrixCount.${count}`), by: byLabel })}
      </caption>
      <thead>
        <tr>
          <th scope="col" className="matrix__corner">{t('analysis.matrixHead')}</th>
          {matrix.columns.map((c) => (
            <th key={c.key} scope="col" className="matrix__col">
              {/* A break opportunity after "/" lets "Inwoner/patiënt" take two lines in a narrow column (issue 11 §1). */}
              <span>{columnLabel(c.key, c.label).split('/').flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, `/${part}`]))}</span>
              <span className="matrix__n">n={c.participants}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, ri) => (
          <tr key={r.codeId} className={`matrix__row matrix__row--${r.role}`}>
            <th scope="row" className="matrix__code">
              <div className="matrix__code-inner" style={{ paddingLeft: r.depth * 16 }}>
              {parents.has(r.codeId) ? (
                <button type="button" className="matrix__toggle" aria-expanded={!collapsed.has(r.codeId)}
                  aria-label={t(collapsed.has(r.codeId) ? 'analysis.matrix.expand' : 'analysis.matrix.collapse', { name: r.name })}
                  onClick={() => toggle(r.codeId)}>
                  <span aria-hidden="true">{collapsed.has(r.codeId) ? '▸' : '▾'}</span>
                </button>
              ) : <span className="matrix__toggle" aria-hidden="true" />}
              <span className="swatch" style={{ background: r.color }} aria-hidden="true" />
              {r.name}
              </div>
            </th>
            {matrix.columns.map((c, ci) => {
              const h = heat(valueOf(r, ci));
              const label = columnLabel(c.key, c.label);
              const isSelected = selected?.codeId === r.codeId && selected.columnKey === c.key;
              return (
                <td key={c.key} className="matrix__cell" style={{ background: h.background, color: h.color }}>
                  <button
                    type="button"
                    data-cell={`${ri}:${ci}`}
                    tabIndex={focus[0] === ri && focus[1] === ci ? 0 : -1}
                    aria-pressed={isSelected}
                    aria-label={t('analysis.matrix.cellLabel', { code: r.name, column: label, value: shown(r, ci) })}
                    className="matrix__button"
                    onFocus={() => setFocus([ri, ci])}
                    onKeyDown={(e) => onKey(e, ri, ci)}
                    onClick={() => onOpen({ codeId: r.codeId, columnKey: c.key, codeName: r.name, columnLabel: label })}
                  >
                    {shown(r, ci)}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
