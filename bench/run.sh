#!/usr/bin/env bash
# Benchmarks dpbatch against what a user would otherwise script (curl, and curl | jq), on
# the project's fake DNSPod over loopback, and writes the results to BENCHMARKS.md.
#
#   bench/run.sh           sizes 10, 1,000 and 10,000 domains; writes BENCHMARKS.md
#   bench/run.sh --smoke   every workload at a tiny size, few runs; writes
#                          target/bench/BENCHMARKS.smoke.md (CI runs this so the script keeps
#                          working; it judges no timing, and checks only that `plan` after
#                          `apply` finds no change)
#
# Needs jq, curl and GNU time (/usr/bin/time), and hyperfine for a full run; it never
# installs them: a full run stops naming what is missing, a smoke run without jq, curl or
# time is skipped, saying so (CI must pass without them), and without hyperfine it times a
# plain loop of the same commands, saying so.
set -euo pipefail
cd "$(dirname "$0")/.."

SMOKE=no
if [[ ${1:-} == --smoke ]]; then
  SMOKE=yes
  SIZES=(10); RUNS=3; WARMUP=1; CREATE_DOMAINS=10; WAITS=("1:0.5"); REPEATS=1; LOOKUPS=(20 20)
  # Operations larger than one job: domains x records each, job size, job seconds, interval.
  SPLIT=(6 10 10 1 0.5); FOLLOW4=(4 10 10 1 0.5); EXPORT=(10 10)
  # Desired state: job seconds; (a) domains, www records each; (b) domains, www records
  # each, creates a domain, modifies; (c) domains, records each; single calls timed.
  JOB_SECS=1; APPLY_A=(6 5); APPLY_B=(4 3 2 10); PLAN_C=(20 5); BASELINE_CALLS=10
  OUT=target/bench/BENCHMARKS.smoke.md
else
  SIZES=(10 1000 10000); RUNS=20; WARMUP=3; CREATE_DOMAINS=10000; WAITS=("3:0.5" "6:2" "10:2"); REPEATS=3
  # Domains of the look-up benchmark: legacy (paced at 20 a second), API 3.0 (100 a second).
  LOOKUPS=(400 2000)
  SPLIT=(6 5000 5000 5 0.5); FOLLOW4=(4 5000 5000 3 0.5); EXPORT=(100 100)
  JOB_SECS=5; APPLY_A=(2000 5); APPLY_B=(300 17 20 5000); PLAN_C=(2000 50); BASELINE_CALLS=40
  OUT=BENCHMARKS.md
fi
RECORDS=2

# --- tools -----------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then
  if [[ $SMOKE == yes ]]; then
    if [[ ${missing[*]} != hyperfine ]]; then
      echo "== benchmark smoke run skipped: ${missing[*]} not installed (only the benchmark needs them)" >&2
      exit 0
    fi
  else
    echo "bench/run.sh needs ${missing[*]}: install them (on Debian: apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
if command -v hyperfine >/dev/null; then
  TIMER=$(hyperfine --version)
else
  TIMER="a plain timed loop (hyperfine missing)"
  echo "== hyperfine missing: timing a plain loop of each command instead" >&2
fi

echo "== building release binaries" >&2
cargo build --release --locked -p dpbatch -p fake-dnspod >&2
# shellcheck source=bench/lib.sh
source bench/lib.sh

# The request a script would send with curl, as a shell command string.
curl_detail() { echo "curl -s -X POST '$URL/Batch.Detail' -A '$UA' -d 'login_token=$TOKEN&format=json&lang=en&error_on_empty=no&job_id=$1'"; }

# --- the jobs --------------------------------------------------------------------------
jobs_args=()
for size in "${SIZES[@]}"; do jobs_args+=(--job "${size}x$RECORDS"); done
# Without job limits: hyperfine submits the same jobs again and again, and no run waits for
# its jobs, which the vendor's 4 unfinished jobs would refuse from the fifth run on.
start_fake --no-job-limits "${jobs_args[@]}"
export DPBATCH_ENDPOINT=$URL
declare -A JOB
for size in "${SIZES[@]}"; do
  JOB[$size]=$(awk -v s="$size" '$1 == "job" && $3 == s { sub(":", "", $2); print $2 }' "$LOG")
done

echo "== start-up" >&2
hyper -N --export-json "$WORK/startup.json" "$BIN --version" "curl --version"
START_DP=$(median_ms "$WORK/startup.json" 0)
START_CURL=$(median_ms "$WORK/startup.json" 1)

declare -A BODY JSON_MS PIPE_MS TABLE_MS JSON_KB TABLE_KB V3_MS
for size in "${SIZES[@]}"; do
  job=${JOB[$size]}
  echo "== detail of $size domains (job $job)" >&2
  BODY[$size]=$(eval "$(curl_detail "$job")" | wc -c)
  hyper --export-json "$WORK/detail-$size.json" \
    -n "dpbatch --json" "$BIN detail $job --json" \
    -n "curl | jq -c ." "$(curl_detail "$job") | jq -c ." \
    -n "dpbatch table" "$BIN detail $job" \
    -n "dpbatch --api v3 --json" "$V3 $BIN detail $job --json"
  JSON_MS[$size]=$(median_ms "$WORK/detail-$size.json" 0)
  PIPE_MS[$size]=$(median_ms "$WORK/detail-$size.json" 1)
  TABLE_MS[$size]=$(median_ms "$WORK/detail-$size.json" 2)
  V3_MS[$size]=$(median_ms "$WORK/detail-$size.json" 3)
  JSON_KB[$size]=$(peak_kb "$BIN" detail "$job" --json)
  TABLE_KB[$size]=$(peak_kb "$BIN" detail "$job")
done
VERSION_KB=$(peak_kb "$BIN" --version)

echo "== domain-create of $CREATE_DOMAINS domains" >&2
seq -f "bench-%05g.example" "$CREATE_DOMAINS" >"$WORK/domains.txt"
paste -sd, "$WORK/domains.txt" >"$WORK/domains.csv"
hyper --export-json "$WORK/create.json" \
  -n "dpbatch domain-create --file" "$BIN domain-create --file $WORK/domains.txt" \
  -n "curl" "curl -s -X POST '$URL/Batch.Domain.Create' -A '$UA' -d 'login_token=$TOKEN&format=json&lang=en&error_on_empty=no' --data-urlencode domains@$WORK/domains.csv"
CREATE_DP=$(median_ms "$WORK/create.json" 0)
CREATE_CURL=$(median_ms "$WORK/create.json" 1)
CREATE_KB=$(peak_kb "$BIN" domain-create --file "$WORK/domains.txt")
CREATE_REQUEST=$(wc -c <"$WORK/domains.csv")
CREATE_ANSWER=$(curl -s -X POST "$URL/Batch.Domain.Create" -A "$UA" -d "login_token=$TOKEN&format=json&lang=en&error_on_empty=no" \
  --data-urlencode "domains@$WORK/domains.csv" | wc -c)

# What signing one API 3.0 request costs, from an ignored test built with the release
# profile (a full optimised build: left out of --smoke).
if [[ $OUT == BENCHMARKS.md ]]; then
  echo "== signing cost" >&2
  SIGN_NS=$(cargo test --release --locked --bin dpbatch -- --ignored signing_cost --nocapture 2>/dev/null \
    | sed -n 's/^signing: \([0-9]*\) ns per request$/\1/p')
else
  SIGN_NS="(not measured in --smoke)"
fi

# --- look-ups side by side ---------------------------------------------------------------
# A selection over D domains against a fake that takes 50 ms to answer: --lookup-jobs 8
# (the default) against 1, and against the floors D x 50 ms / 8 and the pacing's D / rate.
LATENCY_MS=50
LOOKUP_ROWS=()
lookup_case() { # api domains rate
  local api=$1 domains=$2 rate=$3 env_prefix=""
  [[ $api == v3 ]] && env_prefix=$V3
  start_fake --latency "$LATENCY_MS" --domains "$domains"
  seq -f "bench%05g.example" "$domains" >"$WORK/lookup.txt"
  local cmd="$BIN record-modify --domain-file $WORK/lookup.txt --sub www --type A --change ttl --to 60 --dry-run"
  local t8 t1
  # shellcheck disable=SC2086 # the prefix and the command are word lists
  /usr/bin/time -f %e -o "$WORK/t8" env DPBATCH_ENDPOINT="$URL" $env_prefix $cmd >/dev/null 2>&1
  # shellcheck disable=SC2086
  /usr/bin/time -f %e -o "$WORK/t1" env DPBATCH_ENDPOINT="$URL" $env_prefix $cmd --lookup-jobs 1 >/dev/null 2>&1
  t8=$(tail -1 "$WORK/t8"); t1=$(tail -1 "$WORK/t1")
  local floor pace
  floor=$(awk -v d="$domains" -v l="$LATENCY_MS" 'BEGIN { printf "%.2f", d * l / 1000 / 8 }')
  pace=$(awk -v d="$domains" -v r="$rate" 'BEGIN { printf "%.2f", d / r }')
  LOOKUP_ROWS+=("| $api | $domains | $t8 s | $t1 s | $(ratio "$t1" "$t8") | $floor s | $(ratio "$t8" "$floor") | $pace s | $(ratio "$t8" "$pace") |")
}
echo "== look-ups side by side" >&2
lookup_case legacy "${LOOKUPS[0]}" 20
lookup_case v3 "${LOOKUPS[1]}" 100

# --- waiting on jobs of known duration -------------------------------------------------
echo "== waiting" >&2
WAIT_ROWS=()
for case in "${WAITS[@]}"; do
  duration=${case%%:*}; interval=${case##*:}
  start_fake --elapsed "$duration"
  for run in $(seq "$REPEATS"); do
    started=$(date +%s.%N)
    DPBATCH_ENDPOINT=$URL "$BIN" -v domain-create "wait-$run.example" --wait --interval "$interval" 2>"$WORK/wait.log" >/dev/null
    ended=$(date +%s.%N)
    calls=$(grep -c "Batch.Detail answered" "$WORK/wait.log")
    allowed=$(awk -v d="$duration" -v i="$interval" 'BEGIN { c = d / i; print (c == int(c) ? c : int(c) + 1) + 2 }')
    late=$(awk -v s="$started" -v e="$ended" -v d="$duration" 'BEGIN { printf "%.2f", e - s - d }')
    ok=$(awk -v c="$calls" -v a="$allowed" -v l="$late" -v i="$interval" 'BEGIN { print (c <= a && l <= i) ? "met" : "missed" }')
    if [[ $SMOKE == yes ]]; then ok=-; fi
    WAIT_ROWS+=("| ${duration} s | ${interval} s | $run | $calls | $allowed | $late s | $ok |")
  done
done

# --- operations larger than one job -------------------------------------------------------
# record-modify --wait of every www record of D domains with R records each, on a fake that
# answers after 50 ms and finishes each job S seconds after its submit, with the vendor's
# limits on (5000 records a job, 4 unfinished jobs). The floor: ceil(jobs / 4) rounds of S,
# plus one round trip per submit.
split_case() { # domains records job_size job_secs interval
  local domains=$1 records=$2 size=$3 secs=$4 interval=$5
  start_fake --latency "$LATENCY_MS" --elapsed "$secs" --domains "${domains}x$records"
  seq -f "bench%05g.example" "$domains" >"$WORK/split.txt"
  local started ended
  started=$(date +%s.%N)
  DPBATCH_ENDPOINT=$URL "$BIN" -v record-modify --domain-file "$WORK/split.txt" --sub www --type A \
    --change ttl --to 60 --job-size "$size" --wait --interval "$interval" --json \
    2>"$WORK/split.log" >"$WORK/split.jsonl"
  ended=$(date +%s.%N)
  SPLIT_JOBS=$(wc -l <"$WORK/split.jsonl")
  SPLIT_WALL=$(awk -v s="$started" -v e="$ended" 'BEGIN { printf "%.2f", e - s }')
  SPLIT_FLOOR=$(awk -v j="$SPLIT_JOBS" -v s="$secs" -v l="$LATENCY_MS" \
    'BEGIN { r = int((j + 3) / 4); printf "%.2f", r * s + j * l / 1000 }')
  SPLIT_CALLS=$(grep -c "Batch.Detail answered" "$WORK/split.log")
  SPLIT_OK=$(jq -s '[.[].success] | add' "$WORK/split.jsonl")
}
echo "== operations larger than one job" >&2
split_case "${SPLIT[@]}"
A_ROW="| ${SPLIT[0]} x ${SPLIT[1]} | ${SPLIT[2]} | ${SPLIT[3]} s | $SPLIT_JOBS | $SPLIT_OK | $SPLIT_WALL s | $SPLIT_FLOOR s | $(ratio "$SPLIT_WALL" "$SPLIT_FLOOR") $(verdict "$(ratio "$SPLIT_WALL" "$SPLIT_FLOOR")" 1.2) |"
split_case "${FOLLOW4[@]}"
allowed=$(awk -v d="${FOLLOW4[3]}" -v i="${FOLLOW4[4]}" 'BEGIN { c = d / i; print (c == int(c) ? c : int(c) + 1) + 2 }')
per_job=$(ratio "$SPLIT_CALLS" "$SPLIT_JOBS")
C_ROW="| $SPLIT_JOBS | ${FOLLOW4[3]} s | ${FOLLOW4[4]} s | $SPLIT_CALLS | $per_job | $allowed | $(verdict "$per_job" "$allowed") |"

# --- export ------------------------------------------------------------------------------
# `export --all` of an account of D domains with R records each (10,000 records), against a
# fake that answers after 50 ms: wall time against the look-ups' floors, as above.
export_case() { # api domains records rate
  local api=$1 domains=$2 records=$3 rate=$4 env_prefix=""
  [[ $api == v3 ]] && env_prefix=$V3
  start_fake --latency "$LATENCY_MS" --domains "${domains}x$records"
  # shellcheck disable=SC2086 # the prefix is a word list
  /usr/bin/time -f %e -o "$WORK/te" env DPBATCH_ENDPOINT="$URL" $env_prefix "$BIN" export --all \
    --out "$WORK/export.jsonl" 2>/dev/null
  local t exported floor pace
  t=$(tail -1 "$WORK/te")
  exported=$(grep -c '"bench' "$WORK/export.jsonl")
  floor=$(awk -v d="$domains" -v l="$LATENCY_MS" 'BEGIN { printf "%.2f", d * l / 1000 / 8 }')
  pace=$(awk -v d="$domains" -v r="$rate" 'BEGIN { printf "%.2f", d / r }')
  EXPORT_ROWS+=("| $api | $domains x $records | $exported | $t s | $floor s | $(ratio "$t" "$floor") | $pace s | $(ratio "$t" "$pace") |")
}
echo "== export" >&2
EXPORT_ROWS=()
export_case legacy "${EXPORT[@]}" 20
export_case v3 "${EXPORT[@]}" 100

# --- desired state: apply and plan (bench/desired.sh) --------------------------------------
# shellcheck source=bench/desired.sh
source bench/desired.sh
A_ROWS=(); B_ROWS=(); C_ROWS=()
echo "== apply (a): the same records on every domain, one TTL on every record" >&2
apply_a legacy 20 "${APPLY_A[@]}"
apply_a v3 100 "${APPLY_A[@]}"
echo "== apply (b): records and values of their own" >&2
apply_b legacy "${APPLY_B[@]}"
apply_b v3 "${APPLY_B[@]}"
echo "== plan (c) alone" >&2
plan_c legacy "${PLAN_C[@]}"
plan_c v3 "${PLAN_C[@]}"

# --- the tool's own work at scale (bench/scale-*.sh) ---------------------------------------
# Each is a script of its own that prints its Markdown section on stdout and runs alone too
# (`bench/scale-import.sh [--smoke]`); here its section goes into the report.
SCALE_SECTIONS=()
for section in bench/scale-*.sh; do
  [[ -e $section ]] || continue
  echo "== $section" >&2
  if [[ $SMOKE == yes ]]; then
    SCALE_SECTIONS+=("$(bash "$section" --smoke)")
  else
    SCALE_SECTIONS+=("$(bash "$section")")
  fi
done

# --- report ----------------------------------------------------------------------------
# One row of the memory table: case, answer bytes, peak KiB, whether the target is judged.
memory_row() {
  local r above
  r=$(ratio "$(($3 * 1024))" "$2")
  above=$(ratio "$((($3 - VERSION_KB) * 1024))" "$2")
  echo "| $1 | $2 B | $3 KiB | $r | $([[ $4 == yes ]] && verdict "$r" 4 || echo "floor-dominated") | $above |"
}

mkdir -p "$(dirname "$OUT")"
cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
{
  echo "# Benchmarks"
  echo
  echo "Written by \`bench/run.sh\`$([[ $OUT == BENCHMARKS.md ]] || echo " --smoke") on $(date -u +%Y-%m-%d) at commit \`$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\`."
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB, $(uname -sr)."
  echo "Tools: $(rustc --version), $TIMER, $(curl --version | head -1 | cut -d' ' -f1-2), $(jq --version)."
  echo
  echo "Everything runs against \`fake-dnspod\` on loopback with jobs of N domains x $RECORDS records"
  echo "(N domains + 2N records = 3N items). Times are hyperfine medians of $RUNS runs after $WARMUP warm-up runs;"
  echo "ratios compare medians measured in the same run. Peak memory is GNU time's maximum RSS."
  echo "Rerun with \`bench/run.sh\` (about 40 minutes, most of it the paced desired-state workloads; it needs hyperfine, jq, curl and GNU time and installs none of them)."
  echo
  echo "## Start-up"
  echo
  echo "| command | median | ratio to curl | target | |"
  echo "|---|---|---|---|---|"
  echo "| \`dpbatch --version\` | $(fmt "$START_DP") ms | $(ratio "$START_DP" "$START_CURL") | <= 1.5 | $(verdict "$(ratio "$START_DP" "$START_CURL")" 1.5) |"
  echo "| \`curl --version\` | $(fmt "$START_CURL") ms | 1.00 | | |"
  echo
  echo "## \`detail JOB\` against \`curl -s -X POST ... | jq -c .\`"
  echo
  echo "| domains | answer | \`--json\` | \`curl \\| jq -c .\` | ratio (target <= 1.0) | table | ratio (target <= 2.0) |"
  echo "|---|---|---|---|---|---|---|"
  for size in "${SIZES[@]}"; do
    r_json=$(ratio "${JSON_MS[$size]}" "${PIPE_MS[$size]}")
    r_table=$(ratio "${TABLE_MS[$size]}" "${PIPE_MS[$size]}")
    echo "| $size | ${BODY[$size]} B | $(fmt "${JSON_MS[$size]}") ms | $(fmt "${PIPE_MS[$size]}") ms | $r_json $(verdict "$r_json" 1.0) | $(fmt "${TABLE_MS[$size]}") ms | $r_table $(verdict "$r_table" 2.0) |"
  done
  if ((${#SIZES[@]} >= 3)); then
    echo
    g_json=$(ratio "${JSON_MS[10000]}" "${JSON_MS[1000]}")
    g_table=$(ratio "${TABLE_MS[10000]}" "${TABLE_MS[1000]}")
    g_pipe=$(ratio "${PIPE_MS[10000]}" "${PIPE_MS[1000]}")
    echo "Growth from 1,000 to 10,000 domains (target <= 12x): \`--json\` ${g_json}x ($(verdict "$g_json" 12)),"
    echo "table ${g_table}x ($(verdict "$g_table" 12)); \`curl | jq\` for comparison ${g_pipe}x."
  fi
  echo
  echo "## The same \`detail --json\` on API 3.0"
  echo
  echo "\`dpbatch --api v3 detail JOB --json\`: a signed JSON request (TC3-HMAC-SHA256) and the \`{\"Response\": ...}\`"
  echo "answer of DescribeBatchTask, against legacy \`detail --json\` and \`curl | jq -c .\` of the legacy answer."
  echo
  echo "| domains | v3 \`--json\` | legacy \`--json\` | ratio v3 / legacy | ratio v3 / \`curl \| jq\` |"
  echo "|---|---|---|---|---|"
  for size in "${SIZES[@]}"; do
    echo "| $size | $(fmt "${V3_MS[$size]}") ms | $(fmt "${JSON_MS[$size]}") ms | $(ratio "${V3_MS[$size]}" "${JSON_MS[$size]}") | $(ratio "${V3_MS[$size]}" "${PIPE_MS[$size]}") |"
  done
  echo
  echo "Signing one request (canonical request, string to sign, the HMAC chain, the headers),"
  echo "the mean of 20,000 in a release build: ${SIGN_NS} ns."
  echo
  echo "## Peak memory against the answer's size (target <= 4x)"
  echo
  echo "The floor (\`dpbatch --version\`: binary and runtime) is $VERSION_KB KiB; against a small answer it is"
  echo "all there is, so the target is judged where the answer dominates, at 10,000 domains. The last"
  echo "column is what the case adds above the floor, per byte of answer."
  echo
  echo "| case | answer | peak RSS | ratio | | above the floor |"
  echo "|---|---|---|---|---|---|"
  for size in "${SIZES[@]}"; do
    judged=$([[ $size -ge 10000 ]] && echo yes || echo no)
    memory_row "\`detail --json\` of $size domains" "${BODY[$size]}" "${JSON_KB[$size]}" "$judged"
    memory_row "\`detail\` (table) of $size domains" "${BODY[$size]}" "${TABLE_KB[$size]}" "$judged"
  done
  memory_row "\`domain-create --file\` of $CREATE_DOMAINS domains (its answer echoes them)" "$CREATE_ANSWER" "$CREATE_KB" \
    "$([[ $CREATE_DOMAINS -ge 10000 ]] && echo yes || echo no)"
  echo
  echo "## \`domain-create --file\` of $CREATE_DOMAINS domains against the same POST by curl"
  echo
  echo "The request carries $CREATE_REQUEST bytes of names; the answer echoes them in $CREATE_ANSWER bytes."
  echo "dpbatch sends them as jobs of at most 5000 domains, the second 50 ms after the first (the vendor's"
  echo "limits: 5000 records a job, 20 calls a second an action); curl's single POST of more would be"
  echo "refused by the real API, and this fake runs with its limits off for this table."
  echo
  echo "| command | median | ratio to curl |"
  echo "|---|---|---|"
  echo "| \`dpbatch domain-create --file\` | $(fmt "$CREATE_DP") ms | $(ratio "$CREATE_DP" "$CREATE_CURL") |"
  echo "| \`curl --data-urlencode domains@FILE\` | $(fmt "$CREATE_CURL") ms | 1.00 |"
  echo
  echo "## Look-ups side by side"
  echo
  echo "\`record-modify --domain-file F --sub www --type A ... --dry-run\` over D domains, against a fake that"
  echo "answers after ${LATENCY_MS} ms: one look-up a domain. One run each, wall time. The parallel floor is"
  echo "D x ${LATENCY_MS} ms / 8; the pacing floor is D / rate, the per-action rate dpbatch keeps under (legacy 20"
  echo "a second, API 3.0's DescribeRecordList 100). The larger floor binds."
  echo
  echo "| API | D | \`--lookup-jobs 8\` | \`--lookup-jobs 1\` | speed-up | parallel floor | ratio | pacing floor | ratio |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${LOOKUP_ROWS[@]}"
  echo
  echo "## Operations larger than one job"
  echo
  echo "\`dpbatch -v record-modify --domain-file F --sub www --type A --change ttl --to 60 --job-size N --wait\`"
  echo "over D domains of R \`www\` records each, against a fake that answers after ${LATENCY_MS} ms, finishes each"
  echo "job S seconds after its submit, and enforces the vendor's limits (5000 records a job, 4 unfinished"
  echo "jobs an account). One run, wall time, look-ups of the selection included. The floor is what the"
  echo "limits allow: ceil(jobs / 4) rounds of S, plus one ${LATENCY_MS} ms round trip per submit."
  echo
  echo "| D x R | job size | S | jobs | items ok | wall | floor | ratio (target <= 1.2) |"
  echo "|---|---|---|---|---|---|---|---|"
  echo "$A_ROW"
  echo
  echo "The same with four jobs followed at once (polled in one loop, each once per interval):"
  echo "Batch.Detail calls per job against ceil(S / I) + 2."
  echo
  echo "| jobs | S | I | Detail calls | per job | allowed | |"
  echo "|---|---|---|---|---|---|---|"
  echo "$C_ROW"
  echo
  echo "## Export"
  echo
  echo "\`dpbatch export --all --out FILE\` of an account of D domains with R records each, against a fake"
  echo "that answers after ${LATENCY_MS} ms: one Domain.List page, then one Record.List page a domain. One run,"
  echo "wall time. The floors are the look-ups' (above): D x ${LATENCY_MS} ms / 8, and D / rate. Records"
  echo "written counts DNSPod's two NS records a domain too, which every listing holds."
  echo
  echo "| API | D x R | records written | wall | parallel floor | ratio | pacing floor | ratio |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${EXPORT_ROWS[@]}"
  echo
  echo "## Waiting on jobs of known duration"
  echo
  echo "\`dpbatch -v domain-create ... --wait --interval I\` against a fake whose jobs finish D seconds after"
  echo "submission. Targets: Batch.Detail calls <= ceil(D / I) + 2, and returned within one interval of"
  echo "the job finishing (late = wall time - D, which includes the submit itself)."
  echo
  echo "| D | I | run | Detail calls | allowed | late | |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${WAIT_ROWS[@]}"
  echo
  echo "## Desired state: \`apply\` and \`plan\`"
  echo
  echo "Against a fake that answers after ${LATENCY_MS} ms, finishes each job ${JOB_SECS} s after its submit and keeps"
  echo "the vendor's limits (5000 records a job, 4 unfinished jobs, 80 jobs an hour; on API 3.0 each"
  echo "action's documented rate). \`dpbatch -v apply DIR --force --wait --interval 0.5\`, one run, wall"
  echo "time from start to exit, look-ups included. Jobs are the submits its \`-v\` lines show (the count the"
  echo "floor assumes in brackets), calls its single-record calls. How the floors"
  echo "are worked out is in the text below the tables$([[ $SMOKE == yes ]] && echo "; a smoke run judges none of them")."
  echo
  echo "### (a) Homogeneous: the same 3 records added to every domain, every \`www\` record to TTL 60"
  echo
  echo "| API | domains | creates | modifies | jobs | calls | wall | floor | ratio (target <= 1.2) | one call | one call a change | speed-up (target >= 20) | \`plan --exit-code\` after |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${A_ROWS[@]}"
  echo
  echo "### (b) Records and values of their own"
  echo
  echo "| API | domains | creates (distinct) | modifies (each its value) | jobs | calls | wall | floor | ratio (target <= 1.5) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${B_ROWS[@]}"
  echo
  echo "### (c) \`plan\` alone"
  echo
  echo "\`dpbatch plan FILE\` of every record of D domains (one in ten with a new TTL) against a fake with no"
  echo "latency; CPU is user + sys of the whole run and memory its peak RSS (GNU time)."
  echo
  echo "| API | D x R | desired file | wall | CPU (target < 1 s) | peak RSS | ratio to the file (target < 4) |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${C_ROWS[@]}"
  echo
  echo "### The floors"
  echo
  echo "Every apply first reads each domain of its files once: D look-ups at the pace dpbatch keeps"
  echo "(legacy 20 a second, which the vendor does not document; API 3.0's DescribeRecordList 100), so"
  echo "D / 20 or D / 100 seconds before anything is sent, whatever else the schedule does."
  echo
  echo "(a) The 3 records are one record list for every domain: one create job carries 1666 domains"
  echo "(3 records each, at most 5000 a job), so ceil(D / 1666) jobs; the TTL is one field to one value:"
  echo "ceil(M / 5000) jobs of 5000 (Batch.Record.Modify, ModifyRecordBatchV3). Jobs beat calls here: a"
  echo "job of 5000 takes ${JOB_SECS} s, 5000 calls take 250 s at 20 a second (10 s at API 3.0's 500, and only"
  echo "with 25 connections at once). With 4 unfinished jobs at a time the jobs go in ceil(jobs / 4)"
  echo "rounds of ${JOB_SECS} s, plus one ${LATENCY_MS} ms round trip a submit: floor = D / pace + ceil(jobs / 4) x ${JOB_SECS} s"
  echo "+ jobs x ${LATENCY_MS} ms. At D = 2000 and M = 10,000: 2 + 2 = 4 jobs, one round: legacy 100 + 5 + 0.2 ="
  echo "105.2 s, API 3.0 20 + 5 + 0.2 = 25.2 s. The baseline is what a tool of one call per change pays"
  echo "(DNSControl, octoDNS, Terraform on DNSPod): one call a domain to read it and one a change, one"
  echo "at a time on one connection, at the measured time of one call (\`one call\`: Record.Create calls"
  echo "sent by one curl process over one kept-alive connection to the same fake, at least 50 ms: 20 a"
  echo "second), (D + creates + modifies) x one call. On the legacy API the look-ups alone are"
  echo "D / 20 s, so the speed-up cannot pass (D + changes) / D = 9 at D = 2000 and 16,000 changes,"
  echo "whatever dpbatch does with the changes: the 20x target can be met on API 3.0 only."
  echo
  echo "(b) No two domains share a record list, so a create job carries one domain's c = 20 records,"
  echo "and each modify its own value. On API 3.0 the cheapest schedule is the creates by CreateRecord"
  echo "(500 a second: 6000 in 12 s; as jobs, 80 an hour of 20 records would take an hour and more) beside"
  echo "one ModifyRecordBatchV3 job of the 5000 modifies (${JOB_SECS} s; ModifyRecord calls would take 10 s):"
  echo "floor = D / 100 + max(C / 500, ceil(M / 5000 / 4) x ${JOB_SECS} s) = 3 + 12 = 15 s. It needs the"
  echo "calls sent 25 at a time at ${LATENCY_MS} ms a call; one at a time the creates alone take C x ${LATENCY_MS} ms"
  echo "(300 s). On the legacy API a modify of one record's own value is a job of one record (80 an hour) or"
  echo "a Record.Modify call, 20 a second: M / 20 = 250 s; the creates go by Record.Create calls beside"
  echo "create jobs of one domain, 4 at a time, at most 80 (1600 records in 100 s): (C - 1600) / 20 ="
  echo "220 s, side by side with the modifies (each action its own 20 a second): floor = D / 20 +"
  echo "max(M / 20, creates) = 15 + 250 = 265 s. One call at a time on one connection instead (every"
  echo "action sharing 20 a second): 15 + (M + C - 1600) / 20 = 485 s."
  echo
  echo "(c) \`plan\` sends only look-ups, so its wall time is the look-ups' pace (D / 20 s legacy, D / 100"
  echo "API 3.0); the targets are CPU (user + sys under 1 s for 100,000 records over 2000 domains) and peak"
  echo "memory (under 4x the desired file)."
  for section in "${SCALE_SECTIONS[@]}"; do
    echo
    echo "$section"
  done
} >"$OUT"
echo "== wrote $OUT" >&2
cat "$OUT"
