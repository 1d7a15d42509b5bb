import { useTranslation } from 'react-i18next';
import type { ReviewItem as Item } from '../../../src-shared/contracts/agreement.ts';

interface Range {
  start: number;
  end: number;
}

const CONTEXT = 80;

/** Pieces of [from, to) cut at every boundary of `coded` and `differing`. */
function pieces(from: number, to: number, coded: readonly Range[], differing: readonly Range[]) {
  const cuts = new Set([from, to]);
  for (const r of [...coded, ...differing]) {
    if (r.start > from && r.start < to) cuts.add(r.start);
    if (r.end > from && r.end < to) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const inside = (list: readonly Range[], at: number) => list.some((r) => r.start <= at && at < r.end);
  return points.slice(0, -1).map((start, i) => ({ start, end: points[i + 1]!, coded: inside(coded, start), differs: inside(differing, start) }));
}

/** One version of the stretch: the text with this version's coding marked and the differing characters highlighted. */
export function VersionText({ text, item, coded, id }: { text: string; item: Item; coded: readonly Range[]; id?: string }) {
  const from = Math.max(0, item.start - CONTEXT);
  const to = Math.min(text.length, item.end + CONTEXT);
  return (
    <p className="review-version__text" id={id} data-from={from} data-prefix={from > 0 ? 1 : 0}>
      {from > 0 && '…'}
      {pieces(from, to, coded, item.differing).map((p) => {
        const slice = text.slice(p.start, p.end);
        const cls = `${p.coded ? 'review-coded' : ''}${p.differs ? ' review-differs' : ''}`.trim();
        if (!cls) return <span key={p.start} className={p.start < item.start || p.start >= item.end ? 'review-context' : undefined}>{slice}</span>;
        return p.coded ? <mark key={p.start} className={cls}>{slice}</mark> : <span key={p.start} className={cls}>{slice}</span>;
      })}
      {to < text.length && '…'}
    </p>
  );
}

/** All coders' versions of one disagreement side by side, and the consensus so far. */
export function ReviewItemView({ text, item, target }: { text: string; item: Item; target: string }) {
  const { t } = useTranslation();
  return (
    <div className="review-versions">
      {item.versions.map((v, i) => (
        <section key={v.coder} className="review-version" aria-label={t('agreement.review.version', { coder: v.coder })}>
          <h4 className="review-version__head"><kbd>{i + 1}</kbd> {t('agreement.review.version', { coder: v.coder })}{v.ranges.length === 0 && <span className="muted"> {t('agreement.review.noVersion')}</span>}</h4>
          <VersionText text={text} item={item} coded={v.ranges} />
        </section>
      ))}
      <section className="review-version review-version--consensus" aria-label={t('agreement.review.consensus')}>
        <h4 className="review-version__head">{t('agreement.review.consensus')} ({target}){item.consensus.length === 0 && <span className="muted"> {t('agreement.review.noConsensus')}</span>}</h4>
        <VersionText text={text} item={item} coded={item.consensus} id="review-consensus-text" />
      </section>
    </div>
  );
}

/**
 * The text selection inside one of the version texts, as text offsets clipped
 * to the stretch under review; null when nothing usable is selected.
 */
export function selectedRange(item: Item): Range | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const host = (range.startContainer.nodeType === Node.ELEMENT_NODE ? range.startContainer as Element : range.startContainer.parentElement)?.closest('.review-version__text');
  if (!host || !host.contains(range.endContainer)) return null;
  const offsetOf = (node: Node, offset: number) => {
    const r = document.createRange();
    r.setStart(host, 0);
    r.setEnd(node, offset);
    return Number(host.getAttribute('data-from')) + r.toString().length - Number(host.getAttribute('data-prefix'));
  };
  const start = Math.max(item.start, offsetOf(range.startContainer, range.startOffset));
  const end = Math.min(item.end, offsetOf(range.endContainer, range.endOffset));
  return end > start ? { start, end } : null;
}
