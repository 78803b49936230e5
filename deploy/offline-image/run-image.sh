#!/usr/bin/env bash
# Runs an image tarball (from `jib:buildTar`) without a container engine, to check it on machines
# that have none: unpacks its layers into a directory, mounts /proc there, and runs the image's
# entrypoint with its environment and user in a chroot. Needs root (chroot, mount), jq and a
# Linux host; no namespaces, so the process shares the host's network and PIDs. The caller's
# SHARDSTREAM_* environment variables are passed in (like `docker run -e`).
#
# usage: run-image.sh IMAGE_TAR [ARG...]     e.g. run-image.sh app/target/jib-image.tar --help
set -euo pipefail

image=${1:?usage: run-image.sh IMAGE_TAR [ARG...]}
shift
if [[ $(id -u) -ne 0 ]]; then
  echo "run-image.sh: needs root (chroot and mount)" >&2
  exit 2
fi
command -v jq >/dev/null || { echo "run-image.sh: needs jq" >&2; exit 2; }

work=$(mktemp -d)
rootfs="$work/rootfs"
cleanup() {
  umount "$rootfs/proc" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# Ctrl-C / kill: exit through the EXIT trap so /proc is unmounted.
trap 'exit 130' INT
trap 'exit 143' TERM

tar -xf "$image" -C "$work"
config="$work/$(jq -r '.[0].Config' "$work/manifest.json")"
mkdir -p "$rootfs"
jq -r '.[0].Layers[]' "$work/manifest.json" | while read -r layer; do
  tar --warning=no-unknown-keyword -xzf "$work/$layer" -C "$rootfs"
done

mkdir -p "$rootfs/proc"
mount -t proc proc "$rootfs/proc"
mapfile -t environment < <(jq -r '.config.Env // [] | .[]' "$config")
# Like `docker run -e`: the caller's SHARDSTREAM_* settings reach the process.
mapfile -t -O "${#environment[@]}" environment < <(env | grep '^SHARDSTREAM_' || true)
mapfile -t entrypoint < <(jq -r '.config.Entrypoint // [] | .[]' "$config")
user=$(jq -r '.config.User // "0:0"' "$config")
if [[ $# -eq 0 ]]; then
  mapfile -t arguments < <(jq -r '.config.Cmd // [] | .[]' "$config")
  set -- "${arguments[@]}"
fi
# `env` runs outside the chroot: resolve the entrypoint's command on the image's PATH ourselves.
program=${entrypoint[0]}
if [[ $program != /* ]]; then
  path=$(printf '%s\n' "${environment[@]}" | sed -n 's/^PATH=//p')
  for dir in ${path//:/ }; do
    if [[ -x "$rootfs$dir/$program" ]]; then program="$dir/$program"; break; fi
  done
fi
set +e
env -i "${environment[@]}" "$(command -v chroot)" --userspec="$user" "$rootfs" "$program" "${entrypoint[@]:1}" "$@"
status=$?
set -e
exit $status
