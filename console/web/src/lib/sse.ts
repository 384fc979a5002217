// Server-Sent Events read with fetch + a stream reader: EventSource cannot send the Authorization header.

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Incremental parser of the text/event-stream format (WHATWG HTML, «Server-sent events»): feed it text chunks
 * as they arrive, in any split; it returns the events completed by each chunk. Comments («: ping») are
 * counted in {@link comments} so that a caller can tell the connection is alive.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private eventType = '';
  private lastId: string | undefined;
  private pendingCr = false;
  comments = 0;

  feed(chunk: string): SseEvent[] {
    const out: SseEvent[] = [];
    let text = chunk;
    if (this.pendingCr) {
      // a CR ended the previous chunk: a LF right after it belongs to the same line break
      if (text.startsWith('\n')) text = text.slice(1);
      this.pendingCr = false;
    }
    this.buffer += text;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (c === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.pendingCr = true;
        }
      }
      start = i + 1;
      const ev = this.line(line);
      if (ev) out.push(ev);
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  private line(line: string): SseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) {
      this.comments++;
      return null;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      default:
        // «retry» and unknown fields: nothing to do for this client
        break;
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    const type = this.eventType || 'message';
    const data = this.data;
    this.eventType = '';
    this.data = [];
    if (data.length === 0) return null;
    return { event: type, data: data.join('\n'), id: this.lastId };
  }
}

export type StreamState = 'connecting' | 'live' | 'polling';

export interface StreamOptions {
  url: string;
  token: () => string | null;
  onEvent: (e: SseEvent) => void;
  onState: (s: StreamState) => void;
  onUnauthorized: () => void;
  fetchImpl?: typeof fetch;
  /** no byte (not even a ping) for this long → reconnect */
  stallMs?: number;
}

/**
 * Keeps a stream open: reconnects when the server closes it, reports «polling» after failures (the caller
 * then refreshes every 10 s) and keeps retrying the stream with a growing pause. Returns a stop function.
 */
export function openStream(opts: StreamOptions): () => void {
  const doFetch = opts.fetchImpl ?? fetch.bind(globalThis);
  const stallMs = opts.stallMs ?? 45000;
  let stopped = false;
  let controller: AbortController | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (ms: number) => {
    if (!stopped) timer = setTimeout(run, ms);
  };

  async function run() {
    if (stopped) return;
    const token = opts.token();
    if (!token) return;
    controller = new AbortController();
    const ctl = controller;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => ctl.abort(), stallMs);
    };
    const opened = Date.now();
    try {
      if (failures === 0) opts.onState('connecting');
      const res = await doFetch(opts.url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        signal: ctl.signal,
        cache: 'no-store',
      });
      if (res.status === 401) {
        opts.onUnauthorized();
        stopped = true;
        return;
      }
      const type = res.headers.get('content-type') ?? '';
      if (!res.ok || !res.body || !type.includes('text/event-stream')) {
        throw new Error(`stream answered ${res.status}`);
      }
      opts.onState('live');
      arm();
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const parser = new SseParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        arm();
        for (const ev of parser.feed(decoder.decode(value, { stream: true }))) opts.onEvent(ev);
      }
      clearTimeout(watchdog);
      // closed by the server (or a proxy's time limit): reconnect; a stream that keeps closing at once is a failure
      if (Date.now() - opened < 3000) failures++;
      else failures = 0;
    } catch {
      clearTimeout(watchdog);
      if (stopped) return;
      failures++;
    }
    if (stopped) return;
    if (failures >= 1) opts.onState('polling');
    schedule(failures === 0 ? 500 : Math.min(60000, 5000 * failures));
  }

  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    controller?.abort();
  };
}
