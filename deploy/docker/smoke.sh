#!/usr/bin/env bash
# Publishes the silo and the gateway as their Dockerfiles do (Release, portable, slimmed by slim-publish.sh)
# and checks that the output runs: the silo on its embedded broker and in-memory state, then a stand-alone
# gateway against it; each must answer /health/ready, then exit 0 on SIGTERM. Everything listens on
# 127.0.0.1, on free ports below 32768 chosen here. Prints one line per step; exits non-zero on the first
# failure, with the process's output.
set -euo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf 'smoke: %s\n' "$*"; }
fail() { printf 'smoke: FAILED: %s\n' "$*" >&2; exit 1; }

# A port nobody listens on: a connection to it is refused. Ports below Linux's ephemeral range never get
# handed to an outgoing connection meanwhile.
used_ports=" "
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 12000))
    case "$used_ports" in *" $port "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      used_ports+="$port "
      echo "$port"
      return
    fi
  done
}

# Waits until GET $1 answers 200; fails when process $2 exits first or after $3 seconds.
wait_healthy() {
  local url=$1 pid=$2 deadline=$((SECONDS + $3)) log=$4
  until curl -fs -o /dev/null --max-time 5 "$url"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; fail "pid $pid exited before $url answered"; }
    [ "$SECONDS" -lt "$deadline" ] || { cat "$log" >&2; fail "$url did not answer 200 within $3 s"; }
    sleep 0.5
  done
}

# SIGTERM to pid $1, then waits for its exit (at most $2 seconds) and requires exit code 0.
stop_gracefully() {
  local pid=$1 deadline=$((SECONDS + $2)) log=$3 code
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || { cat "$log" >&2; fail "pid $pid still runs $2 s after SIGTERM"; }
    sleep 0.2
  done
  code=0
  wait "$pid" || code=$?
  [ "$code" -eq 0 ] || { cat "$log" >&2; fail "pid $pid exited with code $code after SIGTERM"; }
}

arch=$(uname -m)
for project in Silo Gateway; do
  clock=$SECONDS
  dotnet publish "src/$project/$project.csproj" -c Release -o "$work/$project" -p:UseAppHost=false \
    -nologo -v q -clp:ErrorsOnly
  deploy/docker/slim-publish.sh "$work/$project" "$arch"
  step "published $project in $((SECONDS - clock)) s, slimmed for $arch: $(du -sh "$work/$project" | cut -f1)"
done

# A cluster and service id of its own, so that nothing else on this machine can answer for it.
cluster="smoke-$$"
grpc=$(free_port) web=$(free_port) silo=$(free_port) gateway=$(free_port) broker=$(free_port)
clock=$SECONDS
(
  cd "$work/Silo"
  exec env ASPNETCORE_HTTP_PORTS= \
    Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$grpc" Kestrel__Endpoints__Web__Url="http://127.0.0.1:$web" \
    Bandit__Cluster__SiloPort="$silo" Bandit__Cluster__GatewayPort="$gateway" \
    Bandit__Cluster__ClusterId="$cluster" Bandit__Cluster__ServiceId="$cluster" \
    Bandit__Kafka__EmbeddedBrokerPort="$broker" \
    dotnet Bandit.Silo.dll
) >"$work/silo.log" 2>&1 &
silo_pid=$!
pids+=("$silo_pid")
wait_healthy "http://127.0.0.1:$web/health/ready" "$silo_pid" 90 "$work/silo.log"
step "silo pid $silo_pid ready in $((SECONDS - clock)) s: $(curl -fsS "http://127.0.0.1:$web/health/ready" | tr '\n' ' ')"

gateway_grpc=$(free_port) gateway_web=$(free_port)
clock=$SECONDS
(
  cd "$work/Gateway"
  exec env ASPNETCORE_HTTP_PORTS= \
    Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$gateway_grpc" \
    Kestrel__Endpoints__Web__Url="http://127.0.0.1:$gateway_web" Kestrel__Endpoints__Web__Protocols=Http1 \
    Bandit__Cluster__GatewayPort="$gateway" Bandit__Cluster__ClusterId="$cluster" \
    Bandit__Cluster__ServiceId="$cluster" Bandit__Kafka__BootstrapServers="127.0.0.1:$broker" \
    dotnet Bandit.Gateway.dll
) >"$work/gateway.log" 2>&1 &
gateway_pid=$!
pids+=("$gateway_pid")
wait_healthy "http://127.0.0.1:$gateway_web/health/ready" "$gateway_pid" 60 "$work/gateway.log"
step "gateway pid $gateway_pid ready in $((SECONDS - clock)) s:" \
  "$(curl -fsS "http://127.0.0.1:$gateway_web/health/ready" | tr '\n' ' ')"

clock=$SECONDS
stop_gracefully "$gateway_pid" 30 "$work/gateway.log"
step "gateway pid $gateway_pid exited 0 on SIGTERM in $((SECONDS - clock)) s"
clock=$SECONDS
stop_gracefully "$silo_pid" 60 "$work/silo.log"
grep -q "released bandit-clicks partition" "$work/silo.log" \
  || { cat "$work/silo.log" >&2; fail "the silo did not release its partitions on SIGTERM"; }
step "silo pid $silo_pid exited 0 on SIGTERM in $((SECONDS - clock)) s, partitions released"
step "OK"
