/**
 * A horizontal bar chart as SVG markup, drawn at build time (no JavaScript).
 * Labels are escaped: they come from content and registrations.
 */
export interface Bar {
  label: string;
  value: number;
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `title` is read by screen readers as the image's name; the page's table carries the numbers. */
export function barChartSvg(bars: readonly Bar[], title: string): string {
  const row = 26;
  const labelWidth = 170;
  const barMax = 150;
  const width = labelWidth + barMax + 40;
  const height = bars.length * row + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const items = bars.map((b, i) => {
    const y = 4 + i * row;
    const w = b.value === 0 ? 0 : Math.max(2, Math.round((b.value / max) * barMax));
    const label = b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label;
    return `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escapeXml(label)}</text><rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${row - 8}" rx="2"/><text x="${labelWidth + w + 6}" y="${y + 17}">${b.value}</text>`;
  });
  return `<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" xmlns="http://www.w3.org/2000/svg"><title>${escapeXml(title)}</title>${items.join('')}</svg>`;
}
