// Small text helpers of the reply box.

export const REPLY_MAX = 4000;

/** Inserts `insert` in place of the selection [start, end) and returns the new text and caret position. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const before = text.slice(0, s);
  const after = text.slice(e);
  // keep paragraphs apart when inserting into existing text
  const lead = before && !before.endsWith('\n') ? '\n\n' : '';
  const tail = after && !after.startsWith('\n') ? '\n\n' : '';
  const piece = lead + insert + tail;
  return { text: before + piece + after, caret: before.length + lead.length + insert.length };
}

/** A KB entry as text for the reply: the answer, then its legal basis unless the answer already names it. */
export function kbReplyText(answer: string, legalBasis?: string | null): string {
  const a = answer.trim();
  const basis = legalBasis?.trim();
  if (!basis || a.includes(basis)) return a;
  return `${a}\n\nОснование: ${basis}`;
}

/** Why a reply cannot be sent, or null. */
export function replyProblem(text: string): string | null {
  const t = text.trim();
  if (!t) return 'Введите текст ответа';
  if (t.length > REPLY_MAX) {
    return `Ответ слишком длинный: ${t.length} символов, допустимо не более ${REPLY_MAX}`;
  }
  return null;
}

export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + '…';
}

/** «1 обращение», «2 обращения», «5 обращений». */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}
