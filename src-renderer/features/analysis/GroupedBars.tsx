import { forwardRef } from 'react';
import { scaleBand, scaleLinear } from 'd3';

export interface BarGroup {
  label: string;
  values: number[];
}

interface Props {
  title: string;
  groups: BarGroup[];
  series: { label: string; color: string }[];
  valueLabel: string;
  width?: number;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/**
 * Grouped horizontal bars (one group per code, one bar per perspective),
 * drawn by React with d3 scales. Styles are inline attributes so the exported
 * SVG/PNG looks exactly like the screen.
 */
export const GroupedBars = forwardRef<SVGSVGElement, Props>(function GroupedBars({ title, groups, series, valueLabel, width = 720 }, ref) {
  const labelWidth = 230;
  const bar = 12;
  const groupHeight = series.length * bar + 14;
  const top = 56;
  const height = top + groups.length * groupHeight + 40;
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  const x = scaleLinear().domain([0, max]).nice().range([labelWidth, width - 30]);
  const y = scaleBand<number>().domain(groups.map((_, i) => i)).range([top, top + groups.length * groupHeight]);
  // Legend entries side by side, each as wide as its label (about 6.5 px per character at 11 px).
  const legendX = series.reduce<number[]>((xs, s, i) => [...xs, i === 0 ? labelWidth : xs[i - 1]! + 30 + series[i - 1]!.label.length * 6.5], []);
  const ticks = x.ticks(Math.min(8, x.domain()[1]!)).filter(Number.isInteger);
  return (
    <svg ref={ref} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={title} fontFamily={FONT}>
      <rect width={width} height={height} fill="#ffffff" />
      <text x={0} y={18} fontSize={15} fontWeight={600} fill="#1f2933">{title}</text>
      {series.map((s, i) => (
        <g key={s.label} transform={`translate(${legendX[i]},32)`}>
          <rect width={10} height={10} fill={s.color} />
          <text x={14} y={9} fontSize={11} fill="#1f2933">{s.label}</text>
        </g>
      ))}
      {ticks.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={top - 4} y2={height - 34} stroke="#e3e6e8" />
          <text x={x(v)} y={height - 20} fontSize={10} textAnchor="middle" fill="#52606d">{v}</text>
        </g>
      ))}
      <text x={(labelWidth + width - 30) / 2} y={height - 4} fontSize={11} textAnchor="middle" fill="#52606d">{valueLabel}</text>
      {groups.map((g, gi) => (
        <g key={g.label} transform={`translate(0,${y(gi)})`}>
          <text x={labelWidth - 8} y={groupHeight / 2} fontSize={12} textAnchor="end" dominantBaseline="middle" fill="#1f2933">
            {g.label.length > 34 ? `${g.label.slice(0, 33)}…` : g.label}
          </text>
          {g.values.map((v, si) => (
            <g key={si}>
              <rect x={labelWidth} y={7 + si * bar} width={Math.max(0, x(v) - labelWidth)} height={bar - 2} fill={series[si]!.color}>
                <title>{`${g.label} — ${series[si]!.label}: ${v}`}</title>
              </rect>
              <text x={x(v) + 4} y={7 + si * bar + bar / 2} fontSize={9} dominantBaseline="middle" fill="#52606d">{v}</text>
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
});
