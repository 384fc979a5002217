import { describe, expect, it } from 'vitest';

import { deadlineInfo, deadlineLabel, dualTime, formatDateTime, formatTime, moscowLabel, offsetMinutes } from './time';

const AT = new Date('2026-03-05T11:05:00Z');

describe('time zones', () => {
  it('reads the UTC offset of a zone', () => {
    expect(offsetMinutes('Europe/Moscow', AT)).toBe(180);
    expect(offsetMinutes('Asia/Kamchatka', AT)).toBe(720);
    expect(offsetMinutes('UTC', AT)).toBe(0);
    expect(offsetMinutes('Asia/Kolkata', AT)).toBe(330);
    expect(offsetMinutes('America/New_York', AT)).toBe(-300);
  });

  it('labels zones relative to Moscow', () => {
    expect(moscowLabel('Europe/Moscow', AT)).toBe('МСК');
    expect(moscowLabel('Europe/Samara', AT)).toBe('МСК+1');
    expect(moscowLabel('Asia/Yekaterinburg', AT)).toBe('МСК+2');
    expect(moscowLabel('Europe/Kaliningrad', AT)).toBe('МСК−1');
    expect(moscowLabel('Asia/Kamchatka', AT)).toBe('МСК+9');
    expect(moscowLabel('Asia/Kolkata', AT)).toBe('МСК+2:30');
  });

  it('formats an instant in the given zone', () => {
    expect(formatDateTime('2026-03-05T11:05:00Z', 'Europe/Moscow')).toBe('05.03.2026, 14:05');
    expect(formatDateTime('2026-03-05T22:30:00Z', 'Asia/Vladivostok')).toBe('06.03.2026, 08:30');
    expect(formatTime('2026-03-05T11:05:00Z', 'Asia/Yekaterinburg')).toBe('16:05');
    expect(formatDateTime(null, 'Europe/Moscow')).toBe('');
    expect(formatDateTime('not a date', 'Europe/Moscow')).toBe('');
  });

  it('falls back to the browser zone for an unknown zone instead of failing', () => {
    expect(formatDateTime('2026-03-05T11:05:00Z', 'Mars/Olympus')).toMatch(/^\d\d\.\d\d\.2026, \d\d:\d\d$/);
  });

  it('shows the operator and the teacher time', () => {
    const t = dualTime('2026-03-05T11:05:00Z', 'Europe/Moscow', 'Asia/Novosibirsk');
    expect(t.mine).toBe('05.03.2026, 14:05 МСК');
    expect(t.theirs).toBe('18:05 МСК+4');
    expect(dualTime('2026-03-05T11:05:00Z', 'Europe/Moscow', 'Europe/Volgograd').theirs).toBeUndefined();
    expect(dualTime('2026-03-05T11:05:00Z', 'Europe/Moscow', null).theirs).toBeUndefined();
  });
});

describe('deadline', () => {
  const now = new Date('2026-03-05T12:00:00Z');
  it('tells the time left', () => {
    expect(deadlineInfo('2026-03-07T16:00:00Z', now)).toEqual({ overdue: false, text: 'осталось 2 дн. 4 ч', soon: false });
    expect(deadlineInfo('2026-03-05T17:30:00Z', now)).toEqual({ overdue: false, text: 'осталось 5 ч 30 мин', soon: true });
  });
  it('tells how late it is', () => {
    expect(deadlineInfo('2026-03-04T12:00:00Z', now)).toEqual({ overdue: true, text: 'просрочено на 1 дн.', soon: false });
    expect(deadlineInfo('2026-03-05T11:59:50Z', now)?.text).toBe('просрочено на 1 мин');
  });
  it('has nothing to say without a deadline', () => {
    expect(deadlineInfo(null, now)).toBeNull();
    expect(deadlineInfo('garbage', now)).toBeNull();
  });
});

describe('deadline label', () => {
  it('shows the last day with the year and its last minute, in the region', () => {
    expect(deadlineLabel('2026-01-14', '2026-01-14T21:00:00Z', 'Europe/Moscow'))
      .toBe('до 14.01.2026 23:59 (время вашего региона)');
    expect(deadlineLabel('2026-01-14', null, null, false)).toBe('до 14.01.2026 23:59 (время региона)');
  });
  it('finds the day from the moment when an older server sends no day', () => {
    // Kamchatka (UTC+12): midnight after 14.01 is 12:00 UTC on the 14th
    expect(deadlineLabel(null, '2026-01-14T12:00:00Z', 'Asia/Kamchatka')).toBe('до 14.01.2026 23:59 (время вашего региона)');
    expect(deadlineLabel(null, null, 'Europe/Moscow')).toBeNull();
  });
});
