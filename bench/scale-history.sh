#!/usr/bin/env bash
# The job history at scale (issue 21, point 3): `jobs`, a `--last` read (`detail --last`,
# one Batch.Detail call) and a split submit (`domain-create` of 5,001 domains: two jobs)
# with a 100,000-line history against the same with a one-line history, each a ratio
# (target: within 1.2x); and the history's size after a 100,000-record `record-modify`.
# Runs alone: `nice -n 19 bash bench/scale-history.sh [--smoke]`; prints its Markdown
# section on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
SMOKE=no
[[ ${1:-} == --smoke ]] && SMOKE=yes
RUNS=10 WARMUP=2
LINES=100000 MODIFY=100000
if [[ $SMOKE == yes ]]; then RUNS=1 WARMUP=0 LINES=1000 MODIFY=1000; fi

echo "== building release binaries" >&2
cargo build --release --locked -p dpbatch -p fake-dnspod >&2
# shellcheck source=bench/lib.sh
source bench/lib.sh
# --smoke runs each command once, without hyperfine.
if [[ $SMOKE == yes ]]; then hyper() { timed_loop "$@"; }; fi

start_fake --no-job-limits --job 1x1
export DPBATCH_ENDPOINT=$URL
LAST_JOB=$(awk '$1 == "job" { sub(":", "", $2); print $2; exit }' "$LOG")

# A history of N lines in dpbatch's own format, one job a minute (the vendor takes 80 an
# hour), ending now: every tenth a record-modify of 100 records with its before-state in
# the line (as dpbatch before issue 21 kept it), the rest domain-creates; the newest names
# the fake's finished job, for `detail --last`.
history_of() { # lines dir
  mkdir -p "$2/dpbatch"
  awk -v n="$1" -v url="$URL" -v now="$(date +%s)" -v last="$LAST_JOB" 'BEGIN {
    for (i = 1; i <= n; i++) {
      at = now - (n - i) * 60
      id = (i == n) ? last : 1000000 + i
      head = sprintf("{\"job_id\":%s,\"action\":", id)
      tail = sprintf("\"api\":\"legacy\",\"endpoint\":\"%s\",\"credential\":\"520001\",\"profile\":null,\"submitted_at\":%d", url, at)
      if (i % 10 || i == n) {
        printf "%s\"domain-create\",\"spec\":{\"kind\":\"domain-create\",\"domains\":[\"h%07d.example\"]},%s}\n", head, i, tail
        continue
      }
      ids = ""; before = ""
      for (r = 0; r < 100; r++) {
        ids = ids (r ? "," : "") (i * 100 + r)
        before = before (r ? "," : "") sprintf("{\"domain\":\"h%07d.example\",\"record_id\":%d,\"sub_domain\":\"www\",\"record_type\":\"A\",\"line\":\"默认\",\"value\":\"10.0.0.1\",\"ttl\":600,\"enabled\":true}", i, i * 100 + r)
      }
      printf "%s\"record-modify\",\"spec\":{\"kind\":\"record-modify\",\"record_ids\":[%s],\"change\":{\"field\":\"ttl\",\"to\":\"60\"}},%s,\"before\":[%s]}\n", head, ids, tail, before
    }
  }' >"$2/dpbatch/jobs.jsonl"
  chmod 600 "$2/dpbatch/jobs.jsonl"
}
echo "== generating a $LINES-line history" >&2
history_of "$LINES" "$WORK/big"
history_of 1 "$WORK/small"
BIG_BYTES=$(stat -c %s "$WORK/big/dpbatch/jobs.jsonl")
awk -v d=5001 'BEGIN { for (i = 1; i <= d; i++) printf "split%05d.example\n", i }' >"$WORK/domains.txt"

ROWS=()
# Runs `dpbatch ARGS` with each history; a row of the two medians and their ratio.
compare() { # name args...
  local name=$1 big small r
  shift
  XDG_DATA_HOME=$WORK/big "$BIN" "$@" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
  hyper -N --export-json "$WORK/h.json" \
    "env XDG_DATA_HOME=$WORK/big $BIN $*" "env XDG_DATA_HOME=$WORK/small $BIN $*"
  big=$(median_ms "$WORK/h.json" 0)
  small=$(median_ms "$WORK/h.json" 1)
  r=$(ratio "$big" "$small")
  ROWS+=("| $name | \`dpbatch ${*//$WORK\//}\` | $(fmt "$big") ms | $(fmt "$small") ms | $r | $(verdict "$r" 1.2) |")
}
echo "== jobs, detail --last, a split submit" >&2
compare jobs jobs
compare "--last" detail --last
compare "split submit (2 jobs)" domain-create --file "$WORK/domains.txt"

# The history a 100,000-record modify leaves: its lines, and its before-states apart.
echo "== a $MODIFY-record record-modify" >&2
# 20 domains of MODIFY/20 records: the fake lists one domain's records a page at a time.
start_fake --no-job-limits --domains "20x$((MODIFY / 20))"
seq -f 'bench%05g.example' 1 20 >"$WORK/modify-domains.txt"
XDG_DATA_HOME=$WORK/modify DPBATCH_ENDPOINT=$URL "$BIN" record-modify --domain-file "$WORK/modify-domains.txt" \
  --sub www --type A --change ttl --to 60 >/dev/null 2>"$WORK/modify.err" || { cat "$WORK/modify.err" >&2; exit 1; }
LINES_BYTES=$(stat -c %s "$WORK/modify/dpbatch/jobs.jsonl")
BEFORE_BYTES=$(du -sb "$WORK/modify/dpbatch/before" | cut -f1)
BEFORE_FILES=$(find "$WORK/modify/dpbatch/before" -type f | wc -l)

echo "## Job history"
echo
echo "Each command with a generated history of $LINES lines ($((BIG_BYTES / 1000)) KB, in dpbatch's"
echo "format: a job a minute, every tenth a record-modify of 100 records with its before-state in"
echo "the line, as dpbatch kept them before issue 21) against the same command with a one-line"
echo "history, against a fake without latency; medians of $RUNS runs. The floor is the one-line"
echo "history: the target is a ratio of at most 1.2x, the history's age costing next to nothing."
echo
echo "| what | command | $LINES lines | 1 line | ratio | verdict (<= 1.2x) |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "After one \`record-modify\` of $MODIFY records (\`--change ttl\`, a fresh history):"
echo "(20 domains of $((MODIFY / 20)) \`www\` A records) the line-per-job file holds $LINES_BYTES bytes, and the before-states kept apart"
echo "(\`before/\`, $BEFORE_FILES files, read only by \`undo\` and \`jobs --json\`) $BEFORE_BYTES bytes."
