#!/usr/bin/env bash
# Starts a 3-member engine cluster on this machine (127.0.0.1, base ports 9000, 9010, 9020; data under DIR) and
# prints each member's status lines prefixed with its node; Ctrl-C (or SIGTERM) stops all three.
# Usage: scripts/cluster-local.sh [DIR] (default: a new temporary directory).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=engine/target/engine.jar
[ -f "$JAR" ] || mvn -q -DskipTests package -pl engine -am
DATA="${1:-$(mktemp -d)}"
MEMBERS=127.0.0.1:9000,127.0.0.1:9010,127.0.0.1:9020
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; wait' INT TERM EXIT
for N in 0 1 2; do
  # The member's own PID goes into PIDS (not a pipeline's last stage), so the trap stops the JVMs themselves;
  # sed -u passes each status line on as it comes, to a file as well as to a terminal.
  java -Xmx512m -jar "$JAR" cluster --node "$N" --members "$MEMBERS" --data "$DATA/node$N" \
    > >(sed -u "s/^/[$N] /") 2>&1 &
  PIDS+=($!)
done
echo "cluster of 3 on $MEMBERS, data in $DATA"
wait
