# Issue 21, point 2: `export --all` in bounded memory. Exports an account of 100k and of
# 1M records (fake-dnspod --domains DxR, no latency) in each format, and reports peak RSS
# (target under 64 MiB whatever the account's size), own CPU (user + sys of dpbatch
# alone, not the fake's) per record (target <= 3.7 us) and wall time.
# Runs alone: `nice -n 19 bash bench/scale-export.sh [--smoke]`; bench/run.sh runs it too.
set -euo pipefail
SMOKE=no
[[ ${1:-} == --smoke ]] && SMOKE=yes
RUNS=1 WARMUP=0
cargo build --release --locked -p dpbatch -p fake-dnspod >&2
# shellcheck source=bench/lib.sh
source bench/lib.sh

# Accounts as DxR (domains x records each); the smoke run checks the script in seconds.
if [[ $SMOKE == yes ]]; then SIZES=(20x50); else SIZES=(100x1000 1000x1000); fi
MAX_KB=$((64 * 1024))
MAX_US=3.7

# One export under GNU time: sets KB (peak RSS), CPU_S (user + sys) and WALL_S.
measure() { # out_arg...
  local stats
  stats=$(env DPBATCH_ENDPOINT="$URL" /usr/bin/time -f "%M %U %S %e" "$BIN" export --all "$@" \
    2>&1 >/dev/null | tail -1)
  read -r KB user sys WALL_S <<<"$stats"
  CPU_S=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
}

ROWS=()
for size in "${SIZES[@]}"; do
  domains=${size%x*} per=${size#*x}
  records=$((domains * (per + 2))) # each domain has DNSPod's two NS records too
  echo "== export of $size" >&2
  start_fake --domains "$size"
  for format in jsonl csv zone; do
    rm -rf "$WORK/out"
    case $format in
      zone) out=(--format zone --out "$WORK/out") ;;
      *) out=(--format "$format" --out "$WORK/out.$format") ;;
    esac
    measure "${out[@]}"
    us=$(awk -v c="$CPU_S" -v n="$records" 'BEGIN { printf "%.2f", c * 1e6 / n }')
    mib=$(awk -v k="$KB" 'BEGIN { printf "%.1f", k / 1024 }')
    ROWS+=("| $size ($records records) | $format | $mib MiB | $(verdict "$KB" "$MAX_KB") | $us us | $(verdict "$us" "$MAX_US") | $(fmt "$WALL_S") s |")
  done
  kill "${PIDS[-1]}" 2>/dev/null || true
done

echo "## Export at scale (issue 21)"
echo
echo "\`export --all\` of a generated account (\`fake-dnspod --domains DxR\`: D domains of R"
echo "\`www\` A records, plus DNSPod's two NS records each; no latency), one run each under"
echo "GNU time: \`DPBATCH_ENDPOINT=URL /usr/bin/time -f '%M %U %S %e' dpbatch export --all"
echo "--format F --out PATH\`. Peak RSS is dpbatch's own (the fake is another process); CPU"
echo "is dpbatch's user + sys over the records written. Export writes each domain as its"
echo "listing comes and holds a few domains' records at once (\`--lookup-jobs\` x 4), so"
echo "its memory follows the largest domains, not the account: the floor is the binary,"
echo "the look-up threads and those domains' listings."
[[ $SMOKE == yes ]] && { echo; echo "(smoke run: tiny sizes, no verdicts)"; }
echo
echo "| account | format | peak RSS | < 64 MiB | CPU per record | <= 3.7 us | wall |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
