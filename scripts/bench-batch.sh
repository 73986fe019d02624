#!/usr/bin/env bash
# Batch benchmark (issue #5): `bin/digit-ocr scan` over PAGES generated A4 pages (200 dpi, ~100
# digits each, default 1000) with --jobs 1 and --jobs 2; prints pages/s, peak RSS and the 1-to-2
# scaling.
# Pages are generated once into target/bench-pages/; extra arguments after PAGES go to `scan`.
# Other processes on the machine slow both runs: the load average is printed beside the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000}
shift || true
seed=7
jar=target/digit-ocr.jar

if [[ ! -f $jar || -n $(find src/main pom.xml -newer "$jar" -print -quit) ]]; then
  mvn -q -B package -DskipTests -Dspotless.check.skip=true
fi

input=target/bench-pages/$pages-seed$seed
if [[ ! -f $input/.complete ]]; then
  rm -rf "$input"
  echo "generating $pages pages into $input ..." >&2
  java -jar "$jar" generate-pages --count "$pages" --seed "$seed" --out "$input" >/dev/null
  touch "$input/.complete"
fi

# Pages and pages/s are read from report.json, which only --format json writes: add it.
scan_options=()
while (($#)); do
  case $1 in
    --format=*) scan_options+=("$1,json") ;;
    --format) scan_options+=(--format "$2,json") && shift ;;
    *) scan_options+=("$1") ;;
  esac
  shift
done

load_average() { uptime | sed 's/.*load average: //'; }

declare -A pps
for jobs in 1 2; do
  out=target/bench-out/jobs-$jobs
  rm -rf "$out"
  mkdir -p target/bench-out
  load_before=$(load_average)
  status=0
  /usr/bin/time -v -o "$out.time" \
    bin/digit-ocr scan "$input" --output "$out" --jobs "$jobs" --quiet \
    --log-file "$out.log" "${scan_options[@]}" || status=$?
  load_after=$(load_average)
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' \
    "$out.time")
  rss_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out.time")
  # CPU seconds per page stay flat when the work scales; a share of CPU below jobs x 100% means
  # other processes took the cores.
  cpu=$(awk -F': ' '/(User|System) time/ {s += $2} /Percent of CPU/ {p = $2} END {print s, p}' \
    "$out.time")
  read_pages=$(jq '.pages' "$out/report.json")
  reported=$(jq '.pages_per_second' "$out/report.json")
  pps[$jobs]=$(awk -v p="$read_pages" -v w="$wall" 'BEGIN {printf "%.2f", p / w}')
  read -r cpu_seconds cpu_share <<<"$cpu"
  printf 'jobs %d  pages %d  wall %.1f s  %s pages/s (report.json: %.2f)  peak RSS %d MiB  CPU %s, %.2f s/page  exit %d  load before %s, after %s\n' \
    "$jobs" "$read_pages" "$wall" "${pps[$jobs]}" "$reported" $((rss_kib / 1024)) "$cpu_share" \
    "$(awk -v c="$cpu_seconds" -v p="$read_pages" 'BEGIN {print c / p}')" "$status" \
    "$load_before" "$load_after"
done
awk -v a="${pps[1]}" -v b="${pps[2]}" \
  'BEGIN {printf "scaling jobs 1 -> 2: %.2fx (2.00 is linear) on %d cores\n", b / a, '"$(nproc)"'}'
