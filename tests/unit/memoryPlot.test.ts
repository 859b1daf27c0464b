import { describe, expect, it } from 'vitest';
import { decadeTicks, escapeXml, memoryPlotSvg, niceCeiling } from '../../bench/lib/memoryPlot.ts';

const GB = 1024 ** 3;

describe('memory plot', () => {
  it('picks round axis bounds and one tick per decade', () => {
    expect(niceCeiling(3.7)).toBe(5);
    expect(niceCeiling(5.2)).toBe(10);
    expect(niceCeiling(0.42)).toBe(0.5);
    expect(decadeTicks(1000, 100_000)).toEqual([1000, 10_000, 100_000]);
  });

  it('draws a line through each series in article order, on a log axis', () => {
    const svg = memoryPlotSvg([
      { name: 'project', colour: '#00f', points: [{ articles: 20_000, bytes: 2 * GB }, { articles: 1000, bytes: 0.5 * GB }, { articles: 100_000, bytes: 4 * GB }] },
    ]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const points = /<polyline[^>]* points="([^"]+)"/.exec(svg)![1]!.split(' ').map((p) => p.split(',').map(Number));
    expect(points).toHaveLength(3);
    const [x1, x2, x3] = points.map(([x]) => x!);
    // log scale: 1,000 → 20,000 spans log10(20) ≈ 1.30 decades of the two.
    expect((x2! - x1!) / (x3! - x1!)).toBeCloseTo(Math.log10(20) / 2, 2);
    // More memory is drawn higher (smaller y).
    expect(points[0]![1]).toBeGreaterThan(points[2]![1]!);
    expect(svg).toContain('<title>project: 20,000 articles, 2.00 GB</title>');
  });

  it('escapes names, draws the limit line, and copes with a series of one point or none', () => {
    const svg = memoryPlotSvg(
      [
        { name: 'a <b> & "c"', colour: 'red', points: [{ articles: 6000, bytes: GB }] },
        { name: 'empty', colour: 'green', points: [] },
      ],
      { limitBytes: 8 * GB, limitLabel: '8 GB' },
    );
    expect(svg).toContain(escapeXml('a <b> & "c"'));
    expect(svg).not.toContain('a <b>');
    expect(svg).not.toContain('<polyline');
    expect(svg.match(/<circle/g)).toHaveLength(1);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).not.toContain('NaN');
  });
});
