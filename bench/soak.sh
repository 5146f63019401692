#!/usr/bin/env bash
# A bounded soak, not part of CI: one silo with in-memory state and authentication required, fed by the dev
# broker in a process of its own (so the silo's memory does not include the broker's ever-growing in-memory
# log; SOAK_BROKER=embedded runs the silo's embedded broker instead), takes a steady event rate for a fixed time while a client reports latency and the silo's memory
# (resident set from /proc, working set and GC heap from /metrics) every interval. Everything listens on
# 127.0.0.1 on free ports below 32768. Flat memory and latency over the run is the pass criterion; the
# script prints the figures and leaves the judgement to the reader.
#   bench/soak.sh [minutes=10] [events per second=1000] [report seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=${1:-10} rate=${2:-1000} every=${3:-30}
work=$(mktemp -d)
silo_pid="" broker_pid=""
cleanup() {
  [ -n "$silo_pid" ] && [ -n "$broker_pid" ] && echo "soak: dev broker resident set at the end: $(rss "$broker_pid")"
kill -TERM "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
  [ -n "$broker_pid" ] && kill -TERM "$broker_pid" 2>/dev/null && wait "$broker_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

used=" "
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 12000))
    case "$used" in *" $port "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      used+="$port "
      echo "$port"
      return
    fi
  done
}

dotnet build -c Release src/Silo -nologo -v q -clp:ErrorsOnly
dotnet build -c Release tools/Soak -nologo -v q -clp:ErrorsOnly
dotnet build -c Release tools/DevBroker -nologo -v q -clp:ErrorsOnly
rss() { awk '/VmRSS/ { printf "%.1f MiB", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "-"; }

key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
hash=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
grpc=$(free_port) web=$(free_port) silo=$(free_port) gateway=$(free_port) broker=$(free_port)
kafka=()
if [ "${SOAK_BROKER:-separate}" = separate ]; then
  dotnet tools/DevBroker/bin/Release/net10.0/bandit-devbroker.dll --port "$broker" >"$work/broker.log" 2>&1 &
  broker_pid=$!
  until (exec 3<>"/dev/tcp/127.0.0.1/$broker") 2>/dev/null; do
    kill -0 "$broker_pid" 2>/dev/null || { cat "$work/broker.log" >&2; echo "soak: the broker exited" >&2; exit 1; }
    sleep 0.2
  done
  kafka=(Bandit__Kafka__BootstrapServers="127.0.0.1:$broker")
  echo "soak: dev broker pid $broker_pid on 127.0.0.1:$broker"
fi
(
  cd src/Silo/bin/Release/net10.0
  exec env Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc" Kestrel__Endpoints__Web__Url="http://127.0.0.1:$web" \
    Bandit__Cluster__SiloPort="$silo" Bandit__Cluster__GatewayPort="$gateway" \
    Bandit__Cluster__ClusterId="soak-$$" Bandit__Cluster__ServiceId="soak-$$" \
    Bandit__Kafka__EmbeddedBrokerPort="$broker" "${kafka[@]}" \
    Bandit__Auth__Mode=Required Bandit__Auth__ApiKeys__0__Name=soak Bandit__Auth__ApiKeys__0__Sha256="$hash" \
    Bandit__Auth__ApiKeys__0__Permissions__0=events:write Bandit__Auth__ApiKeys__0__Permissions__1=rankings:read \
    Bandit__Limits__ClientCallsPerSecond=$((rate * 4)) Bandit__Limits__ClientBurst=$((rate * 4)) \
    dotnet Bandit.Silo.dll
) >"$work/silo.log" 2>&1 &
silo_pid=$!
deadline=$((SECONDS + 120))
until curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$web/health/ready"; do
  kill -0 "$silo_pid" 2>/dev/null || { cat "$work/silo.log" >&2; echo "soak: the silo exited" >&2; exit 1; }
  [ "$SECONDS" -lt "$deadline" ] || { cat "$work/silo.log" >&2; echo "soak: the silo is not ready" >&2; exit 1; }
  sleep 0.5
done
echo "soak: silo pid $silo_pid ready (gRPC 127.0.0.1:$grpc, web 127.0.0.1:$web); $(nproc) cores, shared"

BANDIT_API_KEY="$key" dotnet tools/Soak/bin/Release/net10.0/bandit-soak.dll --gateway "http://127.0.0.1:$grpc" \
  --web "http://127.0.0.1:$web" --rate "$rate" --minutes "$minutes" \
  --report-seconds "$every" --pid "$silo_pid"

[ -n "$broker_pid" ] && echo "soak: dev broker resident set at the end: $(rss "$broker_pid")"
kill -TERM "$silo_pid"
wait "$silo_pid" && echo "soak: silo exited 0 on SIGTERM" || echo "soak: silo exited with $?"
silo_pid=""
