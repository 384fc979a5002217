import { describe, expect, it } from 'vitest';

import { insertAt, kbReplyText, plural, replyProblem, shorten } from './text';

describe('reply text', () => {
  it('inserts a KB answer at the caret, keeping paragraphs apart', () => {
    expect(insertAt('', 0, 0, 'Ответ')).toEqual({ text: 'Ответ', caret: 5 });
    expect(insertAt('Здравствуйте!', 13, 13, 'Ответ')).toEqual({ text: 'Здравствуйте!\n\nОтвет', caret: 20 });
    const mid = insertAt('Здравствуйте!\nС уважением', 14, 14, 'Ответ');
    expect(mid.text).toBe('Здравствуйте!\nОтвет\n\nС уважением');
    expect(insertAt('abc XXX def', 4, 7, 'Y').text).toBe('abc \n\nY\n\n def');
  });

  it('adds the legal basis unless the answer names it', () => {
    expect(kbReplyText('Не обязан.', 'ст. 47 273-ФЗ')).toBe('Не обязан.\n\nОснование: ст. 47 273-ФЗ');
    expect(kbReplyText('Не обязан (ст. 47 273-ФЗ).', 'ст. 47 273-ФЗ')).toBe('Не обязан (ст. 47 273-ФЗ).');
    expect(kbReplyText(' Не обязан. ', null)).toBe('Не обязан.');
  });

  it('refuses an empty or too long reply with a clear message', () => {
    expect(replyProblem('   ')).toBe('Введите текст ответа');
    expect(replyProblem('x'.repeat(20000))).toBe('Ответ слишком длинный: 20000 символов, допустимо не более 4000');
    expect(replyProblem('x'.repeat(4000))).toBeNull();
  });

  it('shortens and pluralises', () => {
    expect(shorten('один  два\nтри', 50)).toBe('один два три');
    expect(shorten('абвгдеёжзий', 5)).toBe('абвг…');
    expect([1, 2, 5, 11, 21, 22, 112].map((n) => plural(n, 'обращение', 'обращения', 'обращений'))).toEqual([
      'обращение', 'обращения', 'обращений', 'обращений', 'обращение', 'обращения', 'обращений',
    ]);
  });
});
