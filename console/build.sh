#!/usr/bin/env bash
# The console's part of the Maven build (called by exec-maven-plugin from console/pom.xml).
#   build.sh build <out-dir> <npm: auto|false>  — the React console built with the machine's npm into <out-dir>;
#                                                without a usable npm/node, the plain fallback console instead
#   build.sh test                               — the console's unit tests (Vitest), when npm is there
# The npm work happens in target/web (a copy of web/ with its node_modules), so the source tree stays clean.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/target/web"
mode="${1:?build|test}"

say() { printf '[console] %s\n' "$*"; }
warn() { printf '[console] ВНИМАНИЕ: %s\n' "$*" >&2; }

# Vite 8 needs Node.js ^20.19 or >= 22.12
node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e '
    const [a, b] = process.versions.node.split(".").map(Number);
    process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a > 22 ? 0 : 1);'
}

usable_npm() {
  command -v npm >/dev/null 2>&1 && node_ok
}

prepare() {
  mkdir -p "$work"
  # sources are copied fresh every time; node_modules is kept while package-lock.json is unchanged
  rm -rf "$work/src"
  cp -R "$here/web/src" "$work/src"
  cp "$here/web/index.html" "$here/web/package.json" "$here/web/package-lock.json" "$here/web/tsconfig.json" \
     "$here/web/vite.config.ts" "$work/"
  if [ ! -d "$work/node_modules" ] || ! cmp -s "$here/web/package-lock.json" "$work/node_modules/.lock-stamp"; then
    say "npm ci (зависимости консоли из package-lock.json)…"
    (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$here/web/package-lock.json" "$work/node_modules/.lock-stamp"
  fi
}

case "$mode" in
  build)
    out="${2:?out dir}"
    want="${3:-auto}"
    rm -rf "$out"
    mkdir -p "$out"
    if [ "$want" != "false" ] && usable_npm; then
      say "сборка React-консоли: npm $(npm --version 2>/dev/null), node $(node --version)"
      prepare
      (cd "$work" && CONSOLE_OUT_DIR="$out" npm run --silent build)
      say "консоль собрана в $out"
    else
      if [ "$want" = "false" ]; then
        warn "сборка консоли через npm отключена (-Dconsole.npm=false) — используется простая консоль из console/fallback"
      elif command -v npm >/dev/null 2>&1; then
        warn "Node.js $(node --version 2>/dev/null || echo '?') слишком старый для сборки консоли (нужен 20.19+ или 22.12+) — используется простая консоль из console/fallback"
      else
        warn "npm не найден — React-консоль не собрана, используется простая консоль из console/fallback (установите Node.js 20.19+ с npm и пересоберите)"
      fi
      cp -R "$here/fallback/." "$out/"
    fi
    ;;
  test)
    if [ "${2:-auto}" != "false" ] && usable_npm; then
      prepare
      (cd "$work" && npm test --silent)
    else
      warn "npm не найден — модульные тесты консоли (Vitest) пропущены"
    fi
    ;;
  *)
    echo "usage: $0 build <out-dir> [auto|false] | test [auto|false]" >&2
    exit 2
    ;;
esac
