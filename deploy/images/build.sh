#!/usr/bin/env bash
# Builds the container images of the local stack into the local Docker engine, from what this
# machine can reach without an image registry: Maven artifacts (versions and tags from the parent
# pom) and a jlink'd Java runtime on `scratch`.
#
#   kafka        shardstream/kafka-local:<kafka.version>        a drop-in for apache/kafka
#   registry     shardstream/apicurio-local:<apicurio-registry-app.version>
#                                                                for apicurio/apicurio-registry
#   dynamodb     shardstream/dynamodb-local:<dynamodb-local.version>
#                                                                for amazon/dynamodb-local
#   shardstream  shardstream/shardstream:<project.version>       the launcher (Jib, app module)
#
# usage: deploy/images/build.sh [kafka] [registry] [dynamodb] [shardstream]   (default: all four)
#
# Idempotent. On a fresh machine, as root, it installs the static busybox and bash it puts in the
# images (apt); it needs a running Docker engine (deploy/docker-engine.sh starts one) and a
# JDK >= 21 (found as ./mvnw finds it). DynamoDB Local is under its vendor's licence: its image is
# for local development and tests on this machine, never to be pushed anywhere.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/deploy/images"
all=(kafka registry dynamodb shardstream)

fail() {
  echo "build.sh: $*" >&2
  exit 2
}

images=("$@")
[[ ${#images[@]} -gt 0 ]] || images=("${all[@]}")
for image in "${images[@]}"; do
  [[ " ${all[*]} " == *" $image "* ]] || fail "unknown image '$image' (choose from: ${all[*]})"
done

# ---- prerequisites

# Static binaries: they run in an image that has no C library of their own.
packages=()
[[ -x /bin/busybox ]] || packages+=(busybox-static)
command -v bash-static >/dev/null || packages+=(bash-static)
if [[ ${#packages[@]} -gt 0 ]]; then
  [[ $(id -u) -eq 0 ]] || fail "needs ${packages[*]}: run as root, or apt-get install ${packages[*]}"
  echo "build.sh: installing ${packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi
command -v docker >/dev/null || fail "docker not found: run deploy/docker-engine.sh (as root)"
docker info >/dev/null 2>&1 || fail "the Docker engine does not answer: run deploy/docker-engine.sh (as root)"
# shellcheck source=../../.mvn/pick-jdk.sh
. "$root/.mvn/pick-jdk.sh"

mvnw() {
  (cd "$root" && ./mvnw -B -ntp -q "$@")
}

# Built with the classic builder (BuildKit is not there on a plain docker.io install); the context
# is a module's target/ folder.
docker_build() { # TAG DOCKERFILE CONTEXT [docker build options]
  local tag=$1 dockerfile=$2 context=$3
  shift 3
  local log
  log=$(mktemp)
  if ! DOCKER_BUILDKIT=0 docker build -q -t "$tag" -f "$dockerfile" "$@" "$context" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    fail "docker build of $tag failed"
  fi
  rm -f "$log"
  echo "build.sh: built $tag ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1 / 1e6}'))"
}

# What was built, as the compose file's image variables (KAFKA_IMAGE=shardstream/kafka-local:4.4.0
# ...): deploy/images/target/local-images.env, for `set -a; . FILE` or `docker compose --env-file`.
images_env="$here/target/local-images.env"
record_image() { # VARIABLE TAG
  mkdir -p "$(dirname "$images_env")"
  touch "$images_env"
  sed -i "/^$1=/d" "$images_env"
  echo "$1=$2" >>"$images_env"
}

# NAME=value lines that a module's build wrote from the parent pom's properties.
image_env() { # MODULE NAME
  sed -n "s/^$2=//p" "$here/$1/target/image.env"
}

# ---- the base: Java runtime + glibc + bash (runtime-rootfs.sh, as the shardstream image) + busybox

build_base() {
  local context="$here/base/target" java_version
  rm -rf "$context"
  mkdir -p "$context"
  bash "$root/deploy/offline-image/runtime-rootfs.sh" "$context/rootfs" "$JAVA_HOME" >/dev/null
  # busybox's applets as links (sh, env, sleep, grep, sed, nc, wget, ...), where it would put them.
  cp /bin/busybox "$context/rootfs/bin/busybox"
  /bin/busybox --list-full | while read -r applet; do
    [[ -e "$context/rootfs/$applet" ]] && continue
    mkdir -p "$context/rootfs/$(dirname "$applet")"
    ln -s /bin/busybox "$context/rootfs/$applet"
  done
  # The images' users: root, the Kafka and DynamoDB Local images' 1000, the registry's 1001.
  printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'appuser:x:1000:1000:appuser:/home/appuser:/bin/sh' \
    'registry:x:1001:0:registry:/tmp:/bin/sh' >"$context/rootfs/etc/passwd"
  printf '%s\n' 'root:x:0:' 'appuser:x:1000:' >"$context/rootfs/etc/group"
  mkdir -p "$context/rootfs/root" "$context/rootfs/home/appuser"
  chmod 1777 "$context/rootfs/tmp"
  java_version=$("$context/rootfs/opt/java/openjdk/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.runtime\.version = //p')
  base_tag="shardstream/java-runtime-local:${java_version//+/_}"
  docker_build "$base_tag" "$here/base/Dockerfile" "$context"
}

# ---- the infrastructure images: their Maven artifacts staged by deploy/images/<module>

stage_kafka() {
  local rootfs=$1
  cp -a "$here/kafka/files/." "$rootfs/"
  mkdir -p "$rootfs/opt/kafka/config" "$rootfs/var/lib/kafka/data" "$rootfs/mnt/shared/config" \
    "$rootfs/etc/kafka/secrets" "$rootfs/opt/kafka/logs"
  # The distribution's config folder holds the defaults too (tools read them before any setup).
  cp "$here/kafka/files/etc/kafka/docker/"*.yaml "$rootfs/opt/kafka/config/"
}

stage_registry() {
  local rootfs=$1
  cp -a "$here/registry/files/." "$rootfs/"
  [[ -f "$rootfs/deployments/quarkus-run.jar" ]] || fail "the registry distribution has no quarkus-run.jar"
}

# DynamoDBLocal.jar as in Amazon's distribution: a jar whose manifest names its libraries, so that
# `java -jar DynamoDBLocal.jar ...` works as with amazon/dynamodb-local.
stage_dynamodb() {
  local rootfs=$1 home="$1/home/dynamodblocal" manifest classpath line
  manifest=$(mktemp)
  classpath=$(cd "$home" && printf 'DynamoDBLocal_lib/%s ' $(ls DynamoDBLocal_lib))
  line="Class-Path: ${classpath% }"
  {
    echo "Main-Class: com.amazonaws.services.dynamodbv2.local.main.ServerRunner"
    # Manifest lines hold at most 72 bytes; a continuation line starts with one space.
    echo "${line:0:70}"
    line=${line:70}
    while [[ -n $line ]]; do
      echo " ${line:0:69}"
      line=${line:69}
    done
  } >"$manifest"
  rm -f "$home/DynamoDBLocal.jar"
  # A fixed date: the same jar every build, so Docker reuses the layer.
  "$JAVA_HOME/bin/jar" --create --date 2000-01-01T00:00:02Z --file "$home/DynamoDBLocal.jar" \
    --manifest "$manifest"
  rm -f "$manifest"
  mkdir -p "$home/data"
}

infra=()
for image in "${images[@]}"; do
  [[ $image == shardstream ]] || infra+=("$image")
done

if [[ ${#infra[@]} -gt 0 ]]; then
  modules=$(IFS=,; echo "${infra[*]}")
  # clean: a module's rootfs must hold this build's artifacts only.
  mvnw -f deploy/images/pom.xml -pl "$modules" clean package
  build_base
  for image in "${infra[@]}"; do
    context="$here/$image/target"
    "stage_$image" "$context/rootfs"
    version=$(image_env "$image" VERSION)
    tag="$(image_env "$image" IMAGE):$version"
    docker_build "$tag" "$here/$image/Dockerfile" "$context" \
      --build-arg "BASE=$base_tag" \
      --label "org.opencontainers.image.version=$version" \
      --label "org.opencontainers.image.description=built locally by deploy/images/build.sh"
    record_image "$(image_env "$image" VARIABLE)" "$tag"
  done
fi

# ---- the service image: the app module's image-offline profile (Jib on scratch, runtime-rootfs.sh)

if [[ " ${images[*]} " == *" shardstream "* ]]; then
  mvnw -pl app -am -Pimage-offline package -DskipTests
  tag=$(docker load -i "$root/app/target/jib-image.tar" | sed -n 's/^Loaded image: //p')
  [[ -n $tag ]] || fail "docker load of app/target/jib-image.tar named no image"
  echo "build.sh: built $tag ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1 / 1e6}'))"
  record_image SHARDSTREAM_IMAGE "$tag"
fi
