// Browser test of the console page «Рассылки» on a running stack: Playwright (playwright-core) drives Debian's Chromium.
//   node campaigns.e2e.mjs <gateway-url> [artifacts-dir]
// The administrator registers teachers (the registry import); the federal user creates a campaign in the console,
// sees the audience size, starts it, watches the progress bar move, pauses (the counter stops) and resumes it.
// The stack of the test opens the campaign day window around the clock (ASSISTANT_CAMPAIGNS_DAY_FROM/TO), so the run
// does not depend on the time of day. Screenshots go to the artifacts dir.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { harness, launchBrowser } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const base = (process.argv[2] || process.env.GATEWAY_URL || 'http://localhost:8080').replace(/\/$/, '');
const artifacts = path.resolve(process.argv[3] || path.join(here, '..', 'target', 'browser-artifacts'));
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
mkdirSync(artifacts, { recursive: true });

const TEACHERS = 60;
const title = `Опрос о нагрузке ${Date.now()}`;
const { counts, log, shot, step, http, login } = harness({ base, artifacts, failurePrefix: 'campaigns-failure-' });
const pageErrors = [];

/** The «sent» counter of the campaign's row. */
async function sentOf(row) {
  return Number((await row.locator('.campaign-sent').textContent()) || '0');
}

async function main() {
  log(`Браузерный тест рассылок: ${base}/console/ (Chromium: ${executablePath}), снимки в ${artifacts}`);
  const browser = await launchBrowser(chromium, executablePath);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${e.message}`));
  try {
    await step(page, 'администратор загружает реестр педагогов СПО Пензенской области', async () => {
      const auth = await http('POST', '/api/auth/login', { username: 'admin', password: 'demo' });
      if (auth.status !== 200) throw new Error(`вход admin: ${auth.status}`);
      const seed = Date.now() % 1_000_000_000;
      const rows = Array.from({ length: TEACHERS }, (_, i) => ({
        channel: 'MAX', platformUserId: String(7_000_000_000 + seed + i), fio: `Педагог СПО ${i}`, region: '58', orgType: 'SPO',
      }));
      const r = await http('POST', '/api/admin/teachers', rows, auth.json.accessToken);
      if (r.status !== 200) throw new Error(`реестр: ${r.status} ${JSON.stringify(r.json)}`);
    });

    await step(page, 'Рособрнадзор создаёт рассылку и видит размер аудитории', async () => {
      await login(page, 'federal');
      await page.getByRole('link', { name: 'Рассылки' }).click();
      await page.getByRole('heading', { name: 'Рассылки' }).waitFor();
      const form = page.getByRole('form', { name: 'Новая рассылка' });
      await form.getByLabel('Название').fill(title);
      await form.getByLabel('Текст сообщения').fill('Уважаемые коллеги! Просим ответить на вопросы о документационной нагрузке.');
      await form.locator('select[name="regions"]').selectOption(['58']);
      await form.getByLabel('СПО').check();
      await form.getByLabel('MAX').check();
      await form.getByLabel('Скорость, сообщений в секунду').fill('3');
      // the teachers arrive in followup through teacher.changed: the size grows to the whole registry
      await page.waitForFunction((n) => {
        const s = document.querySelector('.audience-size strong');
        return s && Number(s.textContent) >= n;
      }, TEACHERS, { timeout: 60_000 });
      await shot(page, 'campaigns-01-form');
      await form.getByRole('button', { name: 'Создать и запустить' }).click();
      const row = page.locator('tr[data-campaign]').filter({ hasText: title });
      await row.waitFor();
      await row.locator('.campaign-status').filter({ hasText: 'идёт' }).waitFor();
    });

    const row = page.locator('tr[data-campaign]').filter({ hasText: title });
    await step(page, 'полоса хода рассылки движется', async () => {
      const first = await sentOf(row);
      await page.waitForFunction(
        ([t, n]) => [...document.querySelectorAll('tr[data-campaign]')].some((r) => r.textContent.includes(t)
          && Number(r.querySelector('.campaign-sent').textContent) >= n),
        [title, first + 4], { timeout: 60_000 });
      const width = await row.locator('.bar > span').evaluate((el) => parseFloat(el.style.width));
      if (!(width > 0)) throw new Error(`полоса не сдвинулась: ${width}%`);
      await shot(page, 'campaigns-02-running');
    });

    await step(page, 'пауза останавливает рассылку', async () => {
      await row.getByRole('button', { name: 'Пауза' }).click();
      await row.locator('.campaign-status').filter({ hasText: 'приостановлена' }).waitFor();
      const atPause = await sentOf(row);
      // proof of a fresh reading: two more refreshes of the list from the server, then the counter is compared
      const loads = Number(await page.locator('section.campaigns').getAttribute('data-loads'));
      await page.waitForFunction((n) => Number(document.querySelector('section.campaigns').dataset.loads) >= n,
        loads + 2, { timeout: 30_000 });
      const later = await sentOf(row);
      if (later !== atPause) throw new Error(`после паузы отправлено ещё ${later - atPause}`);
      await shot(page, 'campaigns-03-paused');
    });

    await step(page, 'продолжение — рассылка идёт дальше', async () => {
      const atResume = await sentOf(row);
      await row.getByRole('button', { name: 'Продолжить' }).click();
      await row.locator('.campaign-status').filter({ hasText: 'идёт' }).waitFor();
      await page.waitForFunction(
        ([t, n]) => [...document.querySelectorAll('tr[data-campaign]')].some((r) => r.textContent.includes(t)
          && Number(r.querySelector('.campaign-sent').textContent) >= n),
        [title, atResume + 3], { timeout: 60_000 });
      await row.getByRole('button', { name: title }).click();
      await page.getByRole('table', { name: 'По регионам' }).getByText('Пензенская область').waitFor();
      await shot(page, 'campaigns-04-resumed');
    });

    if (pageErrors.length) {
      counts.failed++;
      log(`  ✗ ошибки JavaScript на странице:\n      ${pageErrors.join('\n      ')}`);
    }
  } finally {
    await browser.close();
    log(`campaigns-browser: ${counts.passed} passed, ${counts.failed} failed`);
  }
  return counts.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (!counts.failed) log(`ошибка: ${e && e.stack ? e.stack : e}`);
    process.exit(1);
  },
);
