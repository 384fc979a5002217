// Browser test of the KB editor's screen on a running stack: Playwright (playwright-core) drives Debian's Chromium.
//   node kb-editor.e2e.mjs <gateway-url> [artifacts-dir] [answer-service replica URLs, comma-separated]
// A live entry (made for the run through the API) is edited in the console by kbeditor — its answer text and a new
// phrasing — and the version diff is shown; the federal user verifies the edit, and the «проверить вопрос» box, and
// every answer-service replica, answer the next question with the new text; a retired entry no longer answers, a
// restored one answers again. Screenshots go to the artifacts dir.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const dir = path.dirname(fileURLToPath(import.meta.url));
const gateway = (process.argv[2] || process.env.GATEWAY_URL || 'http://localhost:8080').replace(/\/$/, '');
const shots = path.resolve(process.argv[3] || path.join(dir, '..', 'target', 'browser-artifacts'));
const replicas = (process.argv[4] || gateway).split(',').map((u) => u.trim().replace(/\/$/, '')).filter(Boolean);
mkdirSync(shots, { recursive: true });

const run = String(Date.now()).slice(-6);
const entryId = `browser-kb-${run}`;
const question = 'Обязан ли учитель вести тетрадь взаимопосещения уроков коллег?';
const firstAnswer = 'Нет: тетради взаимопосещения нет в перечне документов учителя. Основание: ч. 6.2 ст. 47 № 273-ФЗ.';
const newSentence = `Уточнение редактора ${run}: такую тетрадь может вести методическое объединение, но не каждый учитель.`;
const results = { ok: 0, failed: 0 };
const jsErrors = [];

const say = (s) => process.stdout.write(`${s}\n`);

async function check(page, title, body) {
  const started = Date.now();
  try {
    await body();
    results.ok++;
    say(`  ✓ ${title} (${Date.now() - started} мс)`);
  } catch (e) {
    results.failed++;
    say(`  ✗ ${title}: ${String(e && e.message ? e.message : e).split('\n').slice(0, 6).join('\n      ')}`);
    await page.screenshot({ path: path.join(shots, `kb-failure-${results.failed}.png`), fullPage: true }).catch(() => {});
    throw e;
  }
}

async function call(method, url, token, body) {
  const res = await fetch(url.startsWith('http') ? url : gateway + url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function tokenOf(username) {
  const r = await call('POST', '/api/auth/login', null, { username, password: 'demo' });
  if (r.status !== 200) throw new Error(`вход ${username}: ${r.status}`);
  return r.json.accessToken;
}

/** Waits until every answer-service replica decides the question as `want` says (the KB sync reaches them all). */
async function everyReplica(want, what) {
  for (const replica of replicas) {
    const until = Date.now() + 10_000;
    for (;;) {
      const r = await call('POST', `${replica}/api/answers/preview`, null, { text: question });
      if (r.status === 200 && want(r.json)) break;
      if (Date.now() > until) throw new Error(`${replica}: ${what}, а получено ${JSON.stringify(r.json)}`);
      await new Promise((res) => setTimeout(res, 200));
    }
  }
  say(`    все реплики answer-service (${replicas.length}): ${what}`);
}

async function signIn(browser, username) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'ru-RU' });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => jsErrors.push(e.message));
  await page.goto(`${gateway}/console/`);
  await page.getByLabel('Логин').fill(username);
  await page.getByLabel('Пароль').fill('demo');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.locator('.mainnav summary', { hasText: 'Ещё' }).click();
  await page.getByRole('link', { name: 'Записи базы знаний' }).click();
  await page.getByRole('heading', { name: 'Записи базы знаний' }).waitFor();
  await page.getByLabel('Найти').fill(entryId);
  await page.locator(`li[data-entry-id="${entryId}"] button`).click();
  await page.getByRole('heading', { name: entryId }).waitFor();
  return page;
}

async function askInTheBox(page) {
  await page.getByLabel('Вопрос педагога').fill(question);
  await page.getByRole('button', { name: 'Проверить вопрос' }).click();
  return page.locator('.kb-check-result');
}

async function main() {
  say(`Браузерный тест редактора базы знаний: ${gateway}/console/, запись ${entryId}, реплики: ${replicas.join(', ')}`);
  const editor = await tokenOf('kbeditor');
  const federal = await tokenOf('federal');
  const made = await call('POST', '/api/kb/entries', editor, {
    id: entryId, topic: 'lesson-plans', question, phrasings: ['тетрадь взаимопосещения уроков'], answer: firstAnswer,
    legalBasis: 'ч. 6.2 ст. 47 № 273-ФЗ', audience: ['SCHOOL', 'SPO'],
  });
  if (made.status !== 201) throw new Error(`создание записи: ${made.status} ${JSON.stringify(made.json)}`);
  const live = await call('POST', `/api/kb/entries/${entryId}/verify`, federal, {});
  if (live.status !== 200) throw new Error(`проверка записи: ${live.status} ${JSON.stringify(live.json)}`);
  await everyReplica((j) => j.entryId === entryId, 'запись отвечает');

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  try {
    let page = await signIn(browser, 'kbeditor');
    await check(page, 'редактор правит живую запись: текст ответа и новая формулировка', async () => {
      await page.getByLabel('Ответ педагогу').fill(`${firstAnswer} ${newSentence}`);
      await page.getByLabel('Новая формулировка').fill('журнал взаимных посещений уроков');
      await page.getByRole('button', { name: 'Добавить формулировку' }).click();
      await page.getByText('журнал взаимных посещений уроков').waitFor();
      await page.getByRole('button', { name: 'Сохранить правку' }).click();
      await page.locator('.notice').filter({ hasText: 'Правка сохранена' }).waitFor();
      await page.screenshot({ path: path.join(shots, 'kb-01-edited.png'), fullPage: true });
    });
    await check(page, 'история версий показывает изменения', async () => {
      // the history reloads after the save: click the button of the new version, not of the one before it
      const edit = page.locator('.kb-versions li').filter({ hasText: /версия \d+ — правка/ }).first();
      await edit.waitFor();
      await edit.getByRole('button', { name: 'показать изменения' }).click();
      const diff = edit.locator('.kb-diff');
      await diff.locator('ins').filter({ hasText: `редактора ${run}` }).waitFor();
      await diff.locator('ins').filter({ hasText: 'журнал взаимных посещений уроков' }).waitFor();
      await page.screenshot({ path: path.join(shots, 'kb-02-diff.png'), fullPage: true });
    });
    await page.context().close();

    page = await signIn(browser, 'federal');
    await check(page, 'другой сотрудник проверяет правку — следующий вопрос получает новый текст', async () => {
      await page.getByRole('button', { name: 'Проверено — опубликовать' }).click();
      await page.locator('.notice').filter({ hasText: 'проверена и отвечает' }).waitFor();
      const result = await askInTheBox(page);
      await result.locator('.kb-answer').filter({ hasText: newSentence }).waitFor();
      await result.filter({ hasText: 'Ответ из базы знаний' }).waitFor();
      await page.screenshot({ path: path.join(shots, 'kb-03-new-text.png'), fullPage: true });
      await everyReplica((j) => j.entryId === entryId && String(j.answer).includes(newSentence), 'отвечают новым текстом');
    });
    await check(page, 'снятая запись больше не отвечает', async () => {
      await page.getByRole('button', { name: 'Снять с использования' }).click();
      await page.locator('.notice').filter({ hasText: 'снята с использования' }).waitFor();
      const result = await askInTheBox(page);
      await result.filter({ hasText: 'Передать оператору' }).waitFor();
      await page.screenshot({ path: path.join(shots, 'kb-04-retired.png'), fullPage: true });
      await everyReplica((j) => j.entryId !== entryId, 'запись не отвечает');
    });
    await check(page, 'возвращённая запись отвечает снова', async () => {
      await page.getByRole('button', { name: 'Вернуть в работу' }).click();
      await page.locator('.notice').filter({ hasText: 'снова отвечает' }).waitFor();
      const result = await askInTheBox(page);
      await result.locator('.kb-answer').filter({ hasText: newSentence }).waitFor();
      await everyReplica((j) => j.entryId === entryId, 'запись отвечает снова');
    });
    if (jsErrors.length) {
      results.failed++;
      say(`  ✗ ошибки JavaScript на странице: ${jsErrors.join('; ')}`);
    }
  } finally {
    await browser.close();
    // a later run of this test asks the same question: leave the entry out of use
    await call('POST', `/api/kb/entries/${entryId}/retire`, federal, {}).catch(() => {});
    say(`kb-editor-browser: ${results.ok} passed, ${results.failed} failed`);
  }
  return results.failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  if (!results.failed) say(`ошибка: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
