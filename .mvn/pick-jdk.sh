# Sourced by ./mvnw and ./shardstream: make JAVA_HOME point at a JDK >= 21.
# Keeps a JAVA_HOME that is already new enough; otherwise looks in the usual install places.
shardstream_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
shardstream_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(shardstream_java_major "$JAVA_HOME")
    [ "${major:-0}" -ge 21 ] && return 0
  fi
  if command -v java >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    major=$(shardstream_java_major "$home")
    if [ "${major:-0}" -ge 21 ]; then export JAVA_HOME="$home"; return 0; fi
  fi
  best=""; best_major=0
  # Callers may run with globbing off (mvnw uses set -f); the search below needs it.
  case $- in *f*) set +f; restore_noglob=1 ;; *) restore_noglob=0 ;; esac
  for home in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$home/bin/javac" ] || continue
    major=$(shardstream_java_major "$home")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$home"; best_major=$major; fi
  done
  [ "$restore_noglob" = 1 ] && set -f
  if [ -n "$best" ]; then export JAVA_HOME="$best"; return 0; fi
  echo "shardstream needs a JDK 21 or newer; none found (set JAVA_HOME)." >&2
  return 1
}
shardstream_pick_jdk || exit 1
# JDK 24+ warns on every Maven start about Guice's use of sun.misc.Unsafe; allow it quietly.
if [ "$(shardstream_java_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
  case "${MAVEN_OPTS:-}" in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}" ;;
  esac
fi
