#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine: as root, installs Debian's docker.io and
# docker-compose when they are missing and starts dockerd when it is not running, then waits until
# `docker info` works. Idempotent: with an engine already up it only checks. Exits non-zero with
# the reason when it cannot (not root, no apt, dockerd dies); dockerd's log is
# /var/log/shardstream-dockerd.log.
#
# usage: deploy/docker-engine.sh
set -euo pipefail

fail() {
  echo "docker-engine.sh: $*" >&2
  exit 1
}

if command -v docker >/dev/null && command -v docker-compose >/dev/null && docker info >/dev/null 2>&1; then
  echo "docker-engine.sh: Docker engine $(docker version -f '{{.Server.Version}}') is up"
  exit 0
fi
[[ $(id -u) -eq 0 ]] || fail "no Docker engine answers, and starting one needs root (run it with sudo)"

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
if [[ ${#missing[@]} -gt 0 ]]; then
  command -v apt-get >/dev/null || fail "${missing[*]} missing and no apt-get to install them"
  echo "docker-engine.sh: installing ${missing[*]}"
  apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
    fail "apt-get install ${missing[*]} failed"
fi

if ! docker info >/dev/null 2>&1; then
  if ! pgrep -x dockerd >/dev/null; then
    log=/var/log/shardstream-dockerd.log
    echo "docker-engine.sh: starting dockerd (log: $log)"
    nohup dockerd >"$log" 2>&1 &
  fi
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    pgrep -x dockerd >/dev/null || fail "dockerd exited: $(tail -n 5 /var/log/shardstream-dockerd.log 2>/dev/null)"
    sleep 1
  done
  docker info >/dev/null 2>&1 || fail "dockerd runs but does not answer after 60 s (see /var/log/shardstream-dockerd.log)"
fi
echo "docker-engine.sh: Docker engine $(docker version -f '{{.Server.Version}}') is up; $(docker-compose version --short)"
