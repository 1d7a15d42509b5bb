// Maps a DOM selection in the reader to offsets into the source text. Every
// turn's text element carries data-turn-start; its text nodes, in order, are
// exactly text.slice(turn.start, turn.end), so offsets add up.

function turnElement(node: Node | null): HTMLElement | null {
  const el = node instanceof HTMLElement ? node : node?.parentElement ?? null;
  return el?.closest<HTMLElement>('[data-turn-start]') ?? null;
}

function offsetIn(turn: HTMLElement, node: Node, offset: number): number {
  const base = Number(turn.dataset.turnStart);
  if (node.nodeType === Node.TEXT_NODE) return base + textBefore(turn, node) + offset;
  // A boundary on an element sits before its child number `offset`, or at its end.
  const child = node.childNodes[offset];
  if (child) return base + textBefore(turn, child);
  return base + textBefore(turn, node) + (node.textContent ?? '').length;
}

/** Length of the text that precedes `node` inside `root`. */
function textBefore(root: HTMLElement, node: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === node || node.contains(n)) return length;
    length += n.textContent?.length ?? 0;
  }
  return length;
}

/** Offsets of the current selection inside one reader, or null when it is empty or outside. */
export function selectionOffsets(selection: Selection | null, reader: HTMLElement): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!reader.contains(range.commonAncestorContainer)) return null;
  const turns = [...reader.querySelectorAll<HTMLElement>('[data-turn-start]')];
  const startTurn = turnElement(range.startContainer) ?? turns.find((t) => range.intersectsNode(t));
  const endTurn = turnElement(range.endContainer) ?? [...turns].reverse().find((t) => range.intersectsNode(t));
  if (!startTurn || !endTurn) return null;
  const start = turnElement(range.startContainer) ? offsetIn(startTurn, range.startContainer, range.startOffset) : Number(startTurn.dataset.turnStart);
  const end = turnElement(range.endContainer)
    ? offsetIn(endTurn, range.endContainer, range.endOffset)
    : Number(endTurn.dataset.turnStart) + (endTurn.textContent ?? '').length;
  return end > start ? { start, end } : null;
}

/** The DOM position of a source offset inside the rendered turn that holds it. */
function positionOf(reader: HTMLElement, offset: number, preferEnd: boolean): [Node, number] | null {
  for (const turn of reader.querySelectorAll<HTMLElement>('[data-turn-start]')) {
    const base = Number(turn.dataset.turnStart);
    const length = Number(turn.dataset.turnLength);
    if (offset < base || offset > base + length || (offset === base + length && !preferEnd) || (offset === base && preferEnd && length > 0)) continue;
    const walker = document.createTreeWalker(turn, NodeFilter.SHOW_TEXT);
    let rest = offset - base;
    let last: Text | null = null;
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
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
