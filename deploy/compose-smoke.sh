#!/usr/bin/env bash
# Starts docker-compose.yml on locally built images and checks it end to end, through the
# published ports only, as a user would use it:
#
#   1. builds the images (deploy/images/build.sh: Kafka, registry, DynamoDB Local, shardstream;
#      this builds the project too), then `docker-compose up -d` under a project name of its own,
#      on free host ports, and waits for every health check (and the topic set-up to succeed);
#   2. generates events (fixed seeds, no invalid ones), sends them through the published Kafka
#      port (`shardstream ingest file`), and pages a search through the published API port until
#      it holds exactly the users the events leave (deploy/compose-smoke: computed from the events
#      files, not from the table);
#   3. restarts the writer, sends more events, checks again;
#   4. restarts the registry and checks that the records already in Kafka still resolve their
#      schema ids (KafkaSQL storage); restarts the writer (no cached schemas), sends events
#      without letting the producer register anything, checks again;
#   5. `docker-compose down -v`, also on failure.
#
# The last line says PASS or FAIL with the numbers; the exit code is 0 only on PASS.
# usage: deploy/compose-smoke.sh            (needs a running Docker engine: deploy/docker-engine.sh)
# Environment: SMOKE_USERS (users per batch, default 150), SMOKE_SKIP_BUILD=1 (use the images
# and the build already there), SMOKE_KEEP=1 (leave the stack running for a look; `down -v` it
# yourself: the project name is printed).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
started=$SECONDS
users=${SMOKE_USERS:-150}
project="shardstream-smoke-$(date +%s)-$$"
work=$(mktemp -d)
step="starting"
events_sent=0

log() { echo "compose-smoke: $*"; }

compose() {
  docker-compose -p "$project" -f "$root/docker-compose.yml" "$@"
}

finish() {
  local status=$?
  trap - EXIT
  if [[ $status -ne 0 ]]; then
    # What the services said, for the failure's reason.
    if [[ -n $(compose ps -q 2>/dev/null) ]]; then
      compose logs --no-color --tail 40 >"$work/services.log" 2>&1 || true
      tail -n 120 "$work/services.log" || true
    fi
  fi
  if [[ ${SMOKE_KEEP:-} == 1 ]]; then
    log "left running: docker-compose -p $project down -v"
  else
    compose down -v --remove-orphans >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  if [[ $status -eq 0 ]]; then
    echo "compose-smoke: PASS: $summary; compose up to healthy ${up_seconds}s, total $((SECONDS - started))s"
  else
    echo "compose-smoke: FAIL at '$step' (exit $status) after $((SECONDS - started))s, $events_sent events sent"
  fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A host port nothing listens on (other stacks may hold the defaults), not yet handed out.
taken=" "
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 30000))
    [[ $taken == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      taken+="$port "
      echo "$port"
      return
    fi
  done
}

# ---- 1. images and stack

step="building the images"
if [[ ${SMOKE_SKIP_BUILD:-} != 1 ]]; then
  deploy/images/build.sh
fi
set -a
# shellcheck source=/dev/null
. deploy/images/target/local-images.env
set +a
for variable in KAFKA_IMAGE REGISTRY_IMAGE DYNAMODB_IMAGE SHARDSTREAM_IMAGE; do
  [[ -n ${!variable:-} ]] || { log "$variable missing from deploy/images/target/local-images.env"; exit 1; }
done
export KAFKA_HOST_PORT REGISTRY_HOST_PORT DYNAMODB_HOST_PORT WRITER_HOST_PORT QUERY_API_HOST_PORT
KAFKA_HOST_PORT=$(free_port)
REGISTRY_HOST_PORT=$(free_port)
DYNAMODB_HOST_PORT=$(free_port)
WRITER_HOST_PORT=$(free_port)
QUERY_API_HOST_PORT=$(free_port)
log "project $project: Kafka :$KAFKA_HOST_PORT, registry :$REGISTRY_HOST_PORT, DynamoDB :$DYNAMODB_HOST_PORT, writer :$WRITER_HOST_PORT, query API :$QUERY_API_HOST_PORT"
log "images: $KAFKA_IMAGE $REGISTRY_IMAGE $DYNAMODB_IMAGE $SHARDSTREAM_IMAGE"

# Health of a service's container: healthy/unhealthy/starting, or its state when it has no check.
health() {
  local id
  id=$(compose ps -q "$1")
  [[ -n $id ]] || { echo missing; return; }
  docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}:{{.State.ExitCode}}{{end}}' "$id"
}

# Waits until every named service is healthy; fails on `unhealthy` or after 10 minutes.
await_healthy() {
  local service state pending deadline=$((SECONDS + 600))
  while true; do
    pending=()
    for service in "$@"; do
      state=$(health "$service")
      case $state in
        healthy) ;;
        unhealthy) log "$service is unhealthy"; return 1 ;;
        *) pending+=("$service:$state") ;;
      esac
    done
    [[ ${#pending[@]} -eq 0 ]] && return 0
    if [[ $SECONDS -gt $deadline ]]; then
      log "not healthy after 10 minutes: ${pending[*]}"
      return 1
    fi
    sleep 2
  done
}

step="compose up"
up_started=$SECONDS
compose up -d --quiet-pull 2>&1 | grep -v -E '^(Creating|Starting)' || true
await_healthy kafka registry dynamodb writer query-api
[[ $(health kafka-topics) == exited:0 ]] || { log "kafka-topics: $(health kafka-topics)"; exit 1; }
up_seconds=$((SECONDS - up_started))
log "every service healthy after ${up_seconds}s; source topics created"

# ---- 2-4. events in, search out

shardstream() {
  SHARDSTREAM_NO_BUILD=1 \
    SHARDSTREAM_KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_HOST_PORT" \
    SHARDSTREAM_REGISTRY_URL="http://localhost:$REGISTRY_HOST_PORT" \
    "$root/shardstream" "$@"
}

batches=()
# Generates batch N (seed 100+N), sends it through the published Kafka port.
send_batch() { # N AUTO_REGISTER
  local file="$work/events-$1.jsonl" lines
  step="sending batch $1"
  shardstream generate --users "$users" --seed $((100 + $1)) --invalid-rate 0 --no-progress \
    --out "$file" >"$work/generate-$1.log" 2>&1 || { cat "$work/generate-$1.log"; return 1; }
  SHARDSTREAM_REGISTRY_AUTO_REGISTER=$2 shardstream ingest file "$file" --no-progress \
    >"$work/ingest-$1.log" 2>&1 || { cat "$work/ingest-$1.log"; return 1; }
  lines=$(grep -c . "$file")
  events_sent=$((events_sent + lines))
  batches+=("$file")
  log "batch $1: $lines events sent (auto-register $2)"
}

checks=0
# Runs one check of deploy/compose-smoke (a failsafe IT) against the stack.
check() { # IT_CLASS
  step="check $1"
  checks=$((checks + 1))
  local output="$work/check-$checks.log" files
  files=$(IFS=,; echo "${batches[*]}")
  if ! ./mvnw -B -ntp -f deploy/compose-smoke/pom.xml verify -Dit.test="$1" \
    -Dsmoke.api="http://localhost:$QUERY_API_HOST_PORT" \
    -Dsmoke.registry="http://localhost:$REGISTRY_HOST_PORT" \
    -Dsmoke.kafka="localhost:$KAFKA_HOST_PORT" \
    -Dsmoke.events="$files" >"$output" 2>&1; then
    grep -E 'SMOKE|FAIL|ERROR|expected|Tests run' "$output" | head -40
    return 1
  fi
  last_check=$(grep -h '^SMOKE' "$output" | tail -n 1)
  log "${last_check#SMOKE }"
}

send_batch 1 true
check SearchMatchesEventsIT

step="restarting the writer"
compose restart writer >/dev/null 2>&1
await_healthy writer
send_batch 2 true
check SearchMatchesEventsIT

step="restarting the registry"
compose restart registry >/dev/null 2>&1
await_healthy registry
check RecordsSchemaIdsResolveIT
registry_check=$last_check
step="restarting the writer (no cached schemas)"
compose restart writer >/dev/null 2>&1
await_healthy writer
send_batch 3 false
check SearchMatchesEventsIT

search=${last_check#SMOKE search: }
summary="$events_sent events in ${#batches[@]} batches; $search after a writer restart and a registry restart; ${registry_check#SMOKE registry: }"
