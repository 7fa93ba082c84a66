#!/usr/bin/env bash
# Measures the engine process's pipeline with `engine.jar bench` in the configurations the engine issue asks about:
# throughput with the journal on and off (both stage layouts), the cost of sync-batch durability, latency at fixed
# offered rates (HdrHistogram, from intended send times), journal bytes per command and recovery speed.
# Usage: scripts/measure-engine.sh [commands] (default 2000000; recovery uses 10x that). Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000000}"
JAR=engine/target/engine.jar
[ -f "$JAR" ] || mvn -q -DskipTests package -pl engine -am
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT
run() { echo "-- $*"; java -Xms2g -Xmx2g -jar "$JAR" bench --data "$DATA/d" "$@" | sed 1d; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
run --commands "$N" --journal off
run --commands "$N" --journal on
run --commands "$N" --journal on --stages combined
run --commands "$((N / 4))" --journal on --durability sync-batch
run --commands "$N" --journal on --rate 100000
run --commands "$N" --journal off --rate 100000
run --commands "$N" --journal on --rate 300000
run --commands "$((N * 5))" --journal on --recovery
