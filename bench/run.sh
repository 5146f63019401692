#!/usr/bin/env bash
# The benchmark suite for "A million arms, fast": micro benchmarks of src/Ranking (BenchmarkDotNet), then the
# real silo (Release, Redis persistence, standalone dev broker) against two baselines that read the same topic
# and answer the same gRPC API: Redis (a Lua script per event) and in-memory (dictionary + indexed heap).
# Prints the machine, every measurement as it is taken, and a results table with the issue's targets; the whole
# output goes to bench/results/run-<time>.log and the table to bench/results/table-<time>.txt (git-ignored).
# Everything listens on 127.0.0.1 on free ports; every process started is stopped by its PID.
#
#   bench/run.sh            the full run: 3 repeats of everything at 1e3, 1e5 and 1e6 arms. On a 2-core box this
#                           takes about an hour (9 catch-up runs per system of up to 60 s each, and per system
#                           and repeat a warm-up of 1e6 arms plus up to three 60 s trials); with
#                           BENCH_REPEATS=2 BENCH_MAX_TRIALS=2 it took 35 minutes, micro benchmarks included.
#                           A quick run judges the 1e6-arm targets at its largest size and produces faster
#                           while measuring latency: its figures do not compare with a full run's.
#   bench/run.sh --quick    1e3 and 1e5 arms, 1M events, 16 partitions, 1 repeat, 15 s trials, 10 s GetTopK runs
#                           (about 7-10 minutes)
#
# Knobs (environment variables; unset means the mode's default):
#   BENCH_SIZES=1000,100000,1000000   arm counts; catch-up runs at each, live measures at the largest
#   BENCH_EVENTS=10000000             events preloaded per size (the broker check says if it kept them all)
#   BENCH_PARTITIONS=64               partitions of every topic
#   BENCH_REPEATS=3                   repeats of every measure (median [min..max] reported)
#   BENCH_SYSTEMS=bandit,redis,inmemory
#   BENCH_CATCHUP_LIMIT=60            seconds from a system's start that its catch-up may take; past it the rate
#                                     covers what it applied (marked *)
#   BENCH_TRIAL_SECONDS=60            length of one sustained-rate trial
#   BENCH_MAX_TRIALS=3                trials per sustained-rate ladder
#   BENCH_LIVE_RATE=0                 produce rate during GetTopK/freshness; 0: half the slowest sustained rate,
#                                     at least 1,000/s and at most 50,000/s
#   BENCH_TOPK_SECONDS=20             length of each GetTopK latency run (1,000 rps)
#   BENCH_CONFIGURATION=Release       build configuration of the silo and the baselines
#   BENCH_WARMUP_LIMIT=180            seconds a live session waits for a system to take in one impression of
#                                     each of the N posts; a system that cannot gets no live figures there
#   BENCH_PROBES=50                   freshness probes
#   BENCH_SEED=1
#   BENCH_SKIP_MICRO=1                leave out the micro benchmarks
#   BENCH_MICRO_FILTER='*'            BenchmarkDotNet --filter
set -euo pipefail
cd "$(dirname "$0")/.."

mode=()
for arg in "$@"; do
  case "$arg" in
    --quick) mode=(--quick) ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

mkdir -p bench/results
log="bench/results/run-$(date -u +%Y%m%d-%H%M%S).log"

if ! command -v redis-server >/dev/null; then
  echo "run.sh: installing redis-server (Debian package)"
  apt-get install -y redis-server >/dev/null \
    || { apt-get update >/dev/null && apt-get install -y redis-server >/dev/null; }
  # The package starts a system instance on 6379; the bench runs its own, so leave that one alone.
fi

set +e
{
  set -e
  echo "run.sh: building (Release)"
  dotnet build -c Release bench/Bandit.Bench -nologo -v q -clp:ErrorsOnly
  dotnet build -c Release bench/Micro -nologo -v q -clp:ErrorsOnly

  if [ "${BENCH_SKIP_MICRO:-0}" != 1 ]; then
    echo "run.sh: micro benchmarks (src/Ranking, BenchmarkDotNet short in-process runs)"
    BENCH_MICRO_ARTIFACTS=bench/results/micro \
      dotnet bench/Micro/bin/Release/net10.0/bandit-bench-micro.dll --filter "${BENCH_MICRO_FILTER:-*}" \
      | grep -E '^\||Global total time|^(Bench|Runtime|AMD|Intel)' || true
  fi

  echo "run.sh: system benchmarks"
  dotnet bench/Bandit.Bench/bin/Release/net10.0/bandit-bench.dll run "${mode[@]}"
} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
echo "run.sh: full output in $log"
exit "$status"
