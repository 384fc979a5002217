// What the browser scripts share: step bookkeeping with a screenshot on failure, calls of the gateway's API, login.
import path from 'node:path';

/** Helpers bound to one stack (gateway URL) and one artifacts dir; `counts` holds the passed and failed steps. */
export function harness(base, artifacts, failurePrefix = 'failure') {
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
        await shot(page, `${failurePrefix}-${name.replace(/[^a-zа-яё0-9]+/gi, '-').slice(0, 60)}`);
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

  return { counts, log, shot, step, http, login };
}
