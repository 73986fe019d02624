#!/usr/bin/env bash
# The test command: fetches MNIST if needed, then builds, checks formatting and runs all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/fetch-mnist.sh
mvn -B verify "$@"
# bin/digit-ocr on the class-data archive the build made (-Xshare:on: an archive the JVM cannot
# use is an error), and the benchmark's start-up figures with and without it.
figures=$(JAVA_OPTS=-Xshare:on bin/digit-ocr benchmark --json --epochs 1 --cnn-epochs 0 \
  --train-size 256 --test-size 256 --repeats 1 --startup-runs 1 --warm-up-pages 0 --pages 1)
grep -q '"startup_seconds_plain_java"' <<<"$figures" || {
  echo "benchmark measured no start-up with the class-data archive: $figures" >&2
  exit 1
}
echo "bin/digit-ocr starts on the class-data archive; benchmark: $(tr -d '\n ' <<<"$figures")"
# bin/digit-ocr runs scan on C1 alone, with the serial collector and its larger survivor spaces.
flags=$(JAVA_OPTS=-XX:+PrintCommandLineFlags bin/digit-ocr scan samples/form.png \
  --output target/launcher-check --force --quiet)
for flag in -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SurvivorRatio=2; do
  grep -q -- "$flag" <<<"$flags" || {
    echo "bin/digit-ocr scan did not run with $flag: $flags" >&2
    exit 1
  }
done
# bin/digit-ocr preloads jemalloc where the system has it (CI installs libjemalloc2).
if [[ -f /usr/lib/${HOSTTYPE:-x86_64}-linux-gnu/libjemalloc.so.2 ]]; then
  version=$(env -u LD_PRELOAD -u MALLOC_CONF bin/digit-ocr --version)
  grep -q "native memory from jemalloc" <<<"$version" || {
    echo "bin/digit-ocr did not preload the system's jemalloc: $version" >&2
    exit 1
  }
fi
