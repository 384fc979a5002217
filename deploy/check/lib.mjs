// What both checks need to know about the services: their ports and the environment variables they really read.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SERVICES = [
  'intake-service', 'answer-service', 'routing-service', 'operator-service',
  'analytics-service', 'followup-service', 'gateway',
];

/** The gateway's variable naming each backend (gateway/src/main/resources/application.yml). */
export const BACKEND_URL_VARS = {
  INTAKE_URL: 'intake-service', ANSWER_URL: 'answer-service', ROUTING_URL: 'routing-service',
  OPERATOR_URL: 'operator-service', ANALYTICS_URL: 'analytics-service', FOLLOWUP_URL: 'followup-service',
};

/**
 * Variables that are no ${…} placeholder but bind to a property by Spring's relaxed binding (or the JVM): each with
 * the file that shows the property exists, and a text that file must contain.
 */
const RELAXED = {
  ASSISTANT_REPLICATIONFACTOR: ['platform/messaging/src/main/java/ru/rosobr/assistant/platform/PlatformProperties.java', 'replicationFactor'],
  MANAGEMENT_ENDPOINT_HEALTH_GROUP_TRAFFIC_INCLUDE: ['gateway/src/main/resources/application.yml', 'group:'],
  SPRING_CLOUD_GATEWAY_SERVER_WEBFLUX_HTTPCLIENT_POOL_MAXLIFETIME: ['gateway/src/main/resources/application.yml', 'max-idle-time'],
  JAVA_TOOL_OPTIONS: ['Dockerfile', 'JAVA_TOOL_OPTIONS'],
};

function read(path) {
  return readFileSync(join(ROOT, path), 'utf8');
}

function placeholders(text) {
  return new Set([...text.matchAll(/\$\{([A-Z][A-Z0-9_]*)(?::[^}]*)?\}/g)].map((m) => m[1]));
}

const DEFAULTS = 'src/main/resources/META-INF/assistant/defaults.properties';
// every service has platform-security's defaults; only a service with platform-messaging reads the database's and
// Kafka's (the gateway has no database and must never get its password)
const securityDefaults = placeholders(read(`platform/security/${DEFAULTS}`));
const messagingDefaults = placeholders(read(`platform/messaging/${DEFAULTS}`));

/**
 * The environment variables a service reads: placeholders of its application.yml and of the defaults of the platform
 * parts its pom takes.
 */
export function variablesOf(service) {
  const own = placeholders(read(`${service}/src/main/resources/application.yml`));
  const messaging = read(`${service}/pom.xml`).includes('<artifactId>platform-messaging</artifactId>');
  return new Set([...own, ...securityDefaults, ...(messaging ? messagingDefaults : [])]);
}

/** Why a variable given to a service is read by it, or null when it is not. */
export function readBy(service, name) {
  if (variablesOf(service).has(name)) {
    return 'placeholder';
  }
  const relaxed = RELAXED[name];
  if (relaxed && existsSync(join(ROOT, relaxed[0])) && read(relaxed[0]).includes(relaxed[1])) {
    return 'relaxed binding';
  }
  return null;
}

/** The port a service listens on by default (server.port: ${X_PORT:8081}). */
export function portOf(service) {
  const m = read(`${service}/src/main/resources/application.yml`).match(/port:\s*\$\{[A-Z_]+:(\d+)\}/);
  if (!m) {
    throw new Error(`no server.port default in ${service}/application.yml`);
  }
  return Number(m[1]);
}

/** Consumer threads of one replica: assistant.concurrency of the service, 2 otherwise (PlatformProperties). */
export function consumerThreadsOf(service) {
  const m = read(`${service}/src/main/resources/application.yml`).match(/^ {2}concurrency:\s*(\d+)/m);
  return m ? Number(m[1]) : 2;
}

/** A variable whose value must never be written into a deployment file. */
export function isSecretName(name) {
  return /(PASSWORD|SECRET|TOKEN|SIGNING_KEY|EXTRA_KEYS|CONFIRMATION)$/.test(name);
}
