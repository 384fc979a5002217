// deploy/k8s: the base and every overlay rendered by kustomize (kubectl kustomize), each object validated against
// its schema (Kubernetes, Strimzi, CloudNativePG and KEDA models from npm) and its fields against the models' types
// (TypeScript), then the installation's own rules: probes, resources, replicas, autoscaling within the partitions,
// secrets from the cluster, topics from the registry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { createRequire } from 'node:module';
import {
  ROOT, SERVICES, BACKEND_URL_VARS, readBy, portOf, consumerThreadsOf, isSecretName,
} from './lib.mjs';

const K8S = join(ROOT, 'deploy', 'k8s');
const OVERLAYS = readdirSync(join(K8S, 'overlays')).filter((d) => existsSync(join(K8S, 'overlays', d, 'kustomization.yaml')));
const TREES = ['base', ...OVERLAYS.map((o) => `overlays/${o}`)];

// the schema of each API version: the module of a published model package
const MODELS = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'kafka.strimzi.io/v1': '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1',
  'postgresql.cnpg.io/v1': '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1',
  'keda.sh/v1alpha1': '@kubernetes-models/keda/keda.sh/v1alpha1',
};

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
const NO_KUBECTL = kubectl.status === 0 ? false
  : 'нет kubectl (kubectl kustomize собирает манифесты) — проверка манифестов Kubernetes пропущена';

function render(tree) {
  const run = spawnSync('kubectl', ['kustomize', join(K8S, tree)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, `kubectl kustomize ${tree}: ${run.stderr}`);
  return parseAllDocuments(run.stdout).map((d) => d.toJS()).filter(Boolean);
}

const rendered = NO_KUBECTL ? {} : Object.fromEntries(TREES.map((t) => [t, render(t)]));
const byKind = (docs, kind) => docs.filter((d) => d.kind === kind);
const named = (docs, kind, name) => docs.find((d) => d.kind === kind && d.metadata.name === name);
const app = (deployment) => deployment.spec.template.spec.containers.find((c) => c.name === 'app');

for (const tree of TREES) {
  test(`${tree}: every object is valid against its schema`, { skip: NO_KUBECTL }, async () => {
    const failures = [];
    for (const doc of rendered[tree]) {
      const module = MODELS[doc.apiVersion];
      assert.ok(module, `${doc.kind} ${doc.metadata?.name}: no schema for ${doc.apiVersion}`);
      const Model = (await import(module))[doc.kind];
      assert.ok(Model, `${doc.kind} ${doc.metadata?.name}: no schema for ${doc.kind} in ${doc.apiVersion}`);
      try {
        new Model(doc).validate();
      } catch (e) {
        failures.push(`${doc.kind} ${doc.metadata.name}: ${e.message}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}

// The schemas let unknown fields through (as the API server does, which then drops them from a custom resource without
// a word): a misspelt field, such as maxReplicas for maxReplicaCount, would be lost. The models' TypeScript types name
// every field, and the compiler refuses an object literal with a field its type lacks, at any depth.
const TYPECHECK = join(ROOT, 'deploy', 'check', '.typecheck');

function excessFields(objects) {
  rmSync(TYPECHECK, { recursive: true, force: true });
  mkdirSync(TYPECHECK, { recursive: true });
  const lines = [];
  objects.forEach((doc, i) => {
    lines.push(`import type { I${doc.kind} as T${i} } from '${MODELS[doc.apiVersion]}/${doc.kind}';`);
  });
  objects.forEach((doc, i) => {
    lines.push(`// ${doc.kind} ${doc.metadata.name}`, `export const o${i}: T${i} = ${JSON.stringify(doc)};`);
  });
  writeFileSync(join(TYPECHECK, 'objects.ts'), lines.join('\n') + '\n');
  writeFileSync(join(TYPECHECK, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, skipLibCheck: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022',
    },
    files: ['objects.ts'],
  }));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', TYPECHECK, '--pretty', 'false'], { encoding: 'utf8' });
  rmSync(TYPECHECK, { recursive: true, force: true });
  return run.status === 0 ? [] : run.stdout.trim().split('\n').map((line) => {
    const m = line.match(/objects\.ts\((\d+),/);
    const doc = m ? objects[Math.floor((Number(m[1]) - 1 - objects.length) / 2)] : null;
    return doc ? `${doc.kind} ${doc.metadata.name}: ${line.replace(/^.*error /, '')}` : line;
  });
}

test('every object has only the fields its type declares', { skip: NO_KUBECTL }, () => {
  // one compiler run for every tree: its start is most of the cost
  assert.deepEqual(excessFields(TREES.flatMap((t) => rendered[t])), []);
});

test('the field check refuses a misspelt field, deep in a custom resource or in a container', { skip: NO_KUBECTL }, () => {
  const scaled = structuredClone(named(rendered.base, 'ScaledObject', 'answer-service'));
  scaled.spec.maxReplicas = 3;
  const kafka = structuredClone(byKind(rendered.base, 'Kafka')[0]);
  kafka.spec.kafka.listeners[0].tsl = false;
  const deployment = structuredClone(named(rendered.base, 'Deployment', 'answer-service'));
  app(deployment).readynessProbe = app(deployment).readinessProbe;
  const problems = excessFields([scaled, kafka, deployment]);
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems[0], /ScaledObject answer-service: .*maxReplicas/);
  assert.match(problems[1], /Kafka rosobr-kafka: .*tsl/);
  assert.match(problems[2], /Deployment answer-service: .*readynessProbe/);
});

test('the schema check refuses a wrong type and a missing required field', { skip: NO_KUBECTL }, async () => {
  const { Deployment } = await import('kubernetes-models/apps/v1');
  const { KafkaTopic } = await import('@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1');
  const d = structuredClone(named(rendered.base, 'Deployment', 'answer-service'));
  d.spec.replicas = 'two';
  assert.throws(() => new Deployment(d).validate());
  const t = structuredClone(byKind(rendered.base, 'KafkaTopic')[0]);
  t.spec.partitions = '6';
  assert.throws(() => new KafkaTopic(t).validate());
  const k = structuredClone(byKind(rendered.base, 'Kafka')[0]);
  delete k.spec.kafka.listeners;
  const { Kafka } = await import('@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1');
  assert.throws(() => new Kafka(k).validate());
});

test('every service is a Deployment of at least 2 replicas with probes, resources and its Service', { skip: NO_KUBECTL }, () => {
  for (const tree of TREES) {
    const docs = rendered[tree];
    assert.deepEqual(byKind(docs, 'Deployment').map((d) => d.metadata.name).sort(), [...SERVICES].sort(), tree);
    for (const service of SERVICES) {
      const where = `${tree}: ${service}`;
      const d = named(docs, 'Deployment', service);
      assert.ok(d.spec.replicas >= 2, `${where}: replicas`);
      const c = app(d);
      assert.ok(c, `${where}: a container "app"`);
      const http = c.ports.find((p) => p.name === 'http');
      assert.equal(http?.containerPort, portOf(service), `${where}: container port http`);
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        assert.equal(c[probe]?.httpGet?.port, 'http', `${where}: ${probe}`);
        assert.match(c[probe].httpGet.path, /^\/actuator\/health\/[a-z]+$/, `${where}: ${probe} path`);
      }
      assert.equal(c.livenessProbe.httpGet.path, '/actuator/health/liveness', `${where}: liveness`);
      for (const kind of ['requests', 'limits']) {
        assert.ok(c.resources?.[kind]?.cpu && c.resources[kind].memory, `${where}: ${kind}`);
      }
      // a JVM's heap is a share of its limit: memory taken back later would kill the pod, so request what is used
      assert.equal(c.resources.requests.memory, c.resources.limits.memory, `${where}: memory request = limit`);
      const s = named(docs, 'Service', service);
      assert.ok(s, `${where}: Service`);
      assert.deepEqual(s.spec.selector, d.spec.selector.matchLabels, `${where}: Service selector`);
      assert.equal(s.spec.ports.find((p) => p.name === 'http')?.port, portOf(service), `${where}: Service port`);
      assert.ok(byKind(docs, 'PodDisruptionBudget').some((p) =>
        JSON.stringify(p.spec.selector.matchLabels) === JSON.stringify(d.spec.selector.matchLabels)), `${where}: PDB`);
    }
  }
});

test('the gateway reaches every backend through its Service, and the Ingress leads to the gateway', { skip: NO_KUBECTL }, () => {
  for (const tree of TREES) {
    const docs = rendered[tree];
    const env = Object.fromEntries(app(named(docs, 'Deployment', 'gateway')).env.map((e) => [e.name, e.value]));
    for (const [variable, service] of Object.entries(BACKEND_URL_VARS)) {
      assert.equal(env[variable], `http://${service}:${portOf(service)}`, `${tree}: ${variable}`);
      assert.ok(named(docs, 'Service', service), `${tree}: Service ${service}`);
    }
    const ingress = byKind(docs, 'Ingress');
    assert.equal(ingress.length, 1, tree);
    for (const rule of ingress[0].spec.rules) {
      for (const p of rule.http.paths) {
        assert.equal(p.backend.service.name, 'gateway', `${tree}: Ingress backend`);
      }
    }
  }
});

test('every consumer scales on its group\'s lag within the partitions it reads; at least 2 replicas always', { skip: NO_KUBECTL }, () => {
  for (const tree of TREES) {
    const docs = rendered[tree];
    const topics = byKind(docs, 'KafkaTopic');
    const kafka = byKind(docs, 'Kafka')[0];
    const config = byKind(docs, 'ConfigMap').find((m) => m.metadata.name.startsWith('rosobr-config'));
    assert.equal(config.data.KAFKA_BOOTSTRAP_SERVERS, `${kafka.metadata.name}-kafka-bootstrap:9092`, tree);
    for (const service of SERVICES) {
      const where = `${tree}: ${service}`;
      const read = topics.filter((t) => (t.metadata.annotations['rosobr/readers'] ?? '').split(',').includes(service));
      const scaled = named(docs, 'ScaledObject', service);
      if (service === 'gateway') {
        const hpa = named(docs, 'HorizontalPodAutoscaler', service);
        assert.ok(hpa && hpa.spec.minReplicas >= 2, `${where}: HPA with at least 2 replicas`);
        assert.equal(scaled, undefined, where);
        continue;
      }
      assert.ok(read.length > 0, `${where}: reads topics`);
      assert.ok(scaled, `${where}: ScaledObject`);
      assert.equal(scaled.spec.scaleTargetRef.name, service, where);
      assert.ok(scaled.spec.minReplicaCount >= 2, `${where}: minReplicaCount`);
      const lag = scaled.spec.triggers.find((t) => t.type === 'kafka');
      assert.ok(lag, `${where}: a kafka trigger`);
      // the service's consumer group is its name (PlatformProperties.serviceName)
      assert.equal(lag.metadata.consumerGroup, service, where);
      assert.equal(lag.metadata.bootstrapServers, config.data.KAFKA_BOOTSTRAP_SERVERS, where);
      assert.equal(lag.metadata.allowIdleConsumers, 'false', where);
      // replicas past the partitions get none; intake takes the webhooks and scales on CPU beyond them
      const partitions = Math.max(...read.map((t) => t.spec.partitions));
      const useful = Math.ceil(partitions / consumerThreadsOf(service));
      if (service !== 'intake-service') {
        assert.ok(scaled.spec.maxReplicaCount <= useful,
          `${where}: maxReplicaCount ${scaled.spec.maxReplicaCount} > ${useful} (${partitions} partitions, ${consumerThreadsOf(service)} threads a replica)`);
      }
      assert.ok(scaled.spec.maxReplicaCount >= scaled.spec.minReplicaCount, where);
    }
  }
});

test('topics: one KafkaTopic per registry topic (KafkaTopicsManifestTest), all on the Kafka cluster, replicated', { skip: NO_KUBECTL }, () => {
  for (const tree of TREES) {
    const docs = rendered[tree];
    const kafka = byKind(docs, 'Kafka');
    assert.equal(kafka.length, 1, tree);
    const pools = byKind(docs, 'KafkaNodePool');
    assert.ok(pools.some((p) => p.spec.roles.includes('controller')), `${tree}: KRaft controllers`);
    const brokers = pools.filter((p) => p.spec.roles.includes('broker')).reduce((n, p) => n + p.spec.replicas, 0);
    for (const p of pools) {
      assert.equal(p.metadata.labels['strimzi.io/cluster'], kafka[0].metadata.name, `${tree}: pool ${p.metadata.name}`);
    }
    const topics = byKind(docs, 'KafkaTopic');
    assert.ok(topics.length >= 20, tree);
    for (const t of topics) {
      assert.equal(t.metadata.labels['strimzi.io/cluster'], kafka[0].metadata.name, `${tree}: ${t.metadata.name}`);
      assert.ok(t.spec.replicas <= brokers, `${tree}: ${t.metadata.name} replicas`);
      assert.ok(t.spec.config['min.insync.replicas'] < t.spec.replicas, `${tree}: ${t.metadata.name} min ISR`);
    }
    assert.equal(kafka[0].spec.kafka.config['auto.create.topics.enable'], false, tree);
  }
});

test('secrets come from the cluster: no Secret object, no secret value written in', { skip: NO_KUBECTL }, () => {
  for (const tree of TREES) {
    const docs = rendered[tree];
    assert.deepEqual(byKind(docs, 'Secret'), [], tree);
    for (const d of byKind(docs, 'Deployment')) {
      for (const e of app(d).env ?? []) {
        if (isSecretName(e.name)) {
          assert.ok(e.valueFrom?.secretKeyRef || String(e.value).startsWith('/'),
            `${tree}: ${d.metadata.name} ${e.name} must come from a secret`);
        }
      }
    }
    for (const m of byKind(docs, 'ConfigMap')) {
      for (const key of Object.keys(m.data ?? {})) {
        assert.ok(!isSecretName(key), `${tree}: ConfigMap ${m.metadata.name} holds ${key}`);
      }
    }
  }
});

test('every variable a service gets is one it reads', { skip: NO_KUBECTL }, () => {
  for (const tree of TREES) {
    const docs = rendered[tree];
    const configMaps = Object.fromEntries(byKind(docs, 'ConfigMap').map((m) => [m.metadata.name, m.data ?? {}]));
    const shared = new Map();
    for (const service of SERVICES) {
      const c = app(named(docs, 'Deployment', service));
      for (const e of c.env ?? []) {
        assert.ok(readBy(service, e.name), `${tree}: ${service} gets ${e.name}, which it does not read`);
      }
      for (const from of c.envFrom ?? []) {
        for (const key of Object.keys(configMaps[from.configMapRef.name] ?? {})) {
          shared.set(key, [...(shared.get(key) ?? []), service]);
        }
      }
    }
    // the common ConfigMap goes to every service: each key must be read by at least one
    for (const [key, services] of shared) {
      assert.ok(services.some((s) => readBy(s, key)), `${tree}: ${key} in the common ConfigMap is read by no service`);
    }
  }
});
