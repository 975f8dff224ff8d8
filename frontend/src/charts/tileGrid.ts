import type { RegionFigure } from '../api/types';

/**
 * A tile-grid map of China's provincial divisions: one square per province at a position that keeps
 * rough neighbourhoods. It draws no boundaries, so it needs no approved map (审图号).
 * Keyed by the two-digit province prefix of the GB/T 2260 code: [column, row, short name].
 */
export const PROVINCE_TILES: Record<string, [number, number, string]> = {
  '23': [7, 0, '黑龙江'],
  '65': [1, 1, '新疆'],
  '15': [4, 1, '内蒙古'],
  '11': [5, 1, '北京'],
  '22': [7, 1, '吉林'],
  '62': [2, 2, '甘肃'],
  '64': [3, 2, '宁夏'],
  '14': [4, 2, '山西'],
  '13': [5, 2, '河北'],
  '12': [6, 2, '天津'],
  '21': [7, 2, '辽宁'],
  '54': [0, 3, '西藏'],
  '63': [1, 3, '青海'],
  '61': [3, 3, '陕西'],
  '41': [4, 3, '河南'],
  '37': [5, 3, '山东'],
  '51': [2, 4, '四川'],
  '50': [3, 4, '重庆'],
  '42': [4, 4, '湖北'],
  '34': [5, 4, '安徽'],
  '32': [6, 4, '江苏'],
  '31': [7, 4, '上海'],
  '53': [2, 5, '云南'],
  '52': [3, 5, '贵州'],
  '43': [4, 5, '湖南'],
  '36': [5, 5, '江西'],
  '33': [6, 5, '浙江'],
  '45': [3, 6, '广西'],
  '44': [4, 6, '广东'],
  '35': [5, 6, '福建'],
  '71': [7, 6, '台湾'],
  '46': [3, 7, '海南'],
  '82': [4, 7, '澳门'],
  '81': [5, 7, '香港'],
};
export const GRID_COLUMNS = 8;
export const GRID_ROWS = 8;

export type Metric = 'count' | 'revenue';

export interface Tile {
  code: string;
  name: string;
  x: number;
  y: number;
  value: number;
}

/** Places province figures on the grid; provinces without figures get 0, unknown codes are left out. */
export function tilesFor(figures: RegionFigure[], metric: Metric): Tile[] {
  const byPrefix = new Map(figures.map((f) => [f.code.slice(0, 2), f]));
  return Object.entries(PROVINCE_TILES).map(([prefix, [x, y, name]]) => {
    const f = byPrefix.get(prefix);
    return {
      code: f?.code ?? `${prefix}0000`,
      name,
      x,
      y,
      value: f ? (metric === 'count' ? f.enterprises : f.revenue) : 0,
    };
  });
}

/** The ECharts option of the tile map (a heatmap on a category grid). `format` renders values in labels. */
export function tileMapOption(tiles: Tile[], metric: Metric, format: (v: number) => string, highlight?: string | null): Record<string, unknown> {
  const max = Math.max(1, ...tiles.map((t) => t.value));
  const axis = (n: number) => ({ type: 'category', data: Array.from({ length: n }, (_, i) => i), show: false });
  return {
    animation: false,
    tooltip: { confine: true },
    grid: { left: 4, right: 4, top: 4, bottom: 44 },
    xAxis: axis(GRID_COLUMNS),
    yAxis: { ...axis(GRID_ROWS), inverse: true },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemHeight: 120,
      inRange: { color: ['#eef3fb', '#9ec5fe', '#1c63c7', '#0b3a7e'] },
      text: [format(max), '0'],
    },
    series: [
      {
        type: 'heatmap',
        name: metric,
        data: tiles.map((t) => ({
          value: [t.x, t.y, t.value],
          name: t.name,
          code: t.code,
          itemStyle: t.code === highlight ? { borderColor: '#d9480f', borderWidth: 3 } : undefined,
        })),
        label: {
          show: true,
          fontSize: 11,
          formatter: (p: { data: { name: string; value: [number, number, number] } }) => `${p.data.name}\n${format(p.data.value[2])}`,
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 4 },
        tooltip: {
          formatter: (p: { data: { name: string; value: [number, number, number] } }) => `${p.data.name}: ${format(p.data.value[2])}`,
        },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 2 } },
      },
    ],
  };
}

/** A horizontal bar chart for cities or counties, largest first. */
export function regionBarOption(figures: RegionFigure[], metric: Metric, format: (v: number) => string): Record<string, unknown> {
  const rows = [...figures]
    .map((f) => ({ code: f.code, name: f.name, value: metric === 'count' ? f.enterprises : f.revenue }))
    .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
  const shown = rows.reverse(); // ECharts draws the first category at the bottom
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 96, right: 72, top: 8, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { interval: 0, fontSize: 11 } },
    series: [
      {
        type: 'bar',
        data: shown.map((r) => ({ value: r.value, code: r.code })),
        itemStyle: { color: '#1c63c7' },
        label: { show: true, position: 'right', formatter: (p: { value: number }) => format(p.value), fontSize: 11 },
        barMaxWidth: 18,
      },
    ],
  };
}
