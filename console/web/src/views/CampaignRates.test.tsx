import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { CampaignRatesRow } from '../lib/types';
import { CampaignRatesTable, rate } from './CampaignRates';

const NOTE = 'MAX не сообщает о прочтении: доля прочтения — по сообщениям, доставленным в VK (Сферум)';
const ROWS: CampaignRatesRow[] = [
  { region: null, name: 'Все регионы', attempted: 5, delivered: 4, failed: 1, readable: 3, read: 2,
    deliveryRate: 0.8, readRate: 0.6667, readNote: NOTE },
  { region: '58', name: 'Пензенская область', attempted: 3, delivered: 3, failed: 0, readable: 0, read: 0,
    deliveryRate: 1, readRate: null, readNote: NOTE },
];

describe('campaign rates on «Статистика»', () => {
  it('shows rates as Russian percentages and «—» without a base', () => {
    expect(rate(0.6667)).toBe('66,7 %');
    expect(rate(1)).toBe('100 %');
    expect(rate(null)).toBe('—');
  });

  it('lists the country first, then the regions, with the note that MAX reports no reads', () => {
    const html = renderToStaticMarkup(<CampaignRatesTable rows={ROWS} />);
    expect(html.indexOf('Все регионы')).toBeLessThan(html.indexOf('Пензенская область'));
    expect(html).toContain('<tr class="total">');
    expect(html).toContain('66,7 %');
    expect(html).toContain('80 %');
    expect(html).toContain(NOTE);
  });

  it('says so when the period had no campaign messages', () => {
    expect(renderToStaticMarkup(<CampaignRatesTable rows={[]} />)).toContain('сообщений рассылок не было');
  });
});
