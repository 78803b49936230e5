#!/usr/bin/env bash
# Builds the root file system of the offline base image (Maven profile `image-offline` in
# app/pom.xml): a jlink'd Java runtime under /opt/java/openjdk (where the eclipse-temurin images
# keep theirs) plus the glibc and libstdc++ libraries it and the app's JNI libraries (RocksDB,
# zstd, snappy) link against, copied from this machine, a static bash at /bin/bash (Debian's
# bash-static: health checks and `docker exec` need a shell, and nothing else in the image is
# one), and an empty /tmp. Jib lays it over `scratch` (and deploy/images/build.sh builds the
# local infrastructure images on it), so images can be built where no container registry is
# reachable.
#
# usage: runtime-rootfs.sh OUTPUT_DIR JAVA_HOME
set -euo pipefail

out=${1:?usage: runtime-rootfs.sh OUTPUT_DIR JAVA_HOME}
java_home=${2:?usage: runtime-rootfs.sh OUTPUT_DIR JAVA_HOME}
jlink="$java_home/bin/jlink"
if [[ ! -x "$jlink" ]]; then
  echo "runtime-rootfs.sh: no jlink in $java_home (a JDK is needed, not a JRE)" >&2
  exit 2
fi
if ! command -v ldd >/dev/null; then
  echo "runtime-rootfs.sh: ldd not found (needs a glibc Linux build machine)" >&2
  exit 2
fi
static_bash=$(command -v bash-static || true)
if [[ -z "$static_bash" ]]; then
  echo "runtime-rootfs.sh: bash-static not found: install it (apt-get install bash-static)" >&2
  exit 2
fi

# What a JRE image holds, minus desktop-only and tool modules.
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.charsets,jdk.localedata
modules+=,jdk.httpserver,jdk.jfr,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net
modules+=,jdk.security.auth,jdk.security.jgss,jdk.zipfs

out=$(realpath -m "$out")
rm -rf "$out"
mkdir -p "$out/opt/java" "$out/tmp" "$out/etc" "$out/proc" "$out/bin"
cp "$static_bash" "$out/bin/bash"
"$jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$out/opt/java/openjdk"

# Shared libraries: everything the runtime's ELF files need, plus libstdc++/libgcc_s, which the
# RocksDB JNI library (unpacked from its jar at run time) needs and the JDK does not.
libraries() {
  find "$out/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 ldd 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' \
    | grep -v "^$out/"
  for name in libstdc++.so.6 libgcc_s.so.1; do
    # awk reads to the end (no early exit): ldconfig would die of SIGPIPE under pipefail.
    ldconfig -p | awk -v n="$name" '$1 == n && /x86-64/ && !found { print $NF; found = 1 }'
  done
}
libraries | sort -u | while read -r library; do
  # Keep the name the loader asks for; copy the file behind any symlink.
  mkdir -p "$out$(dirname "$library")"
  cp -L "$library" "$out$library"
done

# Name lookups go to /etc/hosts (provided by the container runtime) first, then DNS.
printf 'hosts: files dns\n' >"$out/etc/nsswitch.conf"
echo "runtime-rootfs.sh: $(du -sh "$out" | cut -f1) in $out"
