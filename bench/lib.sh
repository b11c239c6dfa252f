# What every benchmark script shares (sourced by bench/run.sh and the bench/scale-*.sh
# sections): the binaries, a scratch directory removed on exit, a fake on a free port, and
# the arithmetic of the report. Needs SMOKE (yes/no), RUNS and WARMUP set by the caller.
#
# A scale section, bench/scale-NAME.sh, takes --smoke (tiny sizes, no verdicts), builds the
# release binaries (`cargo build --release --locked -p dpbatch -p fake-dnspod >&2`), sources
# this file, sends its progress to stderr and prints one Markdown section (## heading, what
# was run, the table with the commands that made it, verdicts) on stdout; bench/run.sh runs
# every one and puts its section into the report.
BIN=$PWD/target/release/dpbatch
FAKE=$PWD/target/release/fake-dnspod

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

TOKEN=520001,fake-secret-0123456789abcdef
export DNSPOD_TOKEN=$TOKEN DPBATCH_EMAIL=bench@example.com NO_COLOR=1
# A job history of the run's own, not the user's: every submit appends to it, and what is
# measured must not depend on how large the user's history has grown.
export XDG_DATA_HOME=$WORK/data
# The fake's API 3.0 keys, for the same commands on API 3.0 (signed requests).
V3="env DPBATCH_API=v3 TENCENTCLOUD_SECRET_ID=AKIDfakeDnspod0000000000000000000000 TENCENTCLOUD_SECRET_KEY=fakeDnspodSecretKey0000000000000"
UA="curl-bench/1.0 (bench@example.com)"

# Starts a fake on a free loopback port with the given arguments; sets URL and LOG.
start_fake() {
  LOG=$(mktemp "$WORK/fake.XXXX")
  "$FAKE" --addr 127.0.0.1:0 "$@" >"$LOG" 2>&1 &
  PIDS+=($!)
  # Generating 100,000 records takes the fake a moment.
  for _ in $(seq 300); do
    grep -q "serving until killed" "$LOG" && break
    sleep 0.1
  done
  grep -q "serving until killed" "$LOG" || { cat "$LOG" >&2; echo "fake did not start" >&2; exit 1; }
  URL=$(sed -n 's/^fake DNSPod batch API at //p' "$LOG")
}

median_ms() { jq -r ".results[$2].median * 1000" "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t) ? "met" : "missed" }'; }
# A smoke run measures too little to judge a target: it prints no verdict.
if [[ $SMOKE == yes ]]; then verdict() { echo "-"; }; fi
fmt() { awk -v x="$1" 'BEGIN { printf (x < 10 ? "%.2f" : "%.1f"), x }'; }
peak_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
hyper() {
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup "$WARMUP" --runs "$RUNS" "$@" >&2
  else
    timed_loop "$@"
  fi
}
# hyperfine's arguments as hyper() passes them (-N, -n NAME, --export-json FILE, commands),
# each command run RUNS times through bash; writes the median of each as hyperfine would.
timed_loop() {
  local json="" commands=() medians=() cmd
  while (($#)); do
    case $1 in
      -N) shift ;;
      -n) shift 2 ;;
      --export-json) json=$2; shift 2 ;;
      *) commands+=("$1"); shift ;;
    esac
  done
  for cmd in "${commands[@]}"; do
    local times=() run started
    for run in $(seq "$RUNS"); do
      started=$(date +%s%N)
      bash -c "$cmd" >/dev/null 2>&1 || true
      times+=("$((($(date +%s%N) - started)))")
    done
    medians+=("$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.6f", a[int((NR + 1) / 2)] / 1e9 }')")
  done
  printf '{"results":[%s]}\n' "$(printf '{"median":%s},' "${medians[@]}" | sed 's/,$//')" >"$json"
}

