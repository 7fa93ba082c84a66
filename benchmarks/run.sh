#!/usr/bin/env bash
# Runs the benchmark suite, our side and exchange-core's side alternating in one run, and writes
# benchmarks/results/<UTC timestamp>/ with the raw JMH JSON, the latency JSON lines, logs and results.md.
#
#   benchmarks/run.sh [quick|full]
#
# quick: one fork, short iterations, one round (about 8-10 minutes on 2 cores).
# full:  two forks, longer iterations, two rounds of the whole alternation (about an hour).
# Environment: JAVA (default: java on the PATH), MVN_ARGS (default: -o, offline), SKIP_BUILD=1 to reuse the jars.
set -euo pipefail

MODE="${1:-quick}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA="${JAVA:-java}"
OURS_JAR="$ROOT/benchmarks/jmh/target/benchmarks.jar"
PEER_JAR="$ROOT/benchmarks/peer-exchange-core/target/peer-benchmarks.jar"
PEER_FLAGS=(--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
            --add-opens=java.base/java.lang=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)

case "$MODE" in
  quick)
    ROUNDS=1
    JMH_OPS=(-f 1 -wi 3 -w 500ms -i 5 -r 500ms)
    JMH_MIX=(-f 1 -wi 2 -w 1s -i 5 -r 1s)
    JMH_PIPE=(-f 1 -wi 2 -w 2s -i 4 -r 2s)
    LAT=(--warmup-seconds 1 --seconds 3)
    ;;
  full)
    ROUNDS=2
    JMH_OPS=(-f 2 -wi 5 -w 1s -i 10 -r 1s)
    JMH_MIX=(-f 2 -wi 5 -w 2s -i 10 -r 2s)
    JMH_PIPE=(-f 2 -wi 5 -w 2s -i 10 -r 2s)
    LAT=(--warmup-seconds 5 --seconds 20)
    ;;
  *)
    echo "usage: $0 [quick|full]" >&2
    exit 2
    ;;
esac
RATES="100000,1000000"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  echo "== building both benchmark jars"
  (cd "$ROOT" && mvn -q ${MVN_ARGS:--o} -DskipTests package -pl benchmarks/jmh,benchmarks/peer-exchange-core -am)
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

# Our pipeline benchmarks plug in here once the engine's pipeline exists: a JMH class named
# PipelineThroughputBenchmark (method pipeline, @Param journal off|on) and a latency main
# org.mmwinter.bench.jmh.latency.PipelineLatency taking the harness options (--variant journal-off|journal-on).
# Until then the report shows those rows as not measured.
ours_has_pipeline_jmh() { "$JAVA" -jar "$OURS_JAR" -l 2>/dev/null | grep -q 'PipelineThroughputBenchmark'; }
ours_has_pipeline_latency() { unzip -l "$OURS_JAR" 2>/dev/null | grep -q 'org/mmwinter/bench/jmh/latency/PipelineLatency.class'; }

jmh() { # side name jar [jvm flags...] -- jmh args...
  local side="$1" name="$2" jar="$3"; shift 3
  local flags=()
  while [[ "$1" != "--" ]]; do flags+=("$1"); shift; done
  shift
  echo "== [$side] $name"
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
  jmh ours mixed "$OURS_JAR" -- 'org.mmwinter.bench.jmh.MixedWorkloadBenchmark' "${JMH_MIX[@]}"
  jmh peer mixed "$PEER_JAR" -- 'org.mmwinter.bench.peer.MixedWorkloadBenchmark' "${JMH_MIX[@]}"
  latency ours org.mmwinter.bench.jmh.latency.DisruptorHopLatency "$OURS_JAR" -- --variant yielding
  if ours_has_pipeline_latency; then
    latency ours org.mmwinter.bench.jmh.latency.PipelineLatency "$OURS_JAR" -- --variant journal-off
  fi
  latency peer org.mmwinter.bench.peer.pipeline.PipelineLatency "$PEER_JAR" "${PEER_FLAGS[@]}" -- --variant journal-off
  if ours_has_pipeline_latency; then
    latency ours org.mmwinter.bench.jmh.latency.PipelineLatency "$OURS_JAR" -- --variant journal-on
  fi
  latency peer org.mmwinter.bench.peer.pipeline.PipelineLatency "$PEER_JAR" "${PEER_FLAGS[@]}" -- --variant journal-on
  if ours_has_pipeline_jmh; then
    jmh ours pipeline "$OURS_JAR" -- 'org.mmwinter.bench.jmh.*PipelineThroughputBenchmark' "${JMH_PIPE[@]}"
  fi
  jmh peer pipeline "$PEER_JAR" -- 'org.mmwinter.bench.peer.pipeline.PipelineThroughputBenchmark' "${JMH_PIPE[@]}"
done

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
python3 "$ROOT/benchmarks/summarize.py" "$OUT"
echo "== wrote $OUT/results.md"
