#!/usr/bin/env bash
# The torchserve backend's added latency and CPU against DJL in-process, measured on this machine: see
# RemoteOverheadBench (src/test/java/.../remote/bench). Arguments: seconds per measurement, rounds, concurrent callers.
set -euo pipefail
cd "$(dirname "$0")/../.."
# one reactor run, so the sibling modules are their target/classes, not whatever ~/.m2 holds
mvn -B -q -o -pl predict-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/remote-overhead.classpath
cd predict-service
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/remote-overhead.classpath)" \
    dev.fraudscore.predictservice.remote.bench.RemoteOverheadBench "$@"
