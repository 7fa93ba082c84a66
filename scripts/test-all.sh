#!/usr/bin/env bash
# The whole test suite: the engine module on Java 25 (Temurin, beside the default JDK), then every module on the
# default Java 17. Exits non-zero as soon as a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

JDK25="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ -x "$JDK25/bin/java" ]; then
  echo "== engine tests on $("$JDK25/bin/java" -version 2>&1 | head -1)"
  JAVA_HOME="$JDK25" mvn -B -ntp -pl engine -am test
else
  echo "== Java 25 not found at $JDK25 (set JDK25_HOME): engine tests on Java 25 skipped"
fi

echo "== all tests on $(java -version 2>&1 | head -1)"
mvn -B -ntp test
