// Static force layout for the co-occurrence network: d3-force computes the
// positions once (no animation — calmer, and the same picture every time for
// the same data), React draws the SVG. Issue 11 §5: every label is the code's
// whole name, wrapped over lines, and no label overlaps another node's label
// or circle or leaves the drawing; the drawing grows taller when it must.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3';

export interface NetNode extends SimulationNodeDatum {
  id: number;
  r: number;
  /** The name in lines of at most LABEL_CHARS characters (a longer word keeps its own line). */
  lines: string[];
  /** Half the width of circle and label together, and their height below the centre. */
  halfWidth: number;
  below: number;
}
export interface NetLink {
  source: number;
  target: number;
  count: number;
}

const LABEL_CHARS = 18;
/** Generous average glyph width and line height of the 11px label font (a wider guess costs room, never overlap). */
export const CHAR_WIDTH = 6.8;
export const LINE_HEIGHT = 13;
/** Space kept clear around each node and at the drawing's edges. */
const GAP = 6;
const EDGE = 10;

export function wrapLabel(name: string, max = LABEL_CHARS): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= max) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

interface Box { left: number; right: number; top: number; bottom: number }
const box = (n: NetNode): Box => ({ left: n.x! - n.halfWidth, right: n.x! + n.halfWidth, top: n.y! - n.r, bottom: n.y! + n.below });

export function layoutNetwork(nodes: { id: number; size: number; name: string }[], links: NetLink[], width: number, minHeight: number) {
  const maxSize = Math.max(1, ...nodes.map((n) => n.size));
  const sim: NetNode[] = nodes.map((n) => {
    const r = 6 + 14 * Math.sqrt(n.size / maxSize);
    const lines = wrapLabel(n.name);
    const labelWidth = Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH;
    return { id: n.id, r, lines, halfWidth: Math.max(r, labelWidth / 2), below: r + 4 + lines.length * LINE_HEIGHT };
  });
  // Room for every node with its label, with space to spare: a crowded network gets a taller drawing.
  const area = sim.reduce((sum, n) => sum + (2 * n.halfWidth + 2 * GAP) * (n.r + n.below + 2 * GAP), 0);
  const height = Math.max(minHeight, Math.ceil((area * 2.2) / width));
  const maxCount = Math.max(1, ...links.map((l) => l.count));
  const simulation = forceSimulation(sim)
    .force('charge', forceManyBody().strength(-160))
    .force('link', forceLink<NetNode, { source: number; target: number; count: number }>(links.map((l) => ({ ...l })))
      .id((d) => d.id).distance(110).strength((l) => 0.2 + 0.6 * (l.count / maxCount)))
    .force('collide', forceCollide<NetNode>().radius((d) => Math.max(d.halfWidth, (d.r + d.below) / 2) + GAP))
    .force('center', forceCenter(width / 2, height / 2))
    .stop();
  for (let i = 0; i < 300; i++) simulation.tick();
  separate(sim, width, height);
  return { nodes: new Map(sim.map((n) => [n.id, n])), height };
}

/** Pushes apart nodes whose circle-and-label boxes overlap, keeping each inside the drawing. */
function separate(sim: NetNode[], width: number, height: number): void {
  const clamp = (n: NetNode) => {
    n.x = Math.max(EDGE + n.halfWidth, Math.min(width - EDGE - n.halfWidth, n.x ?? width / 2));
    n.y = Math.max(EDGE + n.r, Math.min(height - EDGE - n.below, n.y ?? height / 2));
  };
  sim.forEach(clamp);
  for (let round = 0; round < 400; round++) {
    let moved = false;
    for (let i = 0; i < sim.length; i++) {
      for (let j = i + 1; j < sim.length; j++) {
        const a = sim[i]!;
        const b = sim[j]!;
        const p = box(a);
        const q = box(b);
        const dx = Math.min(p.right, q.right) - Math.max(p.left, q.left) + GAP;
        const dy = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) + GAP;
        if (dx <= 0 || dy <= 0) continue;
        moved = true;
        // Along the axis that needs the smaller move; half each way (the order of ids breaks ties).
        if (dx < dy) {
          const s = (a.x! < b.x! || (a.x === b.x && a.id < b.id) ? -1 : 1) * (dx / 2 + 0.5);
          a.x! += s;
          b.x! -= s;
        } else {
          const s = (a.y! < b.y! || (a.y === b.y && a.id < b.id) ? -1 : 1) * (dy / 2 + 0.5);
          a.y! += s;
          b.y! -= s;
        }
        clamp(a);
        clamp(b);
      }
    }
    if (!moved) return;
  }
}
