// HTTP client of the console: the token goes in the Authorization header, errors become ApiError with the
// server's Russian reason (problem JSON «detail», the gateway's «message»). Access tokens live minutes: the client
// swaps its refresh token for new ones before the access token expires, and once more when a request meets a 401.
import type { Tokens } from './types';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The endpoint is not there (yet) on this server: no handler, not a «not found» of a real object. */
  get unavailable(): boolean {
    return this.status === 405 || this.status === 501 || (this.status === 404 && this.message === NOT_FOUND);
  }
}

const NOT_FOUND = 'Не найдено';
const CYRILLIC = /[а-яё]/i;

export const UNAVAILABLE_NOTICE = 'Эта функция пока недоступна на сервере — обновите систему или попробуйте позже.';

/** The human-readable reason of an error response; never raw technical text when a reason is there. */
export function reasonOf(status: number, body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const key of ['detail', 'message', 'reason', 'title']) {
      const v = b[key];
      // a reason for people is in Russian; framework texts («No static resource …») are not shown
      if (typeof v === 'string' && CYRILLIC.test(v)) return v.trim();
    }
  } else if (typeof body === 'string' && CYRILLIC.test(body) && body.length < 300 && !body.trim().startsWith('<')) {
    return body.trim();
  }
  switch (status) {
    case 400:
      return 'Некорректный запрос';
    case 401:
      return 'Сеанс истёк — войдите снова';
    case 403:
      return 'Недостаточно прав для этого действия';
    case 404:
      return NOT_FOUND;
    case 409:
      return 'Обращение изменилось — обновите карточку и повторите';
    case 502:
    case 503:
    case 504:
      return 'Сервис временно недоступен, попробуйте через минуту';
    default:
      return `Ошибка сервера (код ${status})`;
  }
}

type Listener = () => void;

export interface Page<T> {
  items: T[];
  total: number | null;
}

export class Api {
  private token: string | null = null;
  private refreshToken: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private onUnauthorized: Listener = () => {};
  private onRefreshed: (t: Tokens) => void = () => {};

  constructor(private readonly fetchImpl: typeof fetch = (...args) => fetch(...args)) {}

  setToken(token: string | null) {
    this.token = token;
    if (!token) this.setTokens(null);
  }

  /** The session's tokens; schedules the refresh at four fifths of the access token's lifetime. */
  setTokens(t: Tokens | null) {
    clearTimeout(this.timer);
    this.token = t?.accessToken ?? null;
    this.refreshToken = t?.refreshToken ?? null;
    if (t?.refreshToken && t.expiresIn && t.expiresIn > 0) {
      this.timer = setTimeout(() => void this.refresh(), Math.max(10, t.expiresIn * 0.8) * 1000);
    }
  }

  /** Told the new tokens after every refresh (to keep them across a page reload). */
  whenRefreshed(listener: (t: Tokens) => void) {
    this.onRefreshed = listener;
  }

  /** Swaps the refresh token for new tokens; one refresh at a time, however many requests wait for it. */
  refresh(): Promise<boolean> {
    if (!this.refreshToken) return Promise.resolve(false);
    if (this.refreshing) return this.refreshing;
    const used = this.refreshToken;
    this.refreshing = (async () => {
      try {
        const res = await this.fetchImpl('/api/auth/refresh', {
          method: 'POST',
          headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
          body: JSON.stringify({ refreshToken: used }),
        });
        if (!res.ok) return false;
        const t = (await res.json()) as Tokens;
        if (!t?.accessToken) return false;
        this.setTokens(t);
        this.onRefreshed(t);
        return true;
      } catch {
        return false;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  getToken(): string | null {
    return this.token;
  }

  whenUnauthorized(listener: Listener) {
    this.onUnauthorized = listener;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.raw<T>(method, path, body)).data;
  }

  async raw<T>(method: string, path: string, body?: unknown, retried = false): Promise<{ data: T; headers: Headers }> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    // a file goes as it is (its own type); anything else as JSON
    const file = typeof Blob !== 'undefined' && body instanceof Blob;
    if (body !== undefined) headers['Content-Type'] = file ? (body as Blob).type || 'application/octet-stream' : 'application/json';
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let res: Response;
    try {
      res = await this.fetchImpl(path, {
        method,
        headers,
        body: body === undefined ? undefined : file ? (body as Blob) : JSON.stringify(body),
      });
    } catch {
      throw new ApiError('Нет связи с сервером — проверьте сеть', 0);
    }
    const text = await res.text();
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (!res.ok) {
      if (res.status === 401 && this.token && !path.startsWith('/api/auth/login')) {
        // the access token expired (or the session ended): one refresh decides which
        if (!retried && !path.startsWith('/api/auth/') && (await this.refresh())) {
          return this.raw<T>(method, path, body, true);
        }
        this.onUnauthorized();
      }
      throw new ApiError(reasonOf(res.status, parsed), res.status);
    }
    return { data: parsed as T, headers: res.headers };
  }

  get<T>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }

  /** Sends a file as the request body (not a form), with its own content type. */
  upload<T>(path: string, file: Blob) {
    return this.request<T>('POST', path, file);
  }

  put<T>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }

  /**
   * A file (e.g. the CSV export): fetched with the token, handed to the browser as a download; `onProgress` hears
   * the bytes received so far while a large file streams in.
   */
  async download(path: string, filename: string, onProgress?: (bytes: number) => void): Promise<void> {
    let res: Response;
    try {
      res = await this.fetchImpl(path, { headers: this.token ? { Authorization: `Bearer ${this.token}` } : {} });
    } catch {
      throw new ApiError('Нет связи с сервером — проверьте сеть', 0);
    }
    if (!res.ok) {
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON
      }
      if (res.status === 401 && this.token) this.onUnauthorized();
      throw new ApiError(reasonOf(res.status, parsed), res.status);
    }
    let blob: Blob;
    if (onProgress && res.body) {
      const reader = res.body.getReader();
      const parts: BlobPart[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.length;
        onProgress(bytes);
      }
      blob = new Blob(parts, { type: res.headers.get('Content-Type') ?? 'application/octet-stream' });
    } else {
      blob = await res.blob();
    }
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async page<T>(path: string): Promise<Page<T>> {
    const { data, headers } = await this.raw<T[]>('GET', path);
    const total = headers.get('X-Total-Count');
    return { items: Array.isArray(data) ? data : [], total: total == null ? null : Number(total) };
  }
}

export const api = new Api();
