import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#1f6feb', '#d9822b', '#2f7d4f', '#8250df', '#c62828'];

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export interface Series {
  name: string;
  values: number[];
}

/** Grouped bars over time, one colour per series (prompt version), drawn as SVG: no chart library. */
export function barChart(
  title: string,
  labels: string[],
  series: Series[],
  format: (v: number) => string,
): HTMLElement {
  // Drawn about as wide as it will show (a phone's width, up to 560), so the axis text is not scaled down
  // to an unreadable size; the SVG still scales with its box.
  const width = Math.round(Math.min(560, Math.max(280, innerWidth - 48)));
  const height = 180;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  // Nothing to scale by (all zero): one tick, not three that all read 0.
  const ticks = max > 0 ? [0, 0.5, 1] : [0];
  const tickLabels = ticks.map((fraction) => format(max * fraction));
  // Room for the longest tick label at the axis' 10px font (about 6px a character), so none is cut off.
  const pad = { left: Math.max(36, 8 + 6 * Math.max(...tickLabels.map((l) => l.length))), bottom: 22, top: 8 };
  const plotH = height - pad.bottom - pad.top;
  const slot = (width - pad.left) / Math.max(1, labels.length);
  const bar = Math.max(1, (slot * 0.8) / Math.max(1, series.length));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart' });
  ticks.forEach((fraction, i) => {
    const y = pad.top + plotH * (1 - fraction);
    chart.append(
      svg('line', { x1: pad.left, x2: width, y1: y, y2: y, class: 'grid' }),
      svg('text', { x: pad.left - 4, y: y + 4, 'text-anchor': 'end', class: 'axis' }, tickLabels[i]),
    );
  });
  series.forEach((s, si) =>
    s.values.forEach((v, i) => {
      if (!v || !max) return;
      const barH = (v / max) * plotH;
      const rect = svg('rect', {
        x: pad.left + i * slot + slot * 0.1 + si * bar,
        y: pad.top + plotH - barH,
        width: bar,
        height: barH,
        fill: COLOURS[si % COLOURS.length],
      });
      rect.append(svg('title', {}, `${s.name} · ${labels[i]}: ${format(v)}`));
      chart.append(rect);
    }),
  );
  const every = Math.ceil(labels.length / 6);
  labels.forEach(
    (label, i) =>
      i % every === 0 && chart.append(svg('text', { x: pad.left + i * slot, y: height - 6, class: 'axis' }, label)),
  );
  return h(
    'figure',
    { class: 'card chart-card', 'data-testid': 'chart' },
    h(
      'figcaption',
      {},
      title,
      ...series.map((s, si) => h('span', { class: 'legend' }, swatch(COLOURS[si % COLOURS.length]), s.name)),
    ),
    chart,
  );
}

// A colour key as SVG: the page's CSP allows no inline styles.
function swatch(colour: string): SVGSVGElement {
  const box = svg('svg', { width: 10, height: 10, viewBox: '0 0 10 10' });
  box.append(svg('rect', { width: 10, height: 10, fill: colour }));
  return box;
}
