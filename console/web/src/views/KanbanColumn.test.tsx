import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { ColumnState } from '../lib/kanban';
import { COLUMNS } from '../lib/status';
import type { AppealSummary } from '../lib/types';
import { KanbanColumn } from './KanbanColumn';

const NEW = COLUMNS[0];
const noDrop = { onDragOver: () => {}, onDragLeave: () => {}, onDrop: () => {} };

function cards(n: number): AppealSummary[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `a${i}`, status: 'NEW', region: '58', teacherFio: `Педагог ${i}`, text: 'Вопрос', createdAt: '2026-11-01T09:00:00Z',
    deadline: '2026-12-08T21:00:00Z',
  }));
}

function render(column: ColumnState, loading = false) {
  return renderToStaticMarkup(
    <KanbanColumn col={NEW} column={column} allRegions={false} pending={{}} loading={loading} extraClass={[]}
      dropProps={noDrop} onShowMore={() => {}} onDragStart={() => {}} />,
  );
}

describe('a kanban column', () => {
  it('shows the server\'s count of the whole column beside its first page and offers the next one', () => {
    const html = render({ total: 1643, items: cards(20), next: 'cursor', edge: null });
    expect(html).toContain('Новое <span class="count">(1643)</span>');
    expect(html.match(/data-appeal-id=/g)).toHaveLength(20);
    expect(html).toContain('data-column="NEW"');
    expect(html).toContain('Показано 20 из 1643');
    expect(html).toMatch(/<button[^>]*>Показать ещё<\/button>/);
  });

  it('scrolls its cards on its own (a focusable list) and has no button once everything is loaded', () => {
    const html = render({ total: 3, items: cards(3), next: null, edge: null });
    expect(html).toContain('(3)');
    expect(html).toContain('<ul tabindex="0" aria-label="Карточки колонки «Новое»">');
    expect(html).not.toContain('Показать ещё');
    expect(html).not.toContain('Показано');
  });

  it('says it is loading and does not ask twice', () => {
    const html = render({ total: 100, items: cards(20), next: 'cursor', edge: null }, true);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Загрузка…<\/button>/);
  });

  it('an empty column still shows its zero', () => {
    expect(render({ total: 0, items: [], next: null, edge: null })).toContain('(0)');
  });
});
