// Static force layout for the co-occurrence network: d3-force computes the
// positions once (no animation — calmer, and the same picture every time for
// the same data), React draws the SVG.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3';

export interface NetNode extends SimulationNodeDatum {
  id: number;
  r: number;
}
export interface NetLink {
  source: number;
  target: number;
  count: number;
}

export function layoutNetwork(nodes: { id: number; size: number }[], links: NetLink[], width: number, height: number) {
  const maxSize = Math.max(1, ...nodes.map((n) => n.size));
  const sim: NetNode[] = nodes.map((n) => ({ id: n.id, r: 6 + 14 * Math.sqrt(n.size / maxSize) }));
  const maxCount = Math.max(1, ...links.map((l) => l.count));
  const simulation = forceSimulation(sim)
    .force('charge', forceManyBody().strength(-160))
    .force('link', forceLink<NetNode, { source: number; target: number; count: number }>(links.map((l) => ({ ...l })))
      .id((d) => d.id).distance(90).strength((l) => 0.2 + 0.6 * (l.count / maxCount)))
    .force('collide', forceCollide<NetNode>().radius((d) => d.r + 18))
    .force('center', forceCenter(width / 2, height / 2))
    .stop();
  for (let i = 0; i < 300; i++) simulation.tick();
  // Keep every node inside the drawing.
  for (const n of sim) {
    n.x = Math.max(n.r + 4, Math.min(width - n.r - 4, n.x ?? width / 2));
    n.y = Math.max(n.r + 14, Math.min(height - n.r - 14, n.y ?? height / 2));
  }
  return new Map(sim.map((n) => [n.id, n]));
}
