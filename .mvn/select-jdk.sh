# Sourced by ./mvnw and ./run.sh: makes JAVA_HOME point at a JDK >= 21.
# The machine's default java may be older (17); a newer JDK is often installed beside it.
case $- in *f*) _sj_noglob=1; set +f ;; *) _sj_noglob=0 ;; esac
_jdk_major() {
  # prints the major version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1 | grep . || echo 0
}
_jdk_ok() { [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(_jdk_major "$1/bin/java")" -ge 21 ]; }
if [ -n "${JAVA_HOME-}" ] && _jdk_ok "$JAVA_HOME"; then
  :
else
  _found=""
  _candidates=""
  if command -v javac >/dev/null 2>&1; then
    _candidates="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
  fi
  for _d in $_candidates /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -d "$_d" ] && _jdk_ok "$_d"; then
      if [ -z "$_found" ] || [ "$(_jdk_major "$_d/bin/java")" -gt "$(_jdk_major "$_found/bin/java")" ]; then _found="$_d"; fi
    fi
  done
  if [ -z "$_found" ]; then
    echo "Нужен JDK 21 или новее, но он не найден (JAVA_HOME=${JAVA_HOME-не задан})." >&2
    echo "Установите, например: apt-get install openjdk-21-jdk (или Temurin 21/25) и повторите." >&2
    exit 1
  fi
  JAVA_HOME="$_found"
  export JAVA_HOME
fi
if [ "$_sj_noglob" = 1 ]; then set -f; fi
