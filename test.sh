#!/usr/bin/env bash
# Runs the whole test suite. The tests start their own redis-server processes on 127.0.0.1 and the
# Kafka-protocol dev broker in-process; the live page's browser test drives Debian's chromium. So besides the
# .NET SDK the machine needs redis-server and chromium: installed here from Debian when missing.
set -uo pipefail
cd "$(dirname "$0")"

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test.sh: ${missing[*]} missing; installing Debian's packages" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "test.sh: could not install ${missing[*]}; install them and run again" >&2; exit 2; }
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
