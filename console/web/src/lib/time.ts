// Times in a given IANA zone, labelled the Russian way relative to Moscow («МСК», «МСК+4»).

const MOSCOW_OFFSET_MIN = 180;

export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Moscow';
  } catch {
    return 'Europe/Moscow';
  }
}

function validZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

/** UTC offset of the zone at that instant, in minutes (e.g. +180 for Moscow). */
export function offsetMinutes(zone: string, at: Date = new Date()): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(part ?? '');
  if (!m) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** «МСК», «МСК+4», «МСК−1», «МСК+2:30». */
export function moscowLabel(zone: string, at: Date = new Date()): string {
  const diff = offsetMinutes(zone, at) - MOSCOW_OFFSET_MIN;
  if (diff === 0) return 'МСК';
  const abs = Math.abs(diff);
  const hours = Math.floor(abs / 60);
  const minutes = abs % 60;
  return `МСК${diff > 0 ? '+' : '−'}${hours}${minutes ? ':' + String(minutes).padStart(2, '0') : ''}`;
}

/** Formats an ISO instant in the zone (the browser's when none or an invalid one is given); '' for no date. */
function format(iso: string | null | undefined, zone: string | null | undefined, parts: Intl.DateTimeFormatOptions): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('ru-RU', { timeZone: validZone(zone) ?? browserZone(), ...parts }).format(d);
}

/** «05.03.2026, 14:05» in the zone. */
export function formatDateTime(iso: string | null | undefined, zone?: string | null): string {
  return format(iso, zone, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** «14:05» in the zone. */
export function formatTime(iso: string, zone?: string | null): string {
  return format(iso, zone, { hour: '2-digit', minute: '2-digit' });
}

/** «05.03.2026» in the zone. */
export function formatDate(iso: string | null | undefined, zone?: string | null): string {
  return format(iso, zone, { day: '2-digit', month: '2-digit', year: 'numeric' });
}

export interface DualTime {
  /** the operator's local time with its label */
  mine: string;
  /** the teacher's local time with its label, absent when both zones show the same clock */
  theirs?: string;
}

/** One instant as the operator and as the teacher see it. */
export function dualTime(iso: string, operatorZone: string, teacherZone?: string | null): DualTime {
  const at = new Date(iso);
  const mine = `${formatDateTime(iso, operatorZone)} ${moscowLabel(operatorZone, at)}`;
  const tz = validZone(teacherZone);
  if (!tz || offsetMinutes(tz, at) === offsetMinutes(operatorZone, at)) return { mine };
  return { mine, theirs: `${formatTime(iso, tz)} ${moscowLabel(tz, at)}` };
}

export interface DeadlineInfo {
  overdue: boolean;
  /** «осталось 2 дн. 4 ч» or «просрочено на 5 ч» */
  text: string;
  /** less than a day left */
  soon: boolean;
}

export function deadlineInfo(deadline: string | null | undefined, now: Date = new Date()): DeadlineInfo | null {
  if (!deadline) return null;
  const due = new Date(deadline).getTime();
  if (Number.isNaN(due)) return null;
  const diff = due - now.getTime();
  const span = humanSpan(Math.abs(diff));
  if (diff < 0) return { overdue: true, text: `просрочено на ${span}`, soon: false };
  return { overdue: false, text: `осталось ${span}`, soon: diff < 24 * 3600 * 1000 };
}

function humanSpan(ms: number): string {
  const minutes = Math.floor(ms / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours ? `${days} дн. ${hours} ч` : `${days} дн.`;
  if (hours > 0) return `${hours} ч ${minutes % 60} мин`;
  return `${Math.max(minutes, 1)} мин`;
}

/**
 * The deadline as the teacher was told it: «до 14.01.2026 23:59 (время вашего региона)». The day comes from the
 * server (`deadlineDay`); an older server only sends the moment, whose last minute in the region is the same day.
 * Federal staff read «время региона»: the region is not theirs.
 */
export function deadlineLabel(deadlineDay: string | null | undefined, deadline: string | null | undefined,
  zone: string | null | undefined, ownRegion = true): string | null {
  let day = deadlineDay ?? null;
  if (!day && deadline) {
    const last = new Date(new Date(deadline).getTime() - 60000);
    if (Number.isNaN(last.getTime())) return null;
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone ?? 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(last);
    day = parts;
  }
  if (!day) return null;
  const [y, m, d] = day.split('-');
  return `до ${d}.${m}.${y} 23:59 (${ownRegion ? 'время вашего региона' : 'время региона'})`;
}
