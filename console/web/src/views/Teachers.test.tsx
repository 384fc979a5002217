import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { managesTeachers } from '../lib/roles';
import type { Session, TeacherRow, UploadReport } from '../lib/types';
import { DEFAULT_TEACHER_FILTERS, reportSummary, TeacherTable, teachersPath, UploadReportView } from './Teachers';

const ANNA: TeacherRow = {
  teacherId: 't-1', channel: 'MAX', platformUserId: '1001', fio: 'Орлова Анна Павловна', region: '58',
  regionName: 'Пензенская область', orgType: 'SCHOOL', verified: true, disabled: false,
};
const BORIS: TeacherRow = {
  teacherId: 't-2', channel: 'VK', platformUserId: '2002', fio: 'Зайцев Борис', region: '33', orgType: 'SPO',
  verified: true, disabled: true, disabledAt: '2026-03-10T09:30:00Z', disabledBy: 'admin',
};
const REPORT: UploadReport = {
  format: 'CSV', rows: 6, imported: 3, created: 2, updated: 1, rejected: 2, errorsTruncated: false,
  errors: [
    { row: 4, field: 'channel', reason: 'channel должен быть MAX или VK' },
    { row: 6, field: 'region', reason: 'неизвестный код региона «99»' },
  ],
};

const table = (confirming: string | null) => renderToStaticMarkup(
  <TeacherTable rows={[ANNA, BORIS]} confirming={confirming} busy={false} onAsk={() => {}} onConfirm={() => {}}
    onCancel={() => {}} />);

describe('the teachers registry page', () => {
  it('asks the server for the filters set and the page', () => {
    expect(teachersPath(DEFAULT_TEACHER_FILTERS)).toBe('/api/admin/teachers?limit=50&offset=0');
    expect(teachersPath({ ...DEFAULT_TEACHER_FILTERS, q: '  Орлова ', region: '58', orgType: 'SCHOOL', channel: 'MAX',
      verified: 'true', disabled: 'false', page: 2, size: 25 }))
      .toBe('/api/admin/teachers?q=%D0%9E%D1%80%D0%BB%D0%BE%D0%B2%D0%B0&region=58&orgType=SCHOOL&channel=MAX'
        + '&verified=true&disabled=false&limit=25&offset=50');
  });

  it('shows each teacher with region, organisation type, channel and state', () => {
    const html = table(null);
    expect(html).toContain('<th scope="row">Орлова Анна Павловна</th><td>Пензенская область</td><td>школа</td>');
    expect(html).toContain('Сферум / VK <span class="muted small">2002</span>');
    expect(html).toContain('подтверждён');
    expect(html).toContain('отключён');
    expect(html).toContain(', admin');
    expect(html.match(/>Отключить</g)).toHaveLength(1);
    expect(html.match(/>Включить</g)).toHaveLength(1);
  });

  it('confirms in the row before disabling or enabling', () => {
    expect(table(null)).not.toContain('Да, отключить');
    const disabling = table('t-1');
    expect(disabling).toContain('Отключить Орлова Анна Павловна? Бот перестанет принимать вопросы, рассылки не придут.');
    expect(disabling).toContain('Да, отключить');
    expect(disabling).toContain('Отмена');
    expect(disabling).not.toContain('Да, включить');
    expect(table('t-2')).toContain('Да, включить');
  });

  it('reports an upload row by row, the field in Russian', () => {
    expect(reportSummary(REPORT)).toBe('Файл CSV: строк с данными — 6, загружено — 3 (новых — 2, обновлено — 1), '
      + 'не загружено из-за ошибок — 2.');
    expect(reportSummary({ ...REPORT, rejected: 0, errors: [] })).toContain('Ошибок нет.');
    const html = renderToStaticMarkup(<UploadReportView report={REPORT} />);
    expect(html).toContain('<td>4</td><td>Канал</td><td>channel должен быть MAX или VK</td>');
    expect(html).toContain('<td>6</td><td>Регион</td><td>неизвестный код региона «99»</td>');
    expect(html).not.toContain('Показаны первые');
    expect(renderToStaticMarkup(<UploadReportView report={{ ...REPORT, errorsTruncated: true }} />))
      .toContain('Показаны первые 2 ошибок');
  });

  it('is offered to administrators only, as intake-service allows', () => {
    const as = (role: string): Session => ({ username: 'u', roles: [role] } as unknown as Session);
    expect(managesTeachers(as('ADMIN'))).toBe(true);
    for (const role of ['FEDERAL', 'REGIONAL_HEAD', 'OPERATOR', 'KB_EDITOR']) expect(managesTeachers(as(role))).toBe(false);
  });
});
