// Chart export: the SVG on screen is the chart (inline attributes, no
// stylesheet), so saving it as SVG is serialising it; PNG is the same SVG
// drawn on a canvas at twice the size. Main writes the file (the renderer has
// no file access).
import { call } from '../../bridge.ts';

/** White space around an exported chart, so no title, label or bar touches the image's edge (issue 11 §5). */
export const EXPORT_MARGIN = 24;

/** A copy of the chart with a white margin on every side (the screen's drawing stays as it is). */
function framed(svg: SVGSVGElement, margin = EXPORT_MARGIN): SVGSVGElement {
  const { x, y, width, height } = svg.viewBox.baseVal;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const w = width + 2 * margin;
  const h = height + 2 * margin;
  copy.setAttribute('viewBox', `${x - margin} ${y - margin} ${w} ${h}`);
  copy.setAttribute('width', String(w));
  copy.setAttribute('height', String(h));
  const paper = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({ x: x - margin, y: y - margin, width: w, height: h, fill: '#ffffff' })) paper.setAttribute(k, String(v));
  copy.insertBefore(paper, copy.firstChild);
  return copy;
}

export function svgText(svg: SVGSVGElement): string {
  return new XMLSerializer().serializeToString(framed(svg));
}

export async function pngBase64(svg: SVGSVGElement, scale = 2): Promise<string> {
  const width = svg.viewBox.baseVal.width + 2 * EXPORT_MARGIN;
  const height = svg.viewBox.baseVal.height + 2 * EXPORT_MARGIN;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
}

/** Asks where to save, then saves; returns the path, or null when the user cancelled. */
export async function saveChart(svg: SVGSVGElement, format: 'svg' | 'png', defaultName: string): Promise<string | null> {
  const path = await call('shell.saveFileDialog', { defaultName, extension: format });
  if (!path) return null;
  const data = format === 'svg' ? svgText(svg) : await pngBase64(svg);
  await call('analysis.saveChart', { path, format, data });
  return path;
}
