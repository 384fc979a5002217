import { describe, expect, it } from 'vitest';

import { Api, ApiError, reasonOf } from './api';

describe('error reasons', () => {
  it('takes the Russian reason of problem JSON and of the gateway', () => {
    expect(reasonOf(409, { title: 'Conflict', detail: 'Обращение изменилось' })).toBe('Обращение изменилось');
    expect(reasonOf(401, { message: 'Требуется вход' })).toBe('Требуется вход');
  });

  it('does not show framework texts to people', () => {
    expect(reasonOf(404, { detail: 'No static resource api/console/appeals/x/status.' })).toBe('Не найдено');
    expect(reasonOf(503, '<html>Bad gateway</html>')).toBe('Сервис временно недоступен, попробуйте через минуту');
    expect(reasonOf(418, null)).toBe('Ошибка сервера (код 418)');
  });

  it('tells a missing endpoint from a missing object', () => {
    expect(new ApiError('Не найдено', 404).unavailable).toBe(true);
    expect(new ApiError('Обращение не найдено', 404).unavailable).toBe(false);
    expect(new ApiError('x', 405).unavailable).toBe(true);
    expect(new ApiError('Конфликт', 409).unavailable).toBe(false);
  });
});

describe('client', () => {
  it('sends the token and reads the total of a page', async () => {
    const api = new Api(async (_input, init) => {
      expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer abc');
      return new Response('[{"id":"1"}]', { status: 200, headers: { 'X-Total-Count': '119' } });
    });
    api.setToken('abc');
    const page = await api.page<{ id: string }>('/api/console/appeals');
    expect(page.total).toBe(119);
    expect(page.items).toEqual([{ id: '1' }]);
  });

  it('sends a file as the body with its own type', async () => {
    const api = new Api(async (_input, init) => {
      const headers = init?.headers as Record<string, string>;
      expect(headers['Content-Type']).toBe('text/csv');
      expect(init?.body).toBeInstanceOf(Blob);
      expect(await (init?.body as Blob).text()).toBe('channel;fio\n');
      return new Response('{"imported":1}', { status: 200 });
    });
    const report = await api.upload<{ imported: number }>('/api/admin/teachers/upload',
      new Blob(['channel;fio\n'], { type: 'text/csv' }));
    expect(report.imported).toBe(1);
  });

  it('turns 401 into a logout signal and a Russian error', async () => {
    let signalled = 0;
    const api = new Api(async () => new Response('{"message":"Требуется вход: передайте токен"}', { status: 401 }));
    api.setToken('expired');
    api.whenUnauthorized(() => signalled++);
    await expect(api.get('/api/console/appeals')).rejects.toThrow('Требуется вход: передайте токен');
    expect(signalled).toBe(1);
  });

  it('refreshes an expired access token once and repeats the request', async () => {
    const calls: string[] = [];
    const api = new Api(async (input, init) => {
      const url = String(input);
      const auth = (init?.headers as Record<string, string>).Authorization;
      calls.push(`${url} ${auth ?? ''}`);
      if (url === '/api/auth/refresh') {
        expect(JSON.parse(String(init?.body))).toEqual({ refreshToken: 'r1' });
        return new Response('{"accessToken":"new","refreshToken":"r2","expiresIn":600}', { status: 200 });
      }
      return auth === 'Bearer new' ? new Response('[]', { status: 200 }) : new Response('{}', { status: 401 });
    });
    let saved = '';
    api.whenRefreshed((t) => (saved = t.refreshToken ?? ''));
    api.setTokens({ accessToken: 'old', refreshToken: 'r1', expiresIn: 600 });
    await expect(api.get('/api/console/appeals')).resolves.toEqual([]);
    expect(calls).toEqual(['/api/console/appeals Bearer old', '/api/auth/refresh ', '/api/console/appeals Bearer new']);
    expect(saved).toBe('r2');
    api.setTokens(null);
  });

  it('logs out when the refresh is refused too', async () => {
    let signalled = 0;
    const api = new Api(async (input) =>
      new Response('{"detail":"Сеанс завершён"}', { status: String(input) === '/api/auth/refresh' ? 401 : 401 }));
    api.setTokens({ accessToken: 'old', refreshToken: 'gone', expiresIn: 600 });
    api.whenUnauthorized(() => signalled++);
    await expect(api.get('/api/console/appeals')).rejects.toThrow('Сеанс завершён');
    expect(signalled).toBe(1);
    api.setTokens(null);
  });

  it('does not log out on a wrong password', async () => {
    let signalled = 0;
    const api = new Api(async () => new Response('{"detail":"Неверный логин или пароль"}', { status: 401 }));
    api.whenUnauthorized(() => signalled++);
    await expect(api.post('/api/auth/login', {})).rejects.toThrow('Неверный логин или пароль');
    expect(signalled).toBe(0);
  });

  it('reports a network failure in Russian', async () => {
    const api = new Api(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/x')).rejects.toMatchObject({ status: 0, message: 'Нет связи с сервером — проверьте сеть' });
  });
});
