import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { Notice } from '../components/ui';
import { api } from '../lib/api';
import { asList, errorText, keys } from '../lib/queries';
import type { Period } from '../lib/period';
import type { CampaignRatesRow } from '../lib/types';
import { query } from './StatsPeriod';

/** A rate of 0…1 as «66,7 %»; «—» without a base. */
export const rate = (r: number | null) => (r == null ? '—' : `${(Math.round(r * 1000) / 10).toLocaleString('ru-RU')} %`);

/** «Рассылки за период»: delivery and read rates per region, from the analytics projection. */
export function CampaignRates({ period, region }: { period: Period; region?: string }) {
  const url = `/api/analytics/campaigns?${query(period, region)}`;
  const rates = useQuery({ queryKey: keys.get(url), queryFn: () => api.get<CampaignRatesRow[]>(url).then(asList<CampaignRatesRow>),
    placeholderData: keepPreviousData });
  const rows = rates.data ?? null;
  const error = rates.isError ? errorText(rates.error, 'Цифры рассылок недоступны') : null;
  if (error) return <Notice kind="error">{error}</Notice>;
  if (rows === null) return null;
  return <CampaignRatesTable rows={rows} />;
}

/** The table of campaign rates (the country first, then the regions) with the note on reads. */
export function CampaignRatesTable({ rows }: { rows: CampaignRatesRow[] }) {
  return (
    <div className="card table-wrap">
      <h2>Рассылки за период: доставка и прочтение</h2>
      {rows.length === 0 ? (
        <Notice>За этот период сообщений рассылок не было.</Notice>
      ) : (
        <>
          <table className="stats" data-testid="campaign-rates">
            <thead>
              <tr>
                <th scope="col">Регион</th>
                <th scope="col" className="num">Отправлено на платформу</th>
                <th scope="col" className="num">Доставлено</th>
                <th scope="col" className="num">Не доставлено</th>
                <th scope="col" className="num">Доля доставки</th>
                <th scope="col" className="num">Доставлено в VK</th>
                <th scope="col" className="num">Прочитано</th>
                <th scope="col" className="num">Доля прочтения</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.region ?? 'all'} className={r.region == null ? 'total' : ''}>
                  <th scope="row">{r.name}</th>
                  <td className="num">{r.attempted}</td>
                  <td className="num">{r.delivered}</td>
                  <td className="num">{r.failed}</td>
                  <td className="num">{rate(r.deliveryRate)}</td>
                  <td className="num">{r.readable}</td>
                  <td className="num">{r.read}</td>
                  <td className="num">{rate(r.readRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{rows[0].readNote}.</p>
        </>
      )}
    </div>
  );
}
