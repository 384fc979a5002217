// Browser test of the operator console on a running stack: Playwright (playwright-core) drives Debian's Chromium.
//   node console.e2e.mjs <gateway-url> [artifacts-dir]
// The operator's day: log in as operator58; a simulated teacher asks an uncovered question and the appeal
// appears without a reload; open it, reply (with a KB answer inserted), judge the AI answer, publish to the KB
// (verified by kbeditor), move a card on the kanban (and see a refused move snap back), escalate; the federal user
// sees it in the federal queue; statistics; logout. Screenshots of every screen go to the artifacts dir.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { harness, launchBrowser, openPage } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const base = (process.argv[2] || process.env.GATEWAY_URL || 'http://localhost:8080').replace(/\/$/, '');
const artifacts = path.resolve(process.argv[3] || path.join(here, '..', 'target', 'browser-artifacts'));
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
mkdirSync(artifacts, { recursive: true });

const WAIT_APPEAL_MS = 90_000;
const tag = String(Date.now()).slice(-4);
const teacherA = { id: `browser-a-${Date.now()}`, fio: 'Морозова Елена Викторовна' };
const teacherB = { id: `browser-b-${Date.now()}`, fio: 'Кузнецов Павел Андреевич' };
// Questions about preschool paperwork: documentary load, but no topic of the starter KB covers them. The run
// publishes an article for question A, so on a long-lived stack the next run takes the next uncovered variant.
const VARIANTS_A = [
  'Обязан ли воспитатель заполнять карту индивидуального развития на каждого ребёнка группы?',
  'Должен ли воспитатель вести дневник педагогических наблюдений за каждым ребёнком?',
  'Обязан ли воспитатель ДОО писать отчёт об адаптации детей раннего возраста?',
  'Может ли заведующая требовать от воспитателя паспорт группы с фотографиями?',
];
let questionA = `${VARIANTS_A[0]} Детский сад № ${tag}.`;
const questionB = `Заведующая требует от воспитателей ежедневный письменный отчёт о прогулках. Это законно? Детский сад № ${tag}.`;

const pageErrors = [];
const { log, shot, step, http, login, run } = harness({ base, artifacts });

async function ask(teacher, text, orgType = 'DOO') {
  const r = await http('POST', '/api/webchat/messages', { teacherId: teacher.id, fio: teacher.fio, region: '58', orgType, text });
  if (r.status !== 202) throw new Error(`веб-чат ответил ${r.status}: ${JSON.stringify(r.json)}`);
}

/** A status or error message of the console (not some other text that happens to match). */
function notice(page, text) {
  return page.locator('.notice').filter({ hasText: text }).first();
}

async function main() {
  log(`Браузерный тест консоли: ${base}/console/ (Chromium: ${executablePath}), снимки в ${artifacts}`);
  const browser = await launchBrowser(chromium, executablePath);
  let page = await openPage(browser, pageErrors, { timezoneId: 'Asia/Yekaterinburg' });
  let appealA = null;
  let appealB = null;
  try {
    await step(page, 'неверный пароль — понятное сообщение', async () => {
      await page.goto(`${base}/console/`);
      await shot(page, '01-login');
      await page.getByLabel('Логин').fill('operator58');
      await page.getByLabel('Пароль').fill('не тот пароль');
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.getByRole('alert').filter({ hasText: 'Неверный логин или пароль' }).waitFor();
    });

    await step(page, 'вход operator58', async () => {
      await login(page, 'operator58');
      await page.getByRole('heading', { name: 'Обращения' }).waitFor();
      await page.getByText('Новые обращения (').waitFor();
    });

    await step(page, 'выбор вопроса, которого нет в базе знаний', async () => {
      for (const v of VARIANTS_A) {
        const r = await http('POST', '/api/answers/preview', { text: `${v} Детский сад № ${tag}.` });
        if (r.status === 200 && r.json && r.json.decision !== 'MATCHED') {
          questionA = `${v} Детский сад № ${tag}.`;
          log(`    вопрос: «${questionA}» (решение ИИ: ${r.json.decision}, оценка ${Number(r.json.score).toFixed(2)})`);
          return;
        }
      }
      throw new Error('все варианты вопроса уже есть в базе знаний — запустите тест на свежем стенде');
    });

    await step(page, 'новое обращение появляется без перезагрузки', async () => {
      // a marker in the page's memory: a reload would lose it
      await page.evaluate(() => { window.__noReload = true; });
      await ask(teacherA, questionA);
      await ask(teacherB, questionB);
      const rowA = page.locator('tr[data-appeal-id]').filter({ hasText: `Детский сад № ${tag}` }).filter({ hasText: teacherA.fio });
      const rowB = page.locator('tr[data-appeal-id]').filter({ hasText: `Детский сад № ${tag}` }).filter({ hasText: teacherB.fio });
      await rowA.waitFor({ timeout: WAIT_APPEAL_MS });
      await rowB.waitFor({ timeout: WAIT_APPEAL_MS });
      appealA = await rowA.getAttribute('data-appeal-id');
      appealB = await rowB.getAttribute('data-appeal-id');
      if (!(await page.evaluate(() => window.__noReload === true))) throw new Error('страница перезагружалась');
      const mode = await page.locator('.live').getAttribute('title');
      log(`    режим обновлений: ${mode.replace(/\s+/g, ' ')}`);
      await shot(page, '02-list-new-appeal');
    });

    await step(page, 'фильтры и поиск списка', async () => {
      await page.getByLabel('Поиск по тексту вопроса и ФИО').fill(`прогулках. Это законно? Детский сад № ${tag}`);
      await page.locator(`tr[data-appeal-id="${appealA}"]`).waitFor({ state: 'detached' });
      await page.locator(`tr[data-appeal-id="${appealB}"]`).waitFor();
      await page.getByRole('button', { name: 'Сбросить' }).click();
      await page.getByRole('checkbox', { name: 'Новое', exact: true }).check();
      await page.locator(`tr[data-appeal-id="${appealA}"]`).waitFor();
      await page.getByRole('button', { name: 'Сбросить' }).click();
    });

    await step(page, 'карточка обращения: педагог, история, время в двух поясах, ИИ, срок', async () => {
      await page.locator(`tr[data-appeal-id="${appealA}"] a`).click();
      await page.getByRole('heading', { name: teacherA.fio }).waitFor();
      await page.getByText('Детский сад (ДОО)').waitFor();
      await page.getByText('Пензенская область').first().waitFor();
      await page.locator('.chat .msg-teacher').filter({ hasText: `Детский сад № ${tag}` }).first().waitFor();
      await page.locator('.chat time').first().filter({ hasText: 'у педагога' }).waitFor();
      await page.getByRole('heading', { name: 'Ответ ИИ' }).waitFor();
      // the deadline followup-service set, as the teacher was told it
      await page.locator('.deadline-day').filter({ hasText: /до \d\d\.\d\d\.\d{4} 23:59 \(время вашего региона\)/ }).first().waitFor();
      await shot(page, '03-card');
    });

    await step(page, 'пустой ответ не уходит — понятное сообщение', async () => {
      await page.getByRole('button', { name: 'Отправить ответ' }).click();
      await page.getByRole('alert').filter({ hasText: 'Введите текст ответа' }).waitFor();
    });

    await step(page, 'поиск в базе знаний и вставка в ответ', async () => {
      await page.getByLabel('Поиск в базе знаний').fill('перечень документов педагога');
      const insert = page.getByRole('button', { name: 'Вставить в ответ' }).first();
      await insert.waitFor();
      await insert.click();
      const text = await page.locator('#reply-text').inputValue();
      if (text.trim().length < 40) throw new Error(`в ответ вставлено слишком мало: «${text}»`);
    });

    const reply = `Здравствуйте! Карта индивидуального развития не входит в перечень обязательных документов; уточните требование у заведующей (проверка ${tag}).`;
    await step(page, 'ответ педагогу доходит до его чата', async () => {
      await page.locator('#reply-text').fill(reply);
      await page.getByRole('button', { name: 'Отправить ответ' }).click();
      await notice(page, 'Ответ отправлен педагогу').waitFor();
      await page.locator('.chat .msg-operator').filter({ hasText: `проверка ${tag}` }).waitFor();
      const deadline = Date.now() + 60_000;
      for (;;) {
        const r = await http('GET', `/api/webchat/teachers/${teacherA.id}/messages`);
        if (Array.isArray(r.json) && r.json.some((m) => m.direction === 'OUT' && String(m.text).includes(`проверка ${tag}`))) break;
        if (Date.now() > deadline) throw new Error('ответ не дошёл до чата педагога за 60 с');
        await new Promise((res) => setTimeout(res, 500));
      }
    });

    await step(page, 'оценка ответа ИИ: частично, с комментарием', async () => {
      await page.getByText('Частично', { exact: true }).click();
      await page.getByLabel('Комментарий (необязательно)').fill('Кандидат ИИ о другом перечне документов');
      await page.getByRole('button', { name: 'Сохранить оценку' }).click();
      await notice(page, 'Оценка сохранена: частично').waitFor();
      await shot(page, '04-card-answered');
    });

    await step(page, 'публикация в базу знаний: черновик', async () => {
      await page.getByRole('button', { name: 'Опубликовать в базу знаний…' }).click();
      await page.getByLabel('Тема').fill('doo-development-card');
      await page.getByLabel('Правовое основание').fill('ч. 6.1 ст. 47 Федерального закона № 273-ФЗ');
      await shot(page, '05-kb-draft-form');
      await page.getByRole('button', { name: 'Отправить на проверку' }).click();
      await notice(page, 'Черновик статьи создан').waitFor();
    });

    await step(page, 'канбан: перенос «Ответ отправлен» → «Закрыто»', async () => {
      await page.getByRole('link', { name: 'Канбан' }).first().click();
      // each column shows its nearest deadlines page by page: on a long-lived stack this run's cards (the latest
      // deadlines) may be pages away, so the kanban's search narrows the board to them
      await page.getByRole('searchbox', { name: 'Поиск', exact: true }).fill(`Детский сад № ${tag}`);
      const card = page.locator(`section[data-column="ANSWERED"] li[data-appeal-id="${appealA}"]`);
      await card.waitFor();
      await card.dragTo(page.locator('section[data-column="CLOSED"]'));
      await page.locator(`section[data-column="CLOSED"] li[data-appeal-id="${appealA}"]`).waitFor();
      await notice(page, 'статус «Закрыто»').waitFor();
      await shot(page, '06-kanban-moved');
    });

    await step(page, 'канбан: запрещённый перенос — причина сервера, карточка возвращается', async () => {
      const card = page.locator(`section[data-column="NEW"] li[data-appeal-id="${appealB}"]`);
      await card.waitFor();
      await card.dragTo(page.locator('section[data-column="CLOSED"]'));
      await notice(page, 'Перенос отклонён').waitFor();
      await page.locator(`section[data-column="NEW"] li[data-appeal-id="${appealB}"]`).waitFor();
      await shot(page, '07-kanban-refused');
    });

    await step(page, 'передача на федеральный контроль с причиной', async () => {
      await page.locator(`section[data-column="NEW"] li[data-appeal-id="${appealB}"] a`).click();
      await page.getByRole('heading', { name: teacherB.fio }).waitFor();
      await page.getByRole('button', { name: 'Передать на федеральный контроль…' }).click();
      await page.getByLabel('Причина передачи на федеральный контроль').fill('Требование заведующей противоречит закону, нужен ответ Рособрнадзора');
      await page.getByRole('button', { name: 'Передать', exact: true }).click();
      await notice(page, 'передано на федеральный контроль').waitFor();
      await page.locator('.badge-federal').first().waitFor();
      await shot(page, '08-escalated');
    });

    await step(page, 'выход', async () => {
      await page.getByRole('button', { name: 'Выйти' }).click();
      await page.getByRole('heading', { name: 'Консоль оператора' }).waitFor();
    });

    await page.context().close();
    page = await openPage(browser, pageErrors, { timezoneId: 'Asia/Yekaterinburg' });
    await step(page, 'редактор базы знаний проверяет и публикует черновик', async () => {
      await login(page, 'kbeditor');
      await page.getByRole('heading', { name: 'База знаний' }).waitFor();
      const draft = page.locator('article.draft').filter({ hasText: `Детский сад № ${tag}` });
      await draft.waitFor();
      await shot(page, '09-kb-drafts');
      await draft.getByRole('button', { name: 'Проверено — опубликовать' }).click();
      await notice(page, 'Статья проверена и опубликована').waitFor();
    });

    await step(page, 'следующий такой же вопрос ИИ отвечает по опубликованной статье', async () => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const r = await http('POST', '/api/answers/preview', { text: questionA });
        if (r.status === 200 && r.json.decision === 'MATCHED' && String(r.json.entryId).startsWith('op-')) {
          log(`    статья ${r.json.entryId}, оценка ${Number(r.json.score).toFixed(2)}`);
          break;
        }
        if (Date.now() > deadline) throw new Error(`ИИ не нашёл опубликованную статью: ${JSON.stringify(r.json)}`);
        await new Promise((res) => setTimeout(res, 500));
      }
    });

    await page.context().close();
    page = await openPage(browser, pageErrors, { timezoneId: 'Asia/Yekaterinburg' });
    await step(page, 'Рособрнадзор видит обращение в федеральной очереди и берёт на контроль', async () => {
      await login(page, 'federal');
      await page.getByRole('link', { name: 'Федеральный контроль' }).click();
      const row = page.locator(`tr[data-appeal-id="${appealB}"]`);
      await row.waitFor({ timeout: 60_000 });
      await shot(page, '10-federal-queue');
      await row.locator('a').click();
      await page.getByRole('button', { name: 'Взять на контроль' }).click();
      await notice(page, 'взято на федеральный контроль').waitFor();
    });

    await step(page, 'статистика по регионам', async () => {
      await page.getByRole('link', { name: 'Статистика' }).click();
      await page.getByRole('heading', { name: 'Статистика по регионам' }).waitFor();
      await page.getByRole('row').filter({ hasText: 'Пензенская область' }).waitFor();
      await shot(page, '11-stats');
    });
  } finally {
    await browser.close();
  }
}

run('console-browser', pageErrors, main);
