#!/usr/bin/env bash
# Runs the whole system locally: PostgreSQL (the local server, or an embedded one), a KRaft Kafka broker and the
# seven services. Builds what is missing or out of date first. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
. .mvn/select-jdk.sh

modules="answer-service intake-service routing-service operator-service analytics-service followup-service gateway devstack"
stale=0
for m in $modules; do
  jar="$m/target/$m.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$m/src/main" "$m/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then stale=1; fi
done
[ -d devstack/target/lib ] || stale=1
for shared in contracts platform testkit console pom.xml; do
  if [ -f devstack/target/devstack.jar ] && [ -n "$(find "$shared" -newer devstack/target/devstack.jar -not -path '*/target/*' -print -quit 2>/dev/null)" ]; then stale=1; fi
done
if [ "$stale" = 1 ] || [ "${REBUILD:-0}" = 1 ]; then
  echo "[dev-stack] сборка (./mvnw -DskipTests package)…"
  ./mvnw -q -DskipTests package
fi

exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Ddevstack.root="$PWD" -cp "devstack/target/devstack.jar:devstack/target/lib/*" \
  ru.rosobr.assistant.devstack.DevStack "$@"
