#!/bin/sh
# Removes from a framework-dependent publish output what a glibc Linux container of one architecture never
# loads: the native libraries librdkafka.redist ships for other platforms (Windows, macOS, s390x, other
# CPUs) and its musl build for Alpine. Kept: runtimes/linux-<arch>/native/librdkafka.so and, on x64,
# centos8-librdkafka.so, which Confluent.Kafka falls back to when librdkafka.so cannot load (it needs
# libsasl2.so.3, which Debian and Ubuntu do not have); the fallback needs nothing beyond glibc.
# Usage: slim-publish.sh DIR ARCH   (ARCH: amd64 or arm64, as Docker's TARGETARCH names them)
set -eu

dir=$1
case "$2" in
  amd64 | x86_64 | x64) rid=linux-x64 ;;
  arm64 | aarch64) rid=linux-arm64 ;;
  *) echo "slim-publish.sh: unsupported architecture '$2'" >&2; exit 1 ;;
esac

if [ ! -d "$dir/runtimes/$rid/native" ]; then
  echo "slim-publish.sh: $dir/runtimes/$rid/native is missing; is $dir a publish output?" >&2
  exit 1
fi

for runtime in "$dir"/runtimes/*/; do
  [ "$(basename "$runtime")" = "$rid" ] || rm -rf "$runtime"
done
# Windows builds for the .NET Framework loader, and the Alpine (musl) build.
rm -rf "$dir/librdkafka"
rm -f "$dir/runtimes/$rid/native/alpine-librdkafka.so"
