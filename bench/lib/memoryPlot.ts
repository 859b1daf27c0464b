/**
 * The benchmark's memory-versus-articles plot as a self-contained SVG
 * (no charting service, no fonts to fetch): one line per build, a log-scale
 * article axis (1,000 to 100,000 spans two decades) and a linear GB axis.
 */

/** One measured point. */
export interface PlotPoint {
  articles: number;
  bytes: number;
}

export interface PlotSeries {
  name: string;
  /** A CSS colour. */
  colour: string;
  points: PlotPoint[];
}

export interface PlotOptions {
  title?: string;
  /** Horizontal dashed line, e.g. the 8 GB goal. */
  limitBytes?: number;
  limitLabel?: string;
}

const GB = 1024 ** 3;
const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = { left: 64, right: 24, top: 40, bottom: 56 };

/** Escapes text for SVG element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A "nice" upper bound for the GB axis: 1, 2, 5 × 10^k at or above `value`. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Article counts at powers of ten between `min` and `max`, for axis ticks. */
export function decadeTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let t = 10 ** Math.floor(Math.log10(min)); t <= max * 1.0001; t *= 10) if (t >= min / 1.0001) ticks.push(t);
  return ticks.length > 0 ? ticks : [min];
}

const fmt = (n: number) => n.toLocaleString('en-US');
const round = (n: number) => Math.round(n * 10) / 10;

/** Renders the plot. Series with no points are listed in the legend only. */
export function memoryPlotSvg(series: PlotSeries[], options: PlotOptions = {}): string {
  const all = series.flatMap((s) => s.points);
  const minA = Math.min(...all.map((p) => p.articles), 1000);
  const maxA = Math.max(...all.map((p) => p.articles), 10000);
  const xMin = 10 ** Math.floor(Math.log10(minA));
  const xMax = 10 ** Math.ceil(Math.log10(maxA));
  const yMax = niceCeiling(Math.max(...all.map((p) => p.bytes / GB), (options.limitBytes ?? 0) / GB, 0.5) * 1.05);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (articles: number) =>
    round(MARGIN.left + ((Math.log10(articles) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * plotW);
  const y = (bytes: number) => round(MARGIN.top + plotH - (bytes / GB / yMax) * plotH);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
  );
  if (options.title) parts.push(`<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15">${escapeXml(options.title)}</text>`);
  // Axes, grid and tick labels.
  const yStep = yMax / 5;
  for (let i = 0; i <= 5; i++) {
    const gb = i * yStep;
    const py = y(gb * GB);
    parts.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${py}" y2="${py}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 8}" y="${py + 4}" text-anchor="end">${round(gb)}</text>`,
    );
  }
  for (const tick of decadeTicks(xMin, xMax)) {
    const px = x(tick);
    parts.push(
      `<line x1="${px}" x2="${px}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#ddd"/>`,
      `<text x="${px}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${fmt(tick)}</text>`,
    );
  }
  parts.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 14}" text-anchor="middle">articles (log scale)</text>`,
    `<text x="16" y="${MARGIN.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 16 ${MARGIN.top + plotH / 2})">peak memory of the process tree (GB)</text>`,
  );
  if (options.limitBytes) {
    const py = y(options.limitBytes);
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${py}" y2="${py}" stroke="#c00" stroke-dasharray="6 4"/>`);
    if (options.limitLabel) parts.push(`<text x="${WIDTH - MARGIN.right - 4}" y="${py - 6}" text-anchor="end" fill="#c00">${escapeXml(options.limitLabel)}</text>`);
  }
  // One line per series, with a labelled dot per measurement.
  series.forEach((s, index) => {
    const points = [...s.points].sort((a, b) => a.articles - b.articles);
    if (points.length > 1) {
      parts.push(`<polyline fill="none" stroke="${escapeXml(s.colour)}" stroke-width="2" points="${points.map((p) => `${x(p.articles)},${y(p.bytes)}`).join(' ')}"/>`);
    }
    for (const p of points) {
      parts.push(
        `<circle cx="${x(p.articles)}" cy="${y(p.bytes)}" r="4" fill="${escapeXml(s.colour)}"><title>${escapeXml(`${s.name}: ${fmt(p.articles)} articles, ${(p.bytes / GB).toFixed(2)} GB`)}</title></circle>`,
      );
    }
    const ly = MARGIN.top + 8 + index * 18;
    parts.push(
      `<rect x="${MARGIN.left + 12}" y="${ly - 9}" width="12" height="12" fill="${escapeXml(s.colour)}"/>`,
      `<text x="${MARGIN.left + 30}" y="${ly + 2}">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
