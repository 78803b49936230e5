# Sourced by ./mvnw: sets MVNW_REPOURL, the repository the Maven distribution is fetched from,
# unless the caller set it. Taken from a <mirror> of central in ~/.m2/settings.xml, else from the
# super POM of the Maven installed on this machine: the same repository every build here uses.
shardstream_settings_mirror() {
  settings="${MAVEN_USER_HOME:-$HOME/.m2}/settings.xml"
  [ -f "$settings" ] || return 1
  tr -d '\n' <"$settings" | sed -n 's:.*<mirror>.*<url>\([^<]*\)</url>.*<mirrorOf>[^<]*\(central\|\*\)[^<]*</mirrorOf>.*</mirror>.*:\1:p' | head -n 1
}
shardstream_installed_central() {
  command -v mvn >/dev/null 2>&1 || return 1
  lib="$(dirname "$(dirname "$(readlink -f "$(command -v mvn)")")")/lib"
  set +f
  for jar in "$lib"/maven-model-builder-*.jar; do
    [ -f "$jar" ] || continue
    if command -v unzip >/dev/null 2>&1; then
      unzip -p "$jar" org/apache/maven/model/pom-4.0.0.xml
    else
      "$JAVA_HOME/bin/jar" xf "$jar" org/apache/maven/model/pom-4.0.0.xml 2>/dev/null &&
        cat org/apache/maven/model/pom-4.0.0.xml && rm -rf org/apache/maven/model
    fi | sed -n 's:.*<url>\([^<]*\)</url>.*:\1:p' | head -n 1
    break
  done
}
if [ -z "${MVNW_REPOURL:-}" ]; then
  MVNW_REPOURL="$(shardstream_settings_mirror || true)"
  [ -n "$MVNW_REPOURL" ] || MVNW_REPOURL="$(shardstream_installed_central || true)"
  if [ -z "$MVNW_REPOURL" ]; then
    echo "mvnw: no Maven on the PATH and no mirror of central in ${MAVEN_USER_HOME:-$HOME/.m2}/settings.xml to download Maven from; set MVNW_REPOURL to your Maven repository, e.g. MVNW_REPOURL=https://repo.maven.apache.org/maven2 ./mvnw verify" >&2
    exit 1
  fi
  export MVNW_REPOURL
fi
