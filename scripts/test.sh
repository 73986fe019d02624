#!/usr/bin/env bash
# The test command: fetches MNIST if needed, then builds, checks formatting and runs all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/fetch-mnist.sh
mvn -B verify "$@"
