#!/usr/bin/env bash
# Runs the whole test suite. The tests start their own redis-server processes on 127.0.0.1 and the
# Kafka-protocol dev broker in-process, so the one thing the machine needs besides the .NET SDK is redis-server.
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v redis-server >/dev/null 2>&1; then
  echo "test.sh: redis-server is missing; installing Debian's package" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq redis-server >/dev/null \
    || { echo "test.sh: could not install redis-server; install it and run again" >&2; exit 2; }
fi

log=$(mktemp)
dotnet test Bandit.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One plain summary line, summed over the test assemblies' own result lines.
awk '
  /^(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
    found = 1
  }
  END { if (found) printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
rm -f "$log"
exit "$status"
