#!/usr/bin/env bash
# Builds what the benchmarks need, runs them and prints their tables (docs/modules/ROOT/pages/benchmarks.adoc).
#
#   benchmarks/run.sh                   everything: the dispatch suite (JMH), then the start-up and build cost suite
#   benchmarks/run.sh quick             the dispatch suite with short iterations and one fork (under five minutes)
#   benchmarks/run.sh dispatch [ARGS]   the dispatch suite only; ARGS go to JMH (e.g. -p observers=10)
#   benchmarks/run.sh dispatch-pairs [PAIRS]
#                                       moduleEmitterSend against arcPreselectedFire at one receiver, as PAIRS (10)
#                                       pairs of one-fork runs made one right after the other, in alternating order;
#                                       prints each pair's ratio and their median (about 5 minutes for 10 pairs)
#   benchmarks/run.sh startup [ARGS]    the start-up and build cost suite only; ARGS go to its driver, e.g.
#                                       --sizes 10x10x1,100x10x2,50x100x1,100x100x1 --builds 3 --starts 9
#                                       (--builds 0 starts the last run's applications again, without building)
#   benchmarks/run.sh startup-step [ARGS]
#                                       the core extension's recorded start-up steps (none since the emitters are
#                                       generated), as Quarkus's -Dquarkus.debug.print-startup-times=true prints them:
#                                       builds the application of 100 modules x 100 events once, starts it 9 times,
#                                       writes the median of their sum and of "started in" to
#                                       benchmarks/target/startup-step.json (about 3 minutes); ARGS go to its driver,
#                                       e.g. --starts 15 or --size 50x100x1
#   benchmarks/run.sh boundaries [ARGS]
#                                       what the module boundary check adds to the extension's build steps: builds
#                                       the application of 100 modules x 100 events 5 times with
#                                       quarkus.module-events.boundaries=ignore and 5 times with warn, alternating,
#                                       writes the medians to benchmarks/target/boundary-cost.json (about 10 minutes);
#                                       ARGS go to its driver, e.g. --builds 9 or --size 50x100x1
#   benchmarks/run.sh relay [ARGS]      the outbox relay's throughput against the plain Kafka connector (JMH, embedded
#                                       PostgreSQL and Kafka); ARGS go to JMH (e.g. -p relayBatchSize=100,500)
#   benchmarks/run.sh relay-cost [ARGS] what the outbox adds to a business transaction: a transaction inserting an order,
#                                       with and without a bridged event, the relay held back and publishing (JMH,
#                                       embedded PostgreSQL and Kafka, about 6 minutes); ARGS go to JMH
#   benchmarks/run.sh relay-drain [ARGS]
#                                       the relay draining a backlog of 100,000 committed rows against the plain Kafka
#                                       connector sending the same records (JMH single shots, about 6 minutes); ARGS go
#                                       to JMH (e.g. -p relayBatchSize=100,500)
#   benchmarks/run.sh durable [ARGS]    what a durable receiver adds to its sending transaction, and its records
#                                       delivered per second (JMH, embedded PostgreSQL); ARGS go to JMH
#
# JMH's JSON lands in benchmarks/target/jmh-result.json (the relay suite's in benchmarks/relay/target/jmh-result.json,
# the durable suite's in benchmarks/relay/target/durable-result.json, relay-cost's and relay-drain's in cost-result.json
# and drain-result.json beside it),
# the start-up suite's in benchmarks/target/startup/startup-result.json; each suite also writes its table as AsciiDoc
# beside its JSON.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-all}"
[ $# -gt 0 ] && shift

jar=benchmarks/target/quarkus-module-events-benchmarks-999-SNAPSHOT-runner.jar
result=benchmarks/target/jmh-result.json
relay_jar=benchmarks/relay/target/quarkus-module-events-relay-benchmarks-999-SNAPSHOT-runner.jar
relay_result=benchmarks/relay/target/jmh-result.json
durable_result=benchmarks/relay/target/durable-result.json
cost_result=benchmarks/relay/target/cost-result.json
drain_result=benchmarks/relay/target/drain-result.json

build() {
    echo "== Building the extension (installed: the generated start-up applications resolve it from ~/.m2) and the benchmarks"
    ./mvnw -q -B install -pl runtime,deployment -am -DskipTests
    ./mvnw -q -B package -pl benchmarks -DskipTests
}

machine() {
    echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory," \
        "load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
    if awk -v cores="$(nproc)" '{ exit !($1 > cores / 2) }' /proc/loadavg; then
        echo "== WARNING: the machine is busy with other work; the figures will be noisy"
    fi
}

dispatch() {
    echo "== Dispatch suite: java -cp $jar org.openjdk.jmh.Main DispatchBenchmark -prof gc -rf json -rff $result $*"
    java -cp "$jar" org.openjdk.jmh.Main DispatchBenchmark -prof gc -rf json -rff "$result" "$@"
    java -cp "$jar" io.quarkiverse.moduleevents.benchmarks.DispatchReport "$result"
}

# $1: how many pairs
dispatch_pairs() {
    local pairs="$1" directory=benchmarks/target/dispatch-pairs
    rm -rf "$directory" && mkdir -p "$directory"
    echo "== $pairs pairs of java -cp $jar org.openjdk.jmh.Main 'DispatchBenchmark.<benchmark>\$' -p observers=1 -f 1" \
        "-rf json -rff $directory/<pair>-<benchmark>.json"
    for pair in $(seq 1 "$pairs"); do
        local order="arcPreselectedFire moduleEmitterSend"
        [ $((pair % 2)) = 0 ] && order="moduleEmitterSend arcPreselectedFire"
        for benchmark in $order; do
            java -cp "$jar" org.openjdk.jmh.Main "DispatchBenchmark.$benchmark\$" -p observers=1 -f 1 \
                -rf json -rff "$directory/$pair-$benchmark.json" > "$directory/$pair-$benchmark.log"
        done
    done
    java -cp "$jar" io.quarkiverse.moduleevents.benchmarks.PairedDispatchReport "$directory"
}

build_relay() {
    echo "== Building the extensions the relay benchmark needs (installed: its application resolves them) and the benchmark"
    ./mvnw -q -B install -pl benchmarks/relay -am -DskipTests
}

relay() {
    echo "== Relay suite: java -cp $relay_jar org.openjdk.jmh.Main RelayThroughputBenchmark -rf json -rff $relay_result $*"
    java -cp "$relay_jar" org.openjdk.jmh.Main RelayThroughputBenchmark -rf json -rff "$relay_result" "$@"
    java -cp "$relay_jar" io.quarkiverse.moduleevents.benchmarks.relay.RelayReport "$relay_result"
}

# $1: the benchmark class, $2: its JSON result; the rest go to JMH
outbox_cost() {
    local benchmark="$1" json="$2"
    shift 2
    echo "== $benchmark: java -cp $relay_jar org.openjdk.jmh.Main $benchmark -rf json -rff $json $*"
    java -cp "$relay_jar" org.openjdk.jmh.Main "$benchmark" -rf json -rff "$json" "$@"
    java -cp "$relay_jar" io.quarkiverse.moduleevents.benchmarks.relay.OutboxCostReport "$json"
}

durable() {
    echo "== Durable receiver suite: java -cp $relay_jar org.openjdk.jmh.Main DurableReceiverBenchmark -rf json -rff $durable_result $*"
    java -cp "$relay_jar" org.openjdk.jmh.Main DurableReceiverBenchmark -rf json -rff "$durable_result" "$@"
}

startup_step() {
    echo "== Start-up steps of the extension, with -Dquarkus.debug.print-startup-times=true"
    java -cp "$jar" io.quarkiverse.moduleevents.benchmarks.startup.StartupStep --repo . \
        --work benchmarks/target/startup-step --result benchmarks/target/startup-step.json "$@"
}

boundaries() {
    echo "== Module boundary check's cost in the extension's build steps"
    java -cp "$jar" io.quarkiverse.moduleevents.benchmarks.startup.BoundaryCost --repo . \
        --work benchmarks/target/boundary-cost --result benchmarks/target/boundary-cost.json "$@"
}

startup() {
    echo "== Start-up and build cost suite"
    java -cp "$jar" io.quarkiverse.moduleevents.benchmarks.startup.StartupBenchmark --repo . \
        --work benchmarks/target/startup "$@"
}

case "$mode" in
    quick | dispatch | dispatch-pairs | startup | startup-step | boundaries | relay | relay-cost | relay-drain | durable | all) machine ;;
esac
case "$mode" in
    quick)
        build
        dispatch -f 1 -wi 3 -w 1s -i 3 -r 500ms "$@"
        ;;
    dispatch)
        build
        dispatch "$@"
        ;;
    dispatch-pairs)
        build
        dispatch_pairs "${1:-10}"
        ;;
    startup)
        build
        startup "$@"
        ;;
    startup-step)
        build
        startup_step "$@"
        ;;
    boundaries)
        build
        boundaries "$@"
        ;;
    relay)
        build_relay
        relay "$@"
        ;;
    relay-cost)
        build_relay
        outbox_cost BusinessTransactionBenchmark "$cost_result" "$@"
        ;;
    relay-drain)
        build_relay
        outbox_cost BacklogDrainBenchmark "$drain_result" "$@"
        ;;
    durable)
        build_relay
        durable "$@"
        ;;
    all)
        build
        dispatch
        startup
        ;;
    *)
        echo "usage: benchmarks/run.sh [quick | dispatch [JMH args] | dispatch-pairs [pairs] | startup [driver args] | startup-step [driver args] | boundaries [driver args] | relay [JMH args] | relay-cost [JMH args] | relay-drain [JMH args] | durable [JMH args]]" >&2
        exit 2
        ;;
esac
