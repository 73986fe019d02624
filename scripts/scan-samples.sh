#!/usr/bin/env bash
# The main job: builds the tool and reads every sample in samples/ into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B package -DskipTests
bin/digit-ocr scan samples --output output "$@"
