import { describe, expect, it } from 'vitest';

import { allowedTargets, checkMove, columnOf, dropOnColumn, slaStep } from './status';

describe('status changes', () => {
  it('allows exactly the agreed transitions', () => {
    const allowed = [
      ['NEW', 'IN_PROGRESS'],
      ['IN_PROGRESS', 'NEW'],
      ['ANSWERED', 'CLOSED'],
      ['ANSWERED', 'IN_PROGRESS'],
      ['CLOSED', 'IN_PROGRESS'],
    ] as const;
    const all = ['NEW', 'IN_PROGRESS', 'ANSWERED', 'CLOSED', 'FEDERAL'] as const;
    for (const from of all) {
      for (const to of all) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect(checkMove(from, to).allowed, `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it('explains refusals in Russian', () => {
    expect(checkMove('NEW', 'ANSWERED').reason).toMatch(/ставится сам/);
    expect(checkMove('IN_PROGRESS', 'FEDERAL').reason).toMatch(/причины/);
    expect(checkMove('NEW', 'CLOSED').reason).toMatch(/Закрыть можно только/);
    expect(checkMove('FEDERAL', 'CLOSED').reason).toMatch(/федеральн/);
    expect(checkMove('NEW', 'NEW').reason).toMatch(/уже/);
  });

  it('lists targets for the keyboard menu', () => {
    expect(allowedTargets('ANSWERED')).toEqual(['CLOSED', 'IN_PROGRESS']);
    expect(allowedTargets('FEDERAL')).toEqual([]);
  });
});

describe('kanban columns', () => {
  it('puts overdue waiting appeals into «Просрочено», federal control wins', () => {
    expect(columnOf({ status: 'NEW', overdue: true })).toBe('OVERDUE');
    expect(columnOf({ status: 'IN_PROGRESS', overdue: true })).toBe('OVERDUE');
    expect(columnOf({ status: 'ANSWERED', overdue: true })).toBe('ANSWERED');
    expect(columnOf({ status: 'CLOSED', overdue: true })).toBe('CLOSED');
    expect(columnOf({ status: 'FEDERAL', overdue: true })).toBe('FEDERAL');
    expect(columnOf({ status: 'IN_PROGRESS', federal: true })).toBe('FEDERAL');
    // the federal flag stays after the federal answer: the card moves on with its status
    expect(columnOf({ status: 'ANSWERED', federal: true })).toBe('ANSWERED');
    expect(columnOf({ status: 'CLOSED', federal: true })).toBe('CLOSED');
    expect(columnOf({ status: 'NEW' })).toBe('NEW');
  });

  it('asks the server for a status column and refuses the overdue column itself', () => {
    expect(dropOnColumn({ status: 'NEW' }, 'IN_PROGRESS')).toEqual({ target: 'IN_PROGRESS', allowed: true, reason: undefined });
    const refused = dropOnColumn({ status: 'NEW' }, 'CLOSED');
    expect(refused.target).toBe('CLOSED');
    expect(refused.allowed).toBe(false);
    expect(dropOnColumn({ status: 'NEW' }, 'OVERDUE').target).toBeUndefined();
    expect(dropOnColumn({ status: 'NEW' }, 'OVERDUE').reason).toMatch(/автоматически/);
    expect(dropOnColumn({ status: 'NEW' }, 'NEW')).toEqual({ allowed: false });
  });

  it('does not re-request the status an overdue appeal already has', () => {
    const d = dropOnColumn({ status: 'NEW', overdue: true }, 'NEW');
    expect(d.target).toBeUndefined();
    expect(d.reason).toMatch(/уже в статусе «Новое»/);
    expect(dropOnColumn({ status: 'NEW', overdue: true }, 'IN_PROGRESS').allowed).toBe(true);
  });
});

describe('deadline steps told live', () => {
  const base = { id: 'a', status: 'NEW' as const, region: '58', teacherFio: 'И', text: 'q', createdAt: '2026-01-01T00:00:00Z' };
  const session = (username: string, roles: string[]) => ({ token: 't', username, roles });
  it('warns the holder on the last day and tells the head of overdue', () => {
    expect(slaStep({ ...base, deadlineWarning: true, assignedOperator: 'operator58' }, session('operator58', ['OPERATOR'])))
      .toEqual({ key: 'warning', text: 'Срок ответа истекает сегодня' });
    expect(slaStep({ ...base, deadlineWarning: true, assignedOperator: 'operator58' }, session('operator33', ['OPERATOR']))).toBeNull();
    expect(slaStep({ ...base, overdue: true }, session('head58', ['REGIONAL_HEAD'])))
      .toEqual({ key: 'overdue', text: 'Просрочено обращение' });
    expect(slaStep({ ...base, status: 'ANSWERED', overdue: true }, session('head58', ['REGIONAL_HEAD']))).toBeNull();
  });
});
