#!/usr/bin/env bash
# Issue 21, import: `record-create --records-file --dry-run` of a zone file, JSON Lines and
# CSV of the same records, against the programs that read such files anyway
# (named-checkzone, kzonecheck, `jq -c .`), its peak memory against the file's size, and
# the refusal of a file that needs more than 80 jobs against a full import. Prints one
# Markdown section; `--smoke` uses 1,000 records, no hyperfine, no peers, no verdicts.
#
#   nice -n 19 bash bench/scale-import.sh [--smoke]
set -euo pipefail
cd "$(dirname "$0")/.."

SMOKE=no RUNS=5 WARMUP=1
if [[ ${1:-} == --smoke ]]; then SMOKE=yes RUNS=1 WARMUP=0; fi
cargo build --release --locked -p dpbatch -p fake-dnspod >&2
# shellcheck source=bench/lib.sh
source bench/lib.sh
# A smoke run times a plain loop, as a machine without hyperfine would.
[[ $SMOKE == yes ]] && hyper() { timed_loop "$@"; }

SIZES=(100000 1000000)
[[ $SMOKE == yes ]] && SIZES=(1000)

# The same N records in one domain in each format: A, AAAA (TTL 300), CNAME and TXT in
# turn, one host each. The zone has the SOA, an apex NS and its glue, which the checkers
# need and dpbatch skips with a note.
make_files() { # n
  awk -v n="$1" -v zone="$WORK/$1.zone" -v jsonl="$WORK/$1.jsonl" -v csv="$WORK/$1.csv" 'BEGIN {
    d = "bench.example"
    print "$ORIGIN " d ".\n$TTL 600" >zone
    print "@ IN SOA ns1." d ". admin." d ". 1 3600 600 86400 600\n@ IN NS ns1." d ".\nns1 IN A 192.0.2.53" >zone
    print "domain,record_id,sub_domain,record_type,line,value,ttl,mx,weight,enabled,remark,system" >csv
    for (i = 0; i < n; i++) {
      t = i % 4; ttl = 600
      if (t == 0) { type = "A"; value = sprintf("10.%d.%d.%d", int(i / 65536) % 256, int(i / 256) % 256, i % 256); data = value }
      else if (t == 1) { type = "AAAA"; value = sprintf("2001:db8::%x", i % 65536); data = value; ttl = 300 }
      else if (t == 2) { type = "CNAME"; value = sprintf("t%d.example.net.", i); data = value }
      else { type = "TXT"; value = sprintf("v=spf1 ip4:192.0.2.%d -all", i % 256); data = "\"" value "\"" }
      printf "h%d %d IN %s %s\n", i, ttl, type, data >zone
      printf "{\"domain\":\"%s\",\"sub_domain\":\"h%d\",\"record_type\":\"%s\",\"value\":\"%s\",\"ttl\":%d}\n", d, i, type, value, ttl >jsonl
      printf "%s,,h%d,%s,默认,%s,%d,,,true,,false\n", d, i, type, value, ttl >csv
    }
  }'
}

# dpbatch's dry run of FILE on a domain named by ID (no look-up, nothing sent); its
# requests go to /dev/null. Extra arguments after FILE. A file past the hourly limit is
# refused (exit 2): `|| true` keeps hyperfine going.
dry() { echo "$BIN record-create --domain-id 1 --records-file $1 --dry-run ${*:2} >/dev/null 2>&1 || true"; }
have() { [[ $SMOKE == no ]] && command -v "$1" >/dev/null; }
# Whether dpbatch refuses FILE unread, for its size (over its input limit): such a run
# measures nothing, and its row says so instead of a time.
# (Its refusal exits 2: the output is taken first, as a pipe into grep would fail under
# pipefail whatever grep found.)
unread() {
  local said
  said=$(LANG=C "$BIN" record-create --domain-id 1 --records-file "$1" --dry-run 2>&1 >/dev/null || true)
  [[ $said == *"the most dpbatch reads from"* ]]
}
size_of() { stat -c %s "$1"; }

ROWS=() SKIPPED=()
for n in "${SIZES[@]}"; do
  echo "== import of $n records" >&2
  # A dpbatch run of 1M records takes seconds: 3 runs keep the section near 6 minutes.
  ((n >= 1000000)) && RUNS=3 WARMUP=0
  make_files "$n"
  z=$WORK/$n.zone
  cmds=(-n dpbatch "$(dry "$z")")
  have named-checkzone && cmds+=(-n named-checkzone "named-checkzone bench.example $z >/dev/null")
  have kzonecheck && cmds+=(-n kzonecheck "kzonecheck -o bench.example $z >/dev/null")
  hyper --export-json "$WORK/zone$n.json" "${cmds[@]}"
  ours=$(median_ms "$WORK/zone$n.json" 0)
  at=1
  for peer in named-checkzone kzonecheck; do
    target=1.0
    [[ $peer == kzonecheck ]] && target=1.5
    if have "$peer"; then
      theirs=$(median_ms "$WORK/zone$n.json" "$at")
      at=$((at + 1))
      r=$(ratio "$ours" "$theirs")
      ROWS+=("| zone \`--dry-run\`, $n records | $(fmt "$ours") ms | $peer $(fmt "$theirs") ms | ${r}x | $target | $(verdict "$r" "$target") |")
    else
      SKIPPED+=("$peer")
    fi
  done
  kb=$(peak_kb bash -c "$(dry "$z")")
  r=$(ratio "$((kb * 1024))" "$(size_of "$z")")
  ROWS+=("| zone \`--dry-run\` peak memory, $n records | $kb KiB | file $(size_of "$z") B | ${r}x | 4 | $(verdict "$r" 4) |")

  j=$WORK/$n.jsonl c=$WORK/$n.csv
  unread_files=()
  for f in "$j" "$c"; do unread "$f" && unread_files+=("$f"); done
  if ((${#unread_files[@]})); then
    for f in "$j" "$c"; do
      what="not measured: timed only when both files are read"
      [[ " ${unread_files[*]} " == *" $f "* ]] && what="refused unread: $(size_of "$f") B is over dpbatch's 64 MiB input limit (exit 2)"
      ROWS+=("| $([[ $f == "$j" ]] && echo "JSON Lines" || echo CSV) \`--dry-run\`, $n rows | $what | | | 1.0 | not measured |")
    done
  else
    cmds=(-n jsonl "$(dry "$j")" -n csv "$(dry "$c")")
    have jq && cmds+=(-n jq "jq -c . $j >/dev/null")
    hyper --export-json "$WORK/rows$n.json" "${cmds[@]}"
    if have jq; then
      theirs=$(median_ms "$WORK/rows$n.json" 2)
      for at in 0 1; do
        ours=$(median_ms "$WORK/rows$n.json" "$at")
        r=$(ratio "$ours" "$theirs")
        ROWS+=("| $([[ $at == 0 ]] && echo "JSON Lines" || echo CSV) \`--dry-run\`, $n rows | $(fmt "$ours") ms | \`jq -c .\` $(fmt "$theirs") ms | ${r}x | 1.0 | $(verdict "$r" 1.0) |")
      done
    else
      SKIPPED+=("jq")
    fi
  fi

  # The refusal, at the first size (at 1M the dry run is a refusal already): the same
  # file at a job size that needs 100 jobs, against the full dry run at the default size.
  [[ $n == "${SIZES[0]}" ]] || continue
  small=$((n / 100))
  hyper --export-json "$WORK/refuse$n.json" -n full "$(dry "$z")" -n refused "$(dry "$z" --job-size "$small")"
  full=$(median_ms "$WORK/refuse$n.json" 0)
  refused=$(median_ms "$WORK/refuse$n.json" 1)
  r=$(ratio "$refused" "$full")
  ROWS+=("| refusal of 100 jobs (\`--job-size $small\`), $n records | $(fmt "$refused") ms | full dry run $(fmt "$full") ms | ${r}x | 0.10 | $(verdict "$r" 0.10) |")
done

cat <<EOF
## Import (\`record-create --records-file\`)

One domain's records (A, AAAA, CNAME and TXT in turn) as a zone file, JSON Lines and CSV,
made by \`make_files\` in bench/scale-import.sh. dpbatch runs
\`dpbatch record-create --domain-id 1 --records-file FILE --dry-run >/dev/null\`: it reads,
checks and groups every record and prints each job's request (to /dev/null), and sends
nothing. The peers: \`named-checkzone bench.example FILE\`, \`kzonecheck -o bench.example
FILE\` and \`jq -c . FILE.jsonl\`, all to /dev/null. Medians of 5 runs (3 at 1,000,000
records, 1 in a smoke run; hyperfine),
peak memory by GNU time. A file of 1,000,000 records in one domain needs 200 jobs of 5,000
records, more than DNSPod's 80 an hour: at that size dpbatch's run is the refusal (exit 2)
after reading the whole file, which is what its rows measure. The refusal row runs the same
file at \`--job-size\` N/100 (100 jobs, refused) against its full dry run: the refusal is
decided from the records' count before any job is built, but after the file is read and
checked, since every bad line is named first; reading is the floor of both.

| what | dpbatch | peer | ratio | target | verdict |
|---|---|---|---|---|---|
$(printf '%s\n' "${ROWS[@]}")
EOF
if ((${#SKIPPED[@]})); then
  echo
  echo "Skipped, not installed$([[ $SMOKE == yes ]] && echo " or a smoke run"): $(printf '%s\n' "${SKIPPED[@]}" | sort -u | paste -sd, -)."
fi
