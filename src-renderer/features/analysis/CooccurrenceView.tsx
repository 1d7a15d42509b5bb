import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { call } from '../../bridge.ts';
import { useUi } from '../../state/ui-store.ts';
import { COOCCURRENCE_MODES } from '../../../src-shared/contracts/constants.ts';
import type { CooccurrenceMode } from '../../../src-shared/contracts/analysis.ts';
import { isPerspective } from '../../../src-shared/domain/perspectives.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PerspectiveBadge } from '../../components/PerspectiveBadge.tsx';
import { LINE_HEIGHT, layoutNetwork } from './network-layout.ts';

const WIDTH = 640;
const HEIGHT = 420;

/** Which codes meet: a ranked table of pairs (the accessible view) and a network drawing. */
export function CooccurrenceView() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<CooccurrenceMode>('overlap');
  const [pair, setPair] = useState<{ a: number; b: number } | null>(null);
  const data = useQuery({ queryKey: ['analysis', 'cooccurrence', mode], queryFn: () => call('analysis.cooccurrence', { mode }) });
  const codeById = useMemo(() => new Map((data.data?.codes ?? []).map((c) => [c.id, c])), [data.data]);
  const linked = useMemo(() => {
    const ids = new Set((data.data?.pairs ?? []).flatMap((p) => [p.a, p.b]));
    return (data.data?.codes ?? []).filter((c) => ids.has(c.id));
  }, [data.data]);
  const layout = useMemo(
    () => layoutNetwork(linked.map((c) => ({ id: c.id, size: c.segments, name: c.name })), (data.data?.pairs ?? []).map((p) => ({ source: p.a, target: p.b, count: p.count })), WIDTH, HEIGHT),
    [linked, data.data],
  );
  const maxCount = Math.max(1, ...(data.data?.pairs ?? []).map((p) => p.count));
  const name = (id: number) => codeById.get(id)?.name ?? '';

  return (
    <div className="cooc">
      <h2 className="matrix-view__title">{t('analysis.cooc.title')}</h2>
      <RadioGroup className="radio-row" value={mode} onChange={(v) => { setMode(v as CooccurrenceMode); setPair(null); }}>
        <Label>{t('analysis.cooc.mode')}</Label>
        {COOCCURRENCE_MODES.map((m) => <Radio key={m} value={m} className="radio">{t(`analysis.cooc.modes.${m}`)}</Radio>)}
      </RadioGroup>
      {data.isError && <ErrorState error={data.error} onRetry={() => void data.refetch()} />}
      {data.data?.pairs.length === 0 && <EmptyState title={t('analysis.cooc.title')} body={t('analysis.cooc.empty')} />}
      {data.data && data.data.pairs.length > 0 && (
        <div className="cooc__layout">
          <figure className="cooc__figure">
            <svg viewBox={`0 0 ${WIDTH} ${layout.height}`} width={WIDTH} className="cooc__svg" role="img" aria-label={t('analysis.cooc.graphLabel', { codes: linked.length, pairs: data.data.pairs.length })}>
              {data.data.pairs.map((p) => {
                const a = layout.nodes.get(p.a);
                const b = layout.nodes.get(p.b);
                if (!a || !b) return null;
                const active = pair?.a === p.a && pair.b === p.b;
                return (
                  <line key={`${p.a}-${p.b}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className={`cooc__link${active ? ' cooc__link--active' : ''}`}
                    strokeWidth={1 + 7 * (p.count / maxCount)} onClick={() => setPair({ a: p.a, b: p.b })}>
                    <title>{`${name(p.a)} — ${name(p.b)}: ${p.count}`}</title>
                  </line>
                );
              })}
              {linked.map((c) => {
                const n = layout.nodes.get(c.id)!;
                // The whole name, wrapped (issue 11 §5); the layout keeps labels apart and inside the drawing.
                return (
                  <g key={c.id} transform={`translate(${n.x},${n.y})`} data-code={c.id}>
                    <circle r={n.r} fill={c.color} className="cooc__node" />
                    <text y={n.r + 4} textAnchor="middle" className="cooc__label">
                      {n.lines.map((line, i) => <tspan key={i} x={0} dy={i === 0 ? LINE_HEIGHT - 2 : LINE_HEIGHT}>{line}</tspan>)}
                    </text>
                  </g>
                );
              })}
            </svg>
            <figcaption className="muted">{t('analysis.cooc.caption')}</figcaption>
          </figure>
          <table className="cooc__table">
            <caption className="visually-hidden">{t('analysis.cooc.tableCaption')}</caption>
            <thead>
              <tr><th scope="col">{t('analysis.cooc.codeA')}</th><th scope="col">{t('analysis.cooc.codeB')}</th><th scope="col">{t('analysis.cooc.count')}</th></tr>
            </thead>
            <tbody>
              {data.data.pairs.slice(0, 40).map((p) => (
                <tr key={`${p.a}-${p.b}`} aria-selected={pair?.a === p.a && pair.b === p.b}>
                  <td>{name(p.a)}</td>
                  <td>{name(p.b)}</td>
                  <td>
                    <Button className="tool tool--small" aria-label={t('analysis.cooc.show', { a: name(p.a), b: name(p.b), count: p.count })}
                      onPress={() => setPair({ a: p.a, b: p.b })}>{p.count}</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pair && <PairPlaces mode={mode} a={pair.a} b={pair.b} title={`${name(pair.a)} + ${name(pair.b)}`} />}
    </div>
  );
}

function PairPlaces({ mode, a, b, title }: { mode: CooccurrenceMode; a: number; b: number; title: string }) {
  const { t } = useTranslation();
  const places = useQuery({ queryKey: ['analysis', 'cooccurrencePlaces', mode, a, b], queryFn: () => call('analysis.cooccurrencePlaces', { mode, a, b }) });
  return (
    <section className="cell-panel" aria-labelledby="pair-title">
      <header className="cell-panel__head">
        <h3 id="pair-title" className="cell-panel__title">{title}</h3>
        {places.data && <span className="muted">{t('analysis.cooc.places', { count: places.data.length })}</span>}
      </header>
      <ol className="cell-panel__list">
        {places.data?.map((p) => (
          <li key={`${p.sourceId}-${p.start}`} className="cell-segment">
            <blockquote className="cell-segment__text">{p.text}</blockquote>
            <div className="cell-segment__meta">
              <PerspectiveBadge perspective={isPerspective(p.perspective) ? p.perspective : null} />
              <span className="muted">· {p.sourceName}</span>
              <Button className="tool tool--small cell-segment__go" onPress={() => useUi.getState().reveal({ sourceId: p.sourceId, start: p.start, end: p.end })}>
                {t('analysis.matrix.goTo')}
              </Button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
