import { S } from './strings';

/**
 * Formats an amount given in 万元 (the unit of revenue in the API): below 1 亿 as 万元, otherwise as 亿元.
 * Null/undefined/NaN show as "—".
 */
export function formatWanYuan(wan: number | null | undefined): string {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return '—';
  const abs = Math.abs(wan);
  if (abs >= 10000) {
    const yi = wan / 10000;
    return `${formatNumber(yi, Math.abs(yi) >= 100 ? 0 : Math.abs(yi) >= 10 ? 1 : 2)} ${S.units.yi}`;
  }
  return `${formatNumber(wan, abs >= 100 ? 0 : abs >= 1 ? 1 : 2)} ${S.units.wan}`;
}

/** Thousands separators, a fixed number of decimals (trailing zeros kept off). */
export function formatNumber(n: number | null | undefined, decimals = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const fixed = n.toFixed(decimals);
  const [intPart, frac] = fixed.split('.');
  const sign = intPart!.startsWith('-') ? '-' : '';
  const digits = sign ? intPart!.slice(1) : intPart!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = frac ? frac.replace(/0+$/, '') : '';
  return sign + grouped + (trimmed ? '.' + trimmed : '');
}

/** A ratio 0..1 as a percentage with one decimal. */
export function formatPercent(ratio: number | null | undefined, decimals = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(decimals)}%`;
}

/** Compact count: 12345 → "1.2万". */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 1e8) return `${formatNumber(n / 1e8, 1)}亿`;
  if (Math.abs(n) >= 1e4) return `${formatNumber(n / 1e4, 1)}万`;
  return formatNumber(n);
}

/** An ISO instant in the browser's local time, `YYYY-MM-DD HH:mm:ss` ("—" when missing or unreadable). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
