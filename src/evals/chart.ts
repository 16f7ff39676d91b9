import type { TagSummary } from './metrics.js';

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A horizontal bar chart of success by tag as a standalone SVG: no charting
 * dependency, readable in any browser and inline in Markdown viewers.
 */
export function successByTagSvg(tags: TagSummary[], title: string): string {
  const labelWidth = 170;
  const barWidth = 360;
  const row = 26;
  const top = 44;
  const height = top + tags.length * row + 30;
  const width = labelWidth + barWidth + 120;
  const bars = tags
    .map((t, i) => {
      const y = top + i * row;
      const w = Math.round(t.successRate * barWidth);
      const colour = t.successRate >= 0.8 ? '#2e7d32' : t.successRate >= 0.5 ? '#f9a825' : '#c62828';
      return [
        `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeXml(t.tag)}</text>`,
        `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="${row - 8}" fill="#eeeeee"/>`,
        `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 8}" fill="${colour}"/>`,
        `<text x="${labelWidth + barWidth + 8}" y="${y + 16}">${Math.round(t.successRate * 100)}% (${t.scenarios})</text>`,
      ].join('');
    })
    .join('\n  ');
  const axis = [0, 25, 50, 75, 100]
    .map((p) => {
      const x = labelWidth + (p / 100) * barWidth;
      return `<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${top + tags.length * row}" stroke="#bbbbbb" stroke-dasharray="2,3"/><text x="${x}" y="${top + tags.length * row + 16}" text-anchor="middle" fill="#666666">${p}%</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="13">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <text x="${labelWidth}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>
  ${axis}
  ${bars}
</svg>
`;
}
