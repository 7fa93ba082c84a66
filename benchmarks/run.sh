#!/usr/bin/env bash
# Runs the benchmark suite, our side and exchange-core's side alternating in one run, and writes
# benchmarks/results/<UTC timestamp>/ with the raw JMH JSON, the latency JSON lines, logs and results.md.
#
#   benchmarks/run.sh [quick|full]
#
# quick: one fork, short iterations, one round, a 5-million-command soak, snapshot restarts after 10 M and 30 M
#        commands, engine.jar bench and bot-bench, the compressed and the full-length Terra day, replay match on a
#        1 M-line flow (about 20 minutes on 2 cores; the full Terra day's journals take about 14 GB of the temporary
#        directory while it runs).
# full:  two forks, longer iterations, two rounds of the whole alternation, the 100-million-command soak, snapshot
#        restarts after 10 M and 100 M commands, the full-length Terra crash day (about two hours; the soak's input
#        journal takes about 2 GB of the temporary directory while it runs, the crash day about 14 GB).
# Environment: JAVA (default: java on the PATH), MVN_ARGS (default: -o, offline), SKIP_BUILD=1 to reuse the jars.
set -euo pipefail

MODE="${1:-quick}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA="${JAVA:-java}"
OURS_JAR="$ROOT/benchmarks/jmh/target/benchmarks.jar"
ENGINE_JAR="$ROOT/engine/target/engine.jar"
REPLAY_JAR="$ROOT/replay/target/replay.jar"
PEER_JAR="$ROOT/benchmarks/peer-exchange-core/target/peer-benchmarks.jar"
PEER_FLAGS=(--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
            --add-opens=java.base/java.lang=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
# Our journal (Chronicle Queue) needs the root pom's chronicle.jvm.flags; the one list, read from the pom.
read -r -a OURS_FLAGS <<< "$(sed -n 's:.*<chronicle.jvm.flags>\(.*\)</chronicle.jvm.flags>.*:\1:p' "$ROOT/pom.xml")"
if [[ ${#OURS_FLAGS[@]} -eq 0 ]]; then
  echo "cannot read chronicle.jvm.flags from $ROOT/pom.xml" >&2
  exit 1
fi

case "$MODE" in
  quick)
    ROUNDS=1
    JMH_OPS=(-f 1 -wi 3 -w 500ms -i 5 -r 500ms)
    JMH_MIX=(-f 1 -wi 2 -w 1s -i 5 -r 1s)
    MIX_IDS=(-p ids=alnum8,uuid36 -p restingOrders=1000)
    JMH_PIPE=(-f 1 -wi 2 -w 2s -i 4 -r 2s)
    # Our pipeline: every journal setting with the default (split) stages, the combined and single stages with the
    # journal on, numeric ids (what exchange-core's side sends); then 36-character ids with the journal on.
    OURS_PIPE_RUNS=("-p journal=off,on,sync -p stages=split -p ids=numeric"
                    "-p journal=on -p stages=combined,single -p ids=numeric"
                    "-p journal=on -p stages=split -p ids=uuid36")
    LAT=(--warmup-seconds 1 --seconds 3)
    SOAK=(--commands 5000000 --every 250000)
    RECOVERY=(--commands 10000000 --runs 3)
    # Restart from a snapshot after each of these many commands, with the same tail after it.
    SNAPSHOT_AT=(10000000 30000000)
    BENCH_COMMANDS=3000000
    # The full-length Terra day is one of issue 15's targets and takes under 3 minutes now: quick mode runs it too.
    CRASH_DAY=1
    ;;
  full)
    ROUNDS=2
    JMH_OPS=(-f 2 -wi 5 -w 1s -i 10 -r 1s)
    JMH_MIX=(-f 2 -wi 5 -w 2s -i 10 -r 2s)
    MIX_IDS=(-p ids=alnum8,uuid36)
    JMH_PIPE=(-f 2 -wi 5 -w 2s -i 10 -r 2s)
    OURS_PIPE_RUNS=("-p journal=off,on,sync,on+output -p stages=combined,split,single -p ids=numeric"
                    "-p journal=on -p stages=split -p ids=alnum8,uuid36")
    LAT=(--warmup-seconds 5 --seconds 20)
    SOAK=(--commands 100000000 --every 5000000)
    RECOVERY=(--commands 10000000 --runs 3)
    SNAPSHOT_AT=(10000000 100000000)
    BENCH_COMMANDS=10000000
    CRASH_DAY=1
    ;;
  *)
    echo "usage: $0 [quick|full]" >&2
    exit 2
    ;;
esac
RATES="100000,1000000"
# The search for the highest sustained rate starts here and steps by 1.5x (see MaxRateSearch).
MAX_SEARCH_START=250000

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  echo "== building both benchmark jars"
  (cd "$ROOT" && mvn -q ${MVN_ARGS:--o} -DskipTests package -pl benchmarks/jmh,benchmarks/peer-exchange-core,replay -am)
fi

OUT="$ROOT/benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT/logs"
echo "== results in $OUT"

{
  echo "mode: $MODE"
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "commit: $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$ROOT" && git diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "cores: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
  echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  echo "jdk: $("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.name|java.runtime.version/ {printf "%s ", $2}')"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.txt"
"$JAVA" -cp "$OURS_JAR" org.mmwinter.bench.workload.WorkloadSummary > "$OUT/workload.txt"
cat "$OUT/machine.txt" "$OUT/workload.txt"

jmh() { # side name jar [jvm flags...] -- jmh args...
  local side="$1" name="$2" jar="$3"; shift 3
  local flags=()
  while [[ "$1" != "--" ]]; do flags+=("$1"); shift; done
  shift
  echo "== [$side] $name $*"
  "$JAVA" "${flags[@]}" -jar "$jar" "$@" -prof gc -rf json -rff "$OUT/jmh-$name-$side-r$ROUND.json" \
    > "$OUT/logs/jmh-$name-$side-r$ROUND.log" 2>&1 || echo "   (JMH exited with $?, see logs/jmh-$name-$side-r$ROUND.log)"
  grep -E '^(Benchmark|[A-Za-z]+Benchmark\.[a-zA-Z]+ )' "$OUT/logs/jmh-$name-$side-r$ROUND.log" || true
}

latency() { # side main jar [jvm flags...] -- options...
  local side="$1" main="$2" jar="$3"; shift 3
  local flags=()
  while [[ "$1" != "--" ]]; do flags+=("$1"); shift; done
  shift
  echo "== [$side] latency ${main##*.} $*"
  "$JAVA" "${flags[@]}" -Xms3g -Xmx3g -cp "$jar" "$main" --rates "$RATES" "${LAT[@]}" --out "$OUT/latency-$side.jsonl" "$@" \
    2>&1 | tee -a "$OUT/logs/latency-$side.log" || echo "   (latency run failed, see logs/latency-$side.log)"
}

for ((ROUND = 1; ROUND <= ROUNDS; ROUND++)); do
  echo "== round $ROUND of $ROUNDS"
  jmh ours ops "$OURS_JAR" -- 'org.mmwinter.bench.jmh.OrderBookOpsBenchmark' "${JMH_OPS[@]}"
  jmh peer ops "$PEER_JAR" -- 'org.mmwinter.bench.peer.OrderBookOpsBenchmark' "${JMH_OPS[@]}"
  # Numeric ids beside exchange-core and the naive book; then our engine alone with string ids (8 and 36 chars).
  jmh ours mixed "$OURS_JAR" -- 'org.mmwinter.bench.jmh.MixedWorkloadBenchmark' -p ids=numeric "${JMH_MIX[@]}"
  jmh ours mixedids "$OURS_JAR" -- 'org.mmwinter.bench.jmh.MixedWorkloadBenchmark' -p impl=ours "${MIX_IDS[@]}" \
    "${JMH_MIX[@]}"
  # The 1,000-order book in an engine built for a million orders (issue 15: speed must not follow the capacity).
  jmh ours mixedcap "$OURS_JAR" -- 'org.mmwinter.bench.jmh.MixedWorkloadBenchmark' -p impl=ours -p ids=numeric \
    -p restingOrders=1000 -p capacity=1048576 "${JMH_MIX[@]}"
  jmh peer mixed "$PEER_JAR" -- 'org.mmwinter.bench.peer.MixedWorkloadBenchmark' "${JMH_MIX[@]}"
  latency ours org.mmwinter.bench.jmh.latency.DisruptorHopLatency "$OURS_JAR" -- --variant yielding
  latency ours org.mmwinter.bench.jmh.latency.PipelineLatency "$OURS_JAR" "${OURS_FLAGS[@]}" -- --variant journal-off
  latency peer org.mmwinter.bench.peer.pipeline.PipelineLatency "$PEER_JAR" "${PEER_FLAGS[@]}" -- --variant journal-off
  latency ours org.mmwinter.bench.jmh.latency.PipelineLatency "$OURS_JAR" "${OURS_FLAGS[@]}" -- --variant journal-on
  latency peer org.mmwinter.bench.peer.pipeline.PipelineLatency "$PEER_JAR" "${PEER_FLAGS[@]}" -- --variant journal-on
  latency ours org.mmwinter.bench.jmh.latency.PipelineLatency "$OURS_JAR" "${OURS_FLAGS[@]}" -- \
    --variant journal-on/single
  latency ours org.mmwinter.bench.jmh.latency.PipelineLatency "$OURS_JAR" "${OURS_FLAGS[@]}" -- --variant journal-sync
  latency ours org.mmwinter.bench.jmh.latency.PipelineLatency "$OURS_JAR" "${OURS_FLAGS[@]}" -- \
    --variant journal-on --find-max --rates "$MAX_SEARCH_START"
  latency peer org.mmwinter.bench.peer.pipeline.PipelineLatency "$PEER_JAR" "${PEER_FLAGS[@]}" -- \
    --variant journal-on --find-max --rates "$MAX_SEARCH_START"
  # Issue 15's bound: the highest rate with p99 within 1 ms (ours only), from a lower start.
  latency ours org.mmwinter.bench.jmh.latency.PipelineLatency "$OURS_JAR" "${OURS_FLAGS[@]}" -- \
    --variant journal-on --find-max --rates 50000 --max-p99-us 1000
  part=0
  for params in "${OURS_PIPE_RUNS[@]}"; do
    part=$((part + 1))
    # shellcheck disable=SC2086 # params holds several JMH options on purpose
    jmh ours "pipeline$part" "$OURS_JAR" -- 'org.mmwinter.bench.jmh.pipeline.PipelineThroughputBenchmark' \
      $params "${JMH_PIPE[@]}"
  done
  jmh peer pipeline "$PEER_JAR" -- 'org.mmwinter.bench.peer.pipeline.PipelineThroughputBenchmark' "${JMH_PIPE[@]}"
done

# Once per run, not per round: the soak (heap after GC and journal bytes per command over a long run, input
# journal on, output journal off) and recovery (start() rebuilding state from a journal of N commands).
echo "== [ours] soak ${SOAK[*]} (temporary directory: $(df -h "${TMPDIR:-/tmp}" | awk 'NR == 2 {print $4 " free"}'))"
"$JAVA" "${OURS_FLAGS[@]}" -Xms2g -Xmx2g -cp "$OURS_JAR" org.mmwinter.bench.jmh.soak.PipelineSoak "${SOAK[@]}" \
  --out "$OUT/soak.csv" > "$OUT/logs/soak.log" 2>&1 || echo "   (soak failed, see logs/soak.log)"
tail -n 1 "$OUT/logs/soak.log"
echo "== [ours] recovery ${RECOVERY[*]}"
"$JAVA" "${OURS_FLAGS[@]}" -Xms2g -Xmx2g -cp "$OURS_JAR" org.mmwinter.bench.jmh.pipeline.PipelineRecovery \
  "${RECOVERY[@]}" --out "$OUT/recovery.jsonl" 2>&1 | tee "$OUT/logs/recovery.log" || echo "   (recovery failed, see logs/recovery.log)"

for at in "${SNAPSHOT_AT[@]}"; do
  echo "== [ours] restart from a snapshot taken after $at commands, 1,000,000 journaled after it"
  "$JAVA" "${OURS_FLAGS[@]}" -Xms2g -Xmx2g -cp "$OURS_JAR" org.mmwinter.bench.jmh.pipeline.PipelineRecovery \
    --commands "$at" --snapshot-tail 1000000 --runs 3 --out "$OUT/recovery.jsonl" 2>&1 | tee -a "$OUT/logs/recovery.log" \
    || echo "   (snapshot restart failed, see logs/recovery.log)"
done
echo "== [ours] snapshot write time of a 1,000,000-order book"
"$JAVA" "${OURS_FLAGS[@]}" -Xms3g -Xmx3g -cp "$OURS_JAR" org.mmwinter.bench.jmh.pipeline.PipelineRecovery \
  --resting-orders 1000000 --commands 1000000 --snapshot-tail 0 --runs 1 --out "$OUT/recovery.jsonl" 2>&1 \
  | tee -a "$OUT/logs/recovery.log" || echo "   (snapshot of the big book failed, see logs/recovery.log)"

# The process as shipped: engine.jar bench with its defaults (input and output journals on, split stages, no bot),
# three runs after its default warm-up of 2 M commands (the running process), then one without (its first seconds).
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/mmwinter-bench.XXXXXX")"
for run in 1 2 3 4; do
  warmup=2000000
  [[ $run == 4 ]] && warmup=0
  echo "== [ours] engine.jar bench --commands $BENCH_COMMANDS --warmup $warmup (run $run of 4)"
  "$JAVA" -jar "$ENGINE_JAR" bench --commands "$BENCH_COMMANDS" --warmup "$warmup" --data "$SCRATCH/bench-data" \
    > "$OUT/logs/bench-$run.log" 2>&1 || echo "   (bench failed, see logs/bench-$run.log)"
  rate="$(sed -n 's/.*throughput=\([0-9]*\) commands.*/\1/p' "$OUT/logs/bench-$run.log")"
  grep -E '^(commands|input journal)' "$OUT/logs/bench-$run.log" || true
  if [[ -n "$rate" ]]; then
    echo "{\"benchmark\":\"bench\",\"commands\":$BENCH_COMMANDS,\"warmup\":$warmup,\"commandsPerSecond\":$rate}" \
      >> "$OUT/bench.jsonl"
  fi
done
# What the hosted market maker costs: engine.jar bot-bench alternates runs with the bot off and on over one flow.
echo "== [ours] engine.jar bot-bench --commands 1000000 --runs 3 (bot off and on, alternating)"
"$JAVA" -jar "$ENGINE_JAR" bot-bench --commands 1000000 --runs 3 --data "$SCRATCH/bot-bench" \
  > "$OUT/logs/bot-bench.log" 2>&1 || echo "   (bot-bench failed, see logs/bot-bench.log)"
grep -E '^bot-(off|on)' "$OUT/logs/bot-bench.log" | cut -c1-110 || true
sed -n 's/^bot-\(off\|on\) *run=\([0-9]*\) .*throughput=\([0-9]*\)\/s.*/{"benchmark":"bot-bench","bot":"\1","run":\2,"commandsPerSecond":\3}/p' \
  "$OUT/logs/bot-bench.log" >> "$OUT/bot-bench.jsonl"

# The compressed Terra day as the README's first command runs it (three bots, each in lockstep with its own engine).
echo "== [ours] compressed Terra crash day (replay crash --scenario terra)"
"$JAVA" -jar "$REPLAY_JAR" crash --scenario terra --out "$SCRATCH/crash-compressed" \
  > "$OUT/logs/crash-compressed.log" 2>&1 || echo "   (crash day failed, see logs/crash-compressed.log)"
grep '^crash' "$OUT/logs/crash-compressed.log" || true
mkdir -p "$OUT/crash-compressed"
cp "$SCRATCH/crash-compressed/summary.json" "$OUT/crash-compressed/" 2>/dev/null || true
if [[ "$CRASH_DAY" == "1" ]]; then
  echo "== [ours] full-length Terra crash day, reference bot only (about 3 minutes; ~14 GB of journals in $SCRATCH)"
  "$JAVA" -jar "$REPLAY_JAR" crash --scenario terra --length full --reference-only --out "$SCRATCH/crash-full" \
    > "$OUT/logs/crash-full.log" 2>&1 || echo "   (crash day failed, see logs/crash-full.log)"
  mkdir -p "$OUT/crash-full"
  cp "$SCRATCH/crash-full/summary.json" "$OUT/crash-full/" 2>/dev/null || true
fi
# replay match on a 1,000,000-line synthetic flow, five runs: the wall time of the whole process (JVM start included)
# is what the target counts; the command's own elapsed= (after start-up) is kept beside it.
echo "== [ours] replay match, 1,000,000-line flow (replay sample-flow --lines 1000000), 5 runs"
if "$JAVA" -jar "$REPLAY_JAR" sample-flow --lines 1000000 --out "$SCRATCH/flow-1m.csv" \
    > "$OUT/logs/replay-match.log" 2>&1; then
  for run in 1 2 3 4 5; do
    rm -rf "$SCRATCH/match-out"
    start_ns=$(date +%s%N)
    if "$JAVA" -jar "$REPLAY_JAR" match --input "$SCRATCH/flow-1m.csv" --out "$SCRATCH/match-out" \
        >> "$OUT/logs/replay-match.log" 2>&1; then
      wall_ns=$(( $(date +%s%N) - start_ns ))
      inner=$(sed -n 's/^replay match: .* elapsed=\([0-9.]*\)s .*/\1/p' "$OUT/logs/replay-match.log" | tail -1)
      echo "   run $run: ${wall_ns:0:-6} ms wall, elapsed=${inner}s after start-up"
      echo "{\"benchmark\":\"replay-match\",\"run\":$run,\"elapsedSeconds\":$(awk "BEGIN{print $wall_ns/1e9}"),\"innerSeconds\":${inner:-0},\"flow\":\"sample-flow 1,000,000 lines, seed 20240501, wall time of the process\"}" \
        >> "$OUT/replay-match.jsonl"
    else
      echo "   (replay match failed, see logs/replay-match.log)"
    fi
  done
else
  echo "   (sample-flow failed, see logs/replay-match.log)"
fi
rm -rf "$SCRATCH"

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
python3 "$ROOT/benchmarks/summarize.py" "$OUT"
echo "== wrote $OUT/results.md"
