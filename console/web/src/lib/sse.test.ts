import { describe, expect, it, vi } from 'vitest';

import { openStream, SseParser, type SseEvent, type StreamState } from './sse';

const all = (p: SseParser, chunks: string[]) => chunks.flatMap((c) => p.feed(c));

describe('SSE parser', () => {
  it('parses named events with JSON data', () => {
    const p = new SseParser();
    expect(p.feed('event: appeal\ndata: {"id":"1"}\n\n')).toEqual([{ event: 'appeal', data: '{"id":"1"}', id: undefined }]);
  });

  it('does not care how the stream is split', () => {
    const text = 'event:appeal\ndata: {"id":"1","text":"Добрый день"}\n\n: ping\n\nevent: appeal\ndata: {"id":"2"}\n\n';
    const whole = new SseParser().feed(text);
    for (let size = 1; size < 12; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(all(new SseParser(), chunks), `chunks of ${size}`).toEqual(whole);
    }
    expect(whole.map((e) => JSON.parse(e.data).id)).toEqual(['1', '2']);
  });

  it('accepts CRLF and CR line ends, also split between chunks', () => {
    const p = new SseParser();
    expect(all(p, ['event: appeal\r', '\ndata: x\r\n\r', '\n'])).toEqual([{ event: 'appeal', data: 'x', id: undefined }]);
    expect(new SseParser().feed('data: y\r\r')).toEqual([{ event: 'message', data: 'y', id: undefined }]);
  });

  it('joins multi-line data, keeps the id, ignores comments and empty events', () => {
    const p = new SseParser();
    const events = p.feed(': ping\n\nid: 7\ndata: a\ndata:b\nretry: 1000\n\nevent: appeal\n\n');
    expect(events).toEqual([{ event: 'message', data: 'a\nb', id: '7' }]);
    expect(p.comments).toBe(1);
  });

  it('keeps an unfinished event until its blank line', () => {
    const p = new SseParser();
    expect(p.feed('event: appeal\ndata: {"id":')).toEqual([]);
    expect(p.feed('"9"}\n')).toEqual([]);
    expect(p.feed('\n')).toEqual([{ event: 'appeal', data: '{"id":"9"}', id: undefined }]);
  });
});

function streamResponse(chunks: string[], status = 200): Response {
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const ch of chunks) c.enqueue(enc.encode(ch));
      c.close();
    },
  });
  return new Response(body, { status, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('stream client', () => {
  it('sends the token, reports «live» and delivers events', async () => {
    const events: SseEvent[] = [];
    const states: StreamState[] = [];
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer T');
      return streamResponse(['event: appeal\ndata: {"id":"1"}\n', '\n']);
    });
    const stop = openStream({
      url: '/api/console/stream', token: () => 'T', onEvent: (e) => events.push(e), onState: (s) => states.push(s),
      onUnauthorized: () => {}, fetchImpl: fetchImpl as unknown as typeof fetch,
    });
    await vi.waitFor(() => expect(events).toHaveLength(1));
    stop();
    expect(states).toContain('live');
    expect(JSON.parse(events[0].data).id).toBe('1');
  });

  it('falls back to polling when the stream is not there, and says so', async () => {
    const states: StreamState[] = [];
    const fetchImpl = vi.fn(async () => new Response('{"detail":"нет"}', { status: 404 }));
    const stop = openStream({
      url: '/s', token: () => 'T', onEvent: () => {}, onState: (s) => states.push(s), onUnauthorized: () => {},
      fetchImpl: fetchImpl as unknown as typeof fetch,
    });
    await vi.waitFor(() => expect(states).toContain('polling'));
    stop();
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('reports an expired session instead of retrying', async () => {
    let expired = 0;
    const fetchImpl = vi.fn(async () => new Response('', { status: 401 }));
    openStream({
      url: '/s', token: () => 'T', onEvent: () => {}, onState: () => {}, onUnauthorized: () => expired++,
      fetchImpl: fetchImpl as unknown as typeof fetch,
    });
    await vi.waitFor(() => expect(expired).toBe(1));
  });

  it('reconnects when the server closes a long-lived stream', async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const fetchImpl = vi.fn(async () => {
        calls++;
        if (calls === 1) {
          // a stream that stays open a while and then ends (a proxy's time limit)
          const enc = new TextEncoder();
          const body = new ReadableStream<Uint8Array>({
            start(c) {
              c.enqueue(enc.encode(': ping\n\n'));
              setTimeout(() => c.close(), 5000);
            },
          });
          return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
        }
        return streamResponse([': ping\n\n']);
      });
      const stop = openStream({
        url: '/s', token: () => 'T', onEvent: () => {}, onState: () => {}, onUnauthorized: () => {},
        fetchImpl: fetchImpl as unknown as typeof fetch,
      });
      await vi.advanceTimersByTimeAsync(5000);
      await vi.advanceTimersByTimeAsync(600);
      expect(calls).toBeGreaterThanOrEqual(2);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
