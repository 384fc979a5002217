import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { KbDraftForm } from './card/KbDraftForm';
import type { GapCluster } from '../lib/types';
import { draftFromGap } from './KbGaps';

const GAP: GapCluster = {
  key: 'аттестация+категория', terms: ['аттестация', 'категория'], size: 3, previousSize: 1, trend: 'UP',
  regions: [{ region: '58', regionName: 'Пензенская область', count: 2 }, { region: '33', regionName: null, count: 1 }],
  samples: ['Как подготовиться к аттестации?', 'Можно ли пройти аттестацию досрочно?', 'Когда проходить аттестацию?'],
  firstDay: '2026-03-10', lastDay: '2026-03-15',
};

describe('a draft entry from a KB gap', () => {
  it('takes the most typical question as the question and the other examples as phrasings', () => {
    expect(draftFromGap(GAP)).toEqual({
      topic: '', audience: 'ALL', question: 'Как подготовиться к аттестации?',
      phrasings: ['Можно ли пройти аттестацию досрочно?', 'Когда проходить аттестацию?'], answer: '', legalBasis: '',
    });
  });

  it('pre-fills the existing draft form with them', () => {
    const html = renderToStaticMarkup(
      <KbDraftForm initial={draftFromGap(GAP)} onSubmit={() => {}} onCancel={() => {}} title="Новая запись из пробела базы знаний" />);
    expect(html).toContain('Новая запись из пробела базы знаний');
    expect(html).toContain('Как подготовиться к аттестации?</textarea>');
    expect(html).toContain('Можно ли пройти аттестацию досрочно?\nКогда проходить аттестацию?</textarea>');
  });
});
