import type { EnterpriseEvents } from '../api/types';
import { formatNumber, formatWanYuan } from '../format';

/** One line of the 扩张动态 list. */
export interface EventLine {
  id: string;
  date: string;
  kind: string;
  title: string;
  /** "3 亿元", or 金额未知 (unknown is not 0). */
  amount: string;
  place: string;
  source: string;
  /** What the event still adds today, 0..1 of a fresh event of its kind; faded events are shown muted. */
  faded: boolean;
}

/** Below this an event no longer moves the score visibly (about four half-lives for a weak kind). */
const FADED = 0.05;

export function eventLines(e: EnterpriseEvents): EventLine[] {
  return e.events.map((x) => ({
    id: x.id,
    date: x.date,
    kind: x.kindZh,
    title: x.title ?? x.words,
    amount: x.amount === null ? '金额未知' : formatWanYuan(x.amount),
    place: x.placeName ?? '—',
    source: x.source ?? '—',
    faded: x.weight < FADED,
  }));
}

/** The head line: the signal today in points of 100, or that there is none (which costs the firm nothing). */
export function signalSummary(e: EnterpriseEvents): string {
  if (e.events.length === 0) return '暂无扩张动态（招商评分中此项为 0，不扣分）';
  return `扩张信号 ${formatNumber(e.rating * 100, 0)} / 100（按新近程度加权，半衰期 ${formatNumber(e.halfLifeDays, 0)} 天）${e.reasonText ? `：${e.reasonText}` : '：近期无有效信号'}`;
}
