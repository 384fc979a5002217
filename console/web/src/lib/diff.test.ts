import { describe, expect, it } from 'vitest';

import { diffList, diffWords } from './diff';

describe('diffWords', () => {
  it('shows a changed word as removed and added in place', () => {
    expect(diffWords('Учитель обязан вести журнал.', 'Учитель вправе вести журнал.')).toEqual([
      { kind: 'same', text: 'Учитель ' },
      { kind: 'removed', text: 'обязан ' },
      { kind: 'added', text: 'вправе ' },
      { kind: 'same', text: 'вести журнал.' },
    ]);
  });

  it('handles empty texts', () => {
    expect(diffWords('', 'новый текст')).toEqual([{ kind: 'added', text: 'новый текст' }]);
    expect(diffWords('старый', '')).toEqual([{ kind: 'removed', text: 'старый' }]);
    expect(diffWords('', '')).toEqual([]);
  });
});

describe('diffList', () => {
  it('finds added and removed phrasings', () => {
    expect(diffList(['а', 'б'], ['б', 'в'])).toEqual({ added: ['в'], removed: ['а'] });
  });
});
