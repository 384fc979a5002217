// Browser test of a fresh install (DEMO_DATA=false) on a stack of its own: Playwright drives Debian's Chromium.
//   node first-run.e2e.mjs <gateway-url> <artifacts-dir> <admin-login> <admin-password> <fake-max-port> <max-secret>
// The first administrator (from the environment) logs in and must choose a new password, creates an operator for
// region 58 and uploads a registry of one MAX teacher of region 58 in «Педагоги»; the operator logs in (their temporary
// password changed at once), goes on shift in «Смены»; the teacher's question that the knowledge base does not cover,
// a MAX webhook update with the installation's secret, reaches that operator's list, and the bot tells the teacher on
// MAX (a fake platform run here on loopback, where the stack sends its requests) that a specialist has it; a question
// through the web chat reaches the operator too; the administrator finds the shift start in «Журнал действий».
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { harness, launchBrowser, openPage } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const base = (process.argv[2] || process.env.GATEWAY_URL || 'http://localhost:8080').replace(/\/$/, '');
const artifacts = path.resolve(process.argv[3] || path.join(here, '..', 'target', 'browser-artifacts'));
const adminLogin = process.argv[4] || 'admin';
const adminFirstPassword = process.argv[5];
const maxPort = Number(process.argv[6]);
const maxSecret = process.argv[7];
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
mkdirSync(artifacts, { recursive: true });

const WAIT_APPEAL_MS = 90_000;
const tag = String(Date.now()).slice(-4);
const adminPassword = `Админ-новый-${tag}5`;
const operator = { login: `oper58n${tag}`, fio: 'Смирнова Ольга Ивановна', temporary: `Временный-${tag}7`, password: `Оператор-свой-${tag}9` };
const teacher = { id: `first-run-${Date.now()}`, fio: 'Орлова Светлана Петровна' };
const maxTeacher = { userId: 8_000_000_000 + (Date.now() % 1_000_000_000), fio: 'Лебедева Ирина Николаевна' };
// documentary load, but no topic of the starter knowledge base covers it
const VARIANTS = [
  'Обязан ли воспитатель заполнять карту индивидуального развития на каждого ребёнка группы?',
  'Должен ли воспитатель вести дневник педагогических наблюдений за каждым ребёнком?',
  'Обязан ли воспитатель ДОО писать отчёт об адаптации детей раннего возраста?',
  'Может ли заведующая требовать от воспитателя паспорт группы с фотографиями?',
];

const pageErrors = [];

/**
 * The MAX platform as the bot sees it (the SDK's SendMessageResult and friends): every message the bot sends is kept,
 * so the test can read what the teacher was told.
 */
const maxSent = [];
function fakeMax(port) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const reply = (json) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.method === 'POST' && url.pathname === '/messages') {
        const userId = Number(url.searchParams.get('user_id'));
        let text = '';
        try { text = JSON.parse(body || '{}').text || ''; } catch { text = ''; }
        maxSent.push({ userId, text });
        reply({ message: {
          sender: { user_id: 1, name: 'Бот', is_bot: true },
          recipient: { chat_id: userId, chat_type: 'dialog', user_id: userId },
          timestamp: Date.now(), body: { mid: `first-run.${maxSent.length}`, text },
        } });
      } else if (req.method === 'GET' && url.pathname === '/messages') {
        reply({ messages: [] });
      } else {
        reply({ success: true });
      }
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** A MAX message_created update, as the platform posts it to the bot's webhook. */
async function maxWebhook(userId, name, text) {
  const now = Date.now();
  const update = {
    update_type: 'message_created', timestamp: now, user_locale: 'ru',
    message: {
      sender: { user_id: userId, name, is_bot: false },
      recipient: { chat_id: userId, chat_type: 'dialog', user_id: 1 },
      timestamp: now, body: { mid: `first-run.in.${now}`, seq: now, text },
    },
  };
  const res = await fetch(`${base}/webhooks/max`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Max-Bot-Api-Secret': maxSecret },
    body: JSON.stringify(update),
  });
  return res.status;
}

async function waitFor(what, check, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = check();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`не дождались: ${what}`);
}
const { log, shot, step, http, run } = harness({ base, artifacts, failurePrefix: 'first-failure-' });

/** Logs in with a password the administrator gave: the console asks for a new one before it opens. */
async function firstLogin(page, username, given, chosen) {
  await page.goto(`${base}/console/`);
  await page.getByLabel('Логин').fill(username);
  await page.getByLabel('Пароль').fill(given);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('heading', { name: 'Смена пароля' }).waitFor();
  await page.getByText('это первый вход с паролем').waitFor();
  await page.getByLabel('Текущий пароль').fill(given);
  await page.getByLabel('Новый пароль', { exact: true }).fill(chosen);
  await page.getByLabel('Повторите новый пароль').fill(chosen);
  await page.getByRole('button', { name: 'Сменить пароль' }).click();
  await page.getByRole('button', { name: 'Выйти' }).waitFor();
}

async function main() {
  log(`Браузерный тест первого запуска: ${base}/console/ (Chromium: ${executablePath}), снимки в ${artifacts}`);
  if (!adminFirstPassword) throw new Error('не передан пароль первого администратора');
  if (!maxPort || !maxSecret) throw new Error('не переданы порт фейковой платформы MAX и секрет вебхука');
  const max = await fakeMax(maxPort);
  const browser = await launchBrowser(chromium, executablePath);
  const admin = await openPage(browser, pageErrors, { timezoneId: 'Europe/Samara' });
  const op = await openPage(browser, pageErrors, { timezoneId: 'Europe/Samara' });
  let appealId = null;
  try {
    await step(admin, 'демо-пользователей нет', async () => {
      const r = await http('POST', '/api/auth/login', { username: 'operator58', password: 'demo' });
      if (r.status !== 401) throw new Error(`вход демо-пользователя: ${r.status}`);
    });

    await step(admin, 'первый вход администратора со сменой пароля', async () => {
      await firstLogin(admin, adminLogin, adminFirstPassword, adminPassword);
      await shot(admin, 'first-01-admin-in');
      const old = await http('POST', '/api/auth/login', { username: adminLogin, password: adminFirstPassword });
      if (old.status !== 401) throw new Error(`прежний пароль администратора ещё действует: ${old.status}`);
    });

    await step(admin, 'администратор создаёт оператора региона 58', async () => {
      await admin.goto(`${base}/console/#/users`);
      const form = admin.getByRole('form', { name: 'Новый пользователь' });
      await form.locator('input[name="new-username"]').fill(operator.login);
      await form.locator('input[name="new-fullname"]').fill(operator.fio);
      await form.locator('input[name="new-password"]').fill(operator.temporary);
      await form.locator('select[name="role"]').selectOption('OPERATOR');
      await form.locator('select[name="region"]').selectOption('58');
      await form.getByRole('button', { name: 'Создать пользователя' }).click();
      await admin.locator('.notice').filter({ hasText: `Пользователь ${operator.login} создан` }).waitFor();
      await admin.locator('tr').filter({ hasText: operator.login }).filter({ hasText: 'сменит пароль при входе' }).first().waitFor();
      await shot(admin, 'first-02-operator-created');
    });

    await step(admin, 'администратор загружает реестр педагогов', async () => {
      await admin.goto(`${base}/console/#/teachers`);
      const form = admin.getByRole('form', { name: 'Загрузка реестра' });
      const csv = `channel,platformUserId,fio,region,orgType\nMAX,${maxTeacher.userId},${maxTeacher.fio},58,DOO\n`;
      await form.locator('input[name="registry"]').setInputFiles({ name: 'reestr.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await form.getByRole('button', { name: 'Загрузить' }).click();
      await form.locator('.upload-report').filter({ hasText: 'загружено — 1' }).filter({ hasText: 'Ошибок нет' }).waitFor();
      await shot(admin, 'first-02b-registry');
    });

    await step(op, 'первый вход оператора со сменой пароля', async () => {
      await firstLogin(op, operator.login, operator.temporary, operator.password);
      await op.getByRole('heading', { name: 'Обращения' }).waitFor();
    });

    await step(op, 'оператор выходит на смену', async () => {
      await op.goto(`${base}/console/#/shifts`);
      await op.getByRole('heading', { name: 'Смены' }).waitFor();
      await op.getByRole('button', { name: 'Выйти на смену' }).click();
      await op.getByText('Вы на смене', { exact: true }).waitFor();
      await shot(op, 'first-03-on-shift');
    });

    let question = null;
    let chatQuestion = null;
    await step(op, 'вопросы, которых нет в базе знаний', async () => {
      for (const v of VARIANTS) {
        const texts = [`${v} Детский сад № ${tag}.`, `${v} Детский сад № ${tag}, вторая группа.`];
        const decisions = [];
        for (const text of texts) {
          const r = await http('POST', '/api/answers/preview', { text });
          decisions.push(r.status === 200 && r.json ? r.json.decision : String(r.status));
        }
        if (decisions.every((d) => d === 'UNMATCHED')) {
          [question, chatQuestion] = texts;
          log(`    вопрос: «${question}»`);
          return;
        }
      }
      throw new Error('ни один вариант вопроса не ушёл бы специалисту');
    });

    /** The appeal's row in the operator's list, checked to be theirs by the API. */
    async function reachesOperator(fio, text) {
      const row = op.locator('tr[data-appeal-id]').filter({ hasText: text.slice(0, 40) }).filter({ hasText: fio });
      await row.first().waitFor({ timeout: WAIT_APPEAL_MS });
      const id = await row.first().getAttribute('data-appeal-id');
      const token = (await http('POST', '/api/auth/login', { username: operator.login, password: operator.password })).json.accessToken;
      const card = await http('GET', `/api/console/appeals/${id}`, undefined, token);
      if (card.status !== 200 || card.json.assignedOperator !== operator.login) {
        throw new Error(`обращение не у оператора: ${card.status} ${JSON.stringify(card.json && card.json.assignedOperator)}`);
      }
      log(`    обращение ${id}: ${card.json.target}, ${card.json.assignmentReason}`);
      return id;
    }

    await step(op, 'вопрос педагога из MAX приходит оператору, бот отвечает педагогу в MAX', async () => {
      await op.goto(`${base}/console/#/list`);
      await op.getByRole('heading', { name: 'Обращения' }).waitFor();
      const wrong = await fetch(`${base}/webhooks/max`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Max-Bot-Api-Secret': 'not-the-secret' }, body: '{}' });
      if (wrong.status !== 401 && wrong.status !== 403) throw new Error(`вебхук с чужим секретом: ${wrong.status}`);
      const status = await maxWebhook(maxTeacher.userId, maxTeacher.fio, question);
      if (status !== 200) throw new Error(`вебхук MAX ответил ${status}`);
      appealId = await reachesOperator(maxTeacher.fio, question);
      const told = await waitFor('сообщение бота педагогу в MAX о передаче специалисту',
        () => maxSent.find((m) => m.userId === maxTeacher.userId && m.text.includes('Ваш вопрос передан')), WAIT_APPEAL_MS);
      log(`    бот в MAX: «${told.text}»`);
      await shot(op, 'first-04-max-question');
    });

    await step(op, 'вопрос педагога из веб-чата приходит оператору', async () => {
      const sent = await http('POST', '/api/webchat/messages', { teacherId: teacher.id, fio: teacher.fio, region: '58', orgType: 'DOO', text: chatQuestion });
      if (sent.status !== 202) throw new Error(`веб-чат ответил ${sent.status}: ${JSON.stringify(sent.json)}`);
      await reachesOperator(teacher.fio, chatQuestion);
      await shot(op, 'first-05-operator-queue');
    });

    await step(admin, 'выход на смену — в журнале действий', async () => {
      await admin.goto(`${base}/console/#/audit`);
      await admin.getByRole('heading', { name: 'Журнал действий' }).waitFor();
      await admin.locator('input[name="actor"]').fill(operator.login);
      await admin.locator('select[name="action"]').selectOption({ label: 'выход на смену' });
      const entry = admin.locator('table.audit tbody tr').filter({ hasText: operator.login }).filter({ hasText: 'выход на смену' });
      await entry.first().waitFor();
      const cells = await entry.first().locator('td').allInnerTexts();
      if (cells[3] !== '58') throw new Error(`регион в журнале: ${cells[3]}`);
      await shot(admin, 'first-06-audit');
    });
  } finally {
    await browser.close();
    max.close();
  }
}

run('first-run.e2e', pageErrors, main);
