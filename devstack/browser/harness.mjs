// What the browser tests share: the browser and its pages, step reporting with a screenshot on failure, screenshots,
// HTTP calls to the stack's API and the console's login.
import path from 'node:path';

/**
 * Headless Chromium as this machine runs it: launch() gives every run a fresh temporary profile (user-data dir) and
 * removes it afterwards; without the background-networking flags the browser keeps calling hosts a closed network
 * refuses.
 */
export function launchBrowser(chromium, executablePath) {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A page in a context of its own (a user of its own), its JavaScript errors collected into pageErrors. */
export async function openPage(browser, pageErrors, { timezoneId, viewport = { width: 1440, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, locale: 'ru-RU', ...(timezoneId ? { timezoneId } : {}) });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(`console: ${m.text()}`);
  });
  return page;
}

export function harness({ base, artifacts, failurePrefix = 'failure-' }) {
  const counts = { passed: 0, failed: 0 };

  function log(line) {
    process.stdout.write(`${line}\n`);
  }

  async function shot(page, name) {
    const file = path.join(artifacts, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    log(`    снимок: ${file}`);
  }

  async function step(page, name, fn) {
    const t0 = Date.now();
    try {
      await fn();
      counts.passed++;
      log(`  ✓ ${name} (${Date.now() - t0} мс)`);
    } catch (e) {
      counts.failed++;
      log(`  ✗ ${name}: ${e && e.message ? e.message.split('\n').slice(0, 6).join('\n      ') : e}`);
      try {
        await shot(page, `${failurePrefix}${name.replace(/[^a-zа-яё0-9]+/gi, '-').slice(0, 60)}`);
      } catch {
        // the page may be gone
      }
      throw e;
    }
  }

  async function http(method, url, body, token) {
    const res = await fetch(base + url, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, json };
  }

  async function login(page, username, password = 'demo') {
    await page.goto(`${base}/console/`);
    await page.getByLabel('Логин').fill(username);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('button', { name: 'Выйти' }).waitFor();
  }

  /** Runs the scenario, reports JavaScript errors of the pages as a failure, prints the verdict and exits. */
  function run(name, pageErrors, main) {
    main()
      .then(() => {
        if (pageErrors.length) {
          counts.failed++;
          log(`  ✗ ошибки JavaScript на странице:\n      ${pageErrors.join('\n      ')}`);
        }
        log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
        process.exit(counts.failed === 0 ? 0 : 1);
      })
      .catch((e) => {
        if (!counts.failed) log(`ошибка: ${e && e.stack ? e.stack : e}`);
        log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
        process.exit(1);
      });
  }

  return { counts, log, shot, step, http, login, run };
}
