#!/usr/bin/env bash
# Durable receivers side by side with Spring Modulith (docs/modules/ROOT/pages/benchmarks.adoc): packages this
# standalone project with the repository's Maven wrapper, then runs its driver, which starts PostgreSQL 14 (embedded),
# starts the Spring Boot application, then the Quarkus application of quarkus-app/ (the outbox's durable receivers), once
# per case (a fresh database each time), measures the sending and the completion rates, runs the crash scenario and
# prints the tables (also written to target/side-by-side/results.adoc).
#
#   benchmarks/spring-modulith/run.sh                          10,000 events per round, 3 rounds, crash at order 5,000
#   benchmarks/spring-modulith/run.sh --only throughput        the rates only (or --only crash)
#   benchmarks/spring-modulith/run.sh --events 500 --warmup 200 --rounds 1     a quick check that it works
#   benchmarks/spring-modulith/run.sh --app quarkus            one side only (spring, quarkus or both, the default)
#
#   BENCH_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/app.jfr" run.sh   JVM options for the applications
#   BENCH_MAVEN_OPTS="-Dmaven.repo.local=/tmp/m2-bench -Dmaven.repo.local.tail=$HOME/.m2/repository" run.sh
#                                                          Maven options for every build it runs, here the extension
#                                                          installed into a repository of its own (README)
#
# Driver options (--name value): --events, --warmup, --rounds, --crash-at, --synchronous-commit (off, zonky's
# setting, or on), --postgres-port (15432), --http-port (18080), --work (target/side-by-side), --only, --app.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

read -r -a maven_options <<<"${BENCH_MAVEN_OPTS:-}"
"$here/../../mvnw" -q -B -ntp "${maven_options[@]}" -f "$here/pom.xml" package -DskipTests
# the outbox's side: one package per listener (quarkus-app/target/<listener>), on the extension as installed in the
# local repository (./mvnw install -DskipTests -pl outbox/deployment -am from the repository's root)
for listener in none plain durable; do
    "$here/../../mvnw" -q -B -ntp "${maven_options[@]}" -f "$here/quarkus-app/pom.xml" package -DskipTests -Dbench.listener="$listener"
done
cd "$here"
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory," \
    "load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
exec java -Dloader.main=io.quarkiverse.moduleevents.benchmarks.springmodulith.driver.SideBySideDriver \
    -jar target/side-by-side.jar "$@"
