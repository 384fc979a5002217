import { describe, expect, it } from 'vitest';

import { appealQuery, DEFAULT_FILTERS, filterProblem, pageCount, toggleSort } from './query';

describe('appeal list query', () => {
  it('sends only the filters that are set', () => {
    expect(appealQuery(DEFAULT_FILTERS, false)).toBe('sort=-createdAt&page=0&size=50');
  });

  it('sends every filter of the agreed API', () => {
    const qs = new URLSearchParams(appealQuery({
      ...DEFAULT_FILTERS, statuses: ['NEW', 'IN_PROGRESS'], overdue: 'true', from: '2026-03-01', to: '2026-03-31',
      rating: '2', operator: ' operator58 ', region: '33', q: ' аттестация ', sort: 'deadline', page: 2, size: 500,
    }, true));
    expect(qs.get('status')).toBe('NEW,IN_PROGRESS');
    expect(qs.get('overdue')).toBe('true');
    expect(qs.get('from')).toBe('2026-03-01');
    expect(qs.get('to')).toBe('2026-03-31');
    expect(qs.get('rating')).toBe('2');
    expect(qs.get('operator')).toBe('operator58');
    expect(qs.get('region')).toBe('33');
    expect(qs.get('q')).toBe('аттестация');
    expect(qs.get('sort')).toBe('deadline');
    expect(qs.get('page')).toBe('2');
    expect(qs.get('size')).toBe('200');
  });

  it('sends the kanban column a counter chip opens the list with', () => {
    expect(new URLSearchParams(appealQuery({ ...DEFAULT_FILTERS, columns: ['OVERDUE'] }, false)).get('column')).toBe('OVERDUE');
    expect(appealQuery(DEFAULT_FILTERS, false)).not.toContain('column');
  });

  it('leaves the region out for regional staff', () => {
    expect(appealQuery({ ...DEFAULT_FILTERS, region: '33' }, false)).not.toContain('region');
  });

  it('checks the period and counts pages', () => {
    expect(filterProblem({ ...DEFAULT_FILTERS, from: '2026-03-10', to: '2026-03-01' })).toMatch(/позже/);
    expect(filterProblem({ ...DEFAULT_FILTERS, from: '2026-03-01', to: '2026-03-01' })).toBeNull();
    expect(pageCount(119, 50)).toBe(3);
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(null, 50)).toBeNull();
  });

  it('toggles the sort of a column', () => {
    expect(toggleSort('-createdAt', 'createdAt')).toBe('createdAt');
    expect(toggleSort('createdAt', 'createdAt')).toBe('-createdAt');
    expect(toggleSort('-createdAt', 'deadline')).toBe('deadline');
    expect(toggleSort('deadline', 'deadline')).toBe('-deadline');
  });
});
