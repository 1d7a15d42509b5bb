// Maps a DOM selection in the reader to offsets into the source text and back.
// Every turn's text element carries data-turn-start and data-turn-length; its
// text nodes, in order, are exactly text.slice(turn.start, turn.end) — except
// inside elements marked data-not-text (the drag handles of a selected coding),
// which are decoration: they hold no text and are skipped here.
//
// A boundary of a selection can sit anywhere: in a text node, between elements,
// inside a handle (a mouse released on it, Shift+→ stepping onto it). It is
// mapped by comparing document positions with the boundary, so the offset is
// always the length of the turn's text before that boundary — exactly what
// the browser highlights.

/** Marks an element inside a turn's text that is not part of the text. */
export const NOT_TEXT_ATTRIBUTE = 'data-not-text';

function turnElement(node: Node | null): HTMLElement | null {
  const el = node instanceof HTMLElement ? node : node?.parentElement ?? null;
  return el?.closest<HTMLElement>('[data-turn-start]') ?? null;
}

/** The turn's own text nodes in document order (not those of decoration). */
function textNodes(turn: HTMLElement): Text[] {
  const walker = document.createTreeWalker(turn, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      if (n.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      return (n as Element).hasAttribute(NOT_TEXT_ATTRIBUTE) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Source offset of the boundary point (node, offset), which lies inside `turn`. */
function offsetIn(turn: HTMLElement, node: Node, offset: number): number {
  const base = Number(turn.dataset.turnStart);
  const point = document.createRange();
  point.setStart(node, offset);
  let length = 0;
  for (const n of textNodes(turn)) {
    if (n === node) return base + length + offset;
    // A text node counts when it ends at or before the boundary; the first one after it ends the count.
    if (point.comparePoint(n, n.data.length) > 0) break;
    length += n.data.length;
  }
  return base + length;
}

const turnStart = (turn: HTMLElement) => Number(turn.dataset.turnStart);
const turnEnd = (turn: HTMLElement) => turnStart(turn) + Number(turn.dataset.turnLength);

/** Offsets of the current selection inside one reader, or null when it is empty or outside. */
export function selectionOffsets(selection: Selection | null, reader: HTMLElement): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!reader.contains(range.commonAncestorContainer)) return null;
  const turns = [...reader.querySelectorAll<HTMLElement>('[data-turn-start]')];
  // A boundary outside any turn's text (a speaker name, the margin) stands for the nearest text inside the range.
  const inStart = turnElement(range.startContainer);
  const inEnd = turnElement(range.endContainer);
  const startTurn = inStart ?? turns.find((t) => range.intersectsNode(t));
  const endTurn = inEnd ?? [...turns].reverse().find((t) => range.intersectsNode(t));
  if (!startTurn || !endTurn) return null;
  const start = inStart ? offsetIn(inStart, range.startContainer, range.startOffset) : turnStart(startTurn);
  const end = inEnd ? offsetIn(inEnd, range.endContainer, range.endOffset) : turnEnd(endTurn);
  return end > start ? { start, end } : null;
}

/** The DOM position of a source offset inside the rendered turn that holds it. */
function positionOf(reader: HTMLElement, offset: number, preferEnd: boolean): [Node, number] | null {
  for (const turn of reader.querySelectorAll<HTMLElement>('[data-turn-start]')) {
    const base = turnStart(turn);
    const length = Number(turn.dataset.turnLength);
    if (offset < base || offset > base + length || (offset === base + length && !preferEnd) || (offset === base && preferEnd && length > 0)) continue;
    let rest = offset - base;
    let last: Text | null = null;
    for (const n of textNodes(turn)) {
      if (rest < n.data.length || (preferEnd && rest === n.data.length)) return [n, rest];
      rest -= n.data.length;
      last = n;
    }
    if (last) return [last, last.data.length];
  }
  return null;
}

/**
 * A DOM range for [start, end) when both ends are in rendered turns (the
 * reader keeps the selected turns rendered while virtualised), else null.
 */
export function rangeFromOffsets(reader: HTMLElement, start: number, end: number): Range | null {
  const a = positionOf(reader, start, false);
  const b = positionOf(reader, end, true);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(...a);
  range.setEnd(...b);
  return range;
}

/** The source offset under a screen point (a drag handle's pointer), or null off the text. */
export function offsetAtPoint(x: number, y: number): number | null {
  const range = document.caretRangeFromPoint(x, y);
  if (!range) return null;
  const turn = turnElement(range.startContainer);
  return turn ? offsetIn(turn, range.startContainer, range.startOffset) : null;
}
