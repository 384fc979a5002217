import { QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { keys, newQueryClient } from '../lib/queries';
import { Audit } from './Audit';

// the first request of the view: no filters yet
const FIRST = keys.get('/api/console/audit?limit=300');

function render(client = newQueryClient()) {
  return renderToStaticMarkup(<QueryClientProvider client={client}><Audit /></QueryClientProvider>);
}

describe('«Журнал действий» from the query cache', () => {
  it('shows the spinner while the log is not there yet', () => {
    const html = render();
    expect(html).toContain('Журнал действий');
    expect(html).toContain('Загрузка…');
    expect(html).not.toContain('<table');
  });

  it('lists the cached rows with Russian action names and a link to the appeal', () => {
    const client = newQueryClient();
    client.setQueryData(FIRST, [
      { id: 2, actor: 'operator33', action: 'REPLY', appealId: 'a-1', region: '33', details: 'ответ', at: '2026-03-10T09:00:00Z' },
      { id: 1, actor: 'admin', action: 'LOGIN', at: '2026-03-10T08:00:00Z' },
    ]);
    const html = render(client);
    expect(html).toContain('<table class="audit">');
    expect(html).toContain('ответ педагогу');
    expect(html).toContain('<td>вход</td>');
    expect(html).toContain('href="#/appeals/a-1"');
  });

  it('says there are no entries for an empty log', () => {
    const client = newQueryClient();
    client.setQueryData(FIRST, []);
    expect(render(client)).toContain('Записей нет.');
  });
});
