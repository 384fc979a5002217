// Periods of the statistics page: a day, a week, a month ending today, or custom dates; each compared with the
// period of the same length just before it. Dates are ГГГГ-ММ-ДД strings (Moscow days, as the server counts).

export type PeriodKind = 'day' | 'week' | 'month' | 'custom';

export interface Period {
  from: string;
  to: string;
}

const DAY = 86_400_000;

export function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function parse(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}

export function addDays(s: string, n: number): string {
  return iso(new Date(parse(s).getTime() + n * DAY));
}

/** Days from `from` to `to`, both included (1 for one day). */
export function lengthInDays(p: Period): number {
  return Math.round((parse(p.to).getTime() - parse(p.from).getTime()) / DAY) + 1;
}

/** The period of a kind ending on `today`; `custom` keeps the dates given. */
export function periodOf(kind: PeriodKind, today: string, custom?: Period): Period {
  switch (kind) {
    case 'day':
      return { from: today, to: today };
    case 'week':
      return { from: addDays(today, -6), to: today };
    case 'month':
      return { from: addDays(today, -29), to: today };
    case 'custom':
      return custom ?? { from: today, to: today };
  }
}

/** The period of the same length that ends the day before `p` starts. */
export function previous(p: Period): Period {
  const n = lengthInDays(p);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

/** Every day of the period, in order (the charts show days without appeals too). */
export function days(p: Period): string[] {
  const out: string[] = [];
  for (let d = p.from; d <= p.to && out.length < 1000; d = addDays(d, 1)) out.push(d);
  return out;
}

/** «+12 %», «−5 %», «0 %», or «—» when there is nothing to compare with. */
export function change(now: number | null | undefined, before: number | null | undefined): string {
  if (now == null || before == null || before === 0) return '—';
  const pct = Math.round(((now - before) / before) * 100);
  return pct > 0 ? `+${pct} %` : pct < 0 ? `−${Math.abs(pct)} %` : '0 %';
}
