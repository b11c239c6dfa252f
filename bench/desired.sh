# The desired-state workloads of bench/run.sh (sourced by it: it sets BIN, WORK, V3, UA,
# TOKEN, LATENCY_MS, SMOKE and start_fake): `apply` of (a) the same records on many domains
# and one TTL on many records, (b) records and values of their own, and (c) `plan` alone of
# a large account. Each fills rows of the report; nothing here prints a verdict it did not
# check.

# The fake's generated domains: bench00001.example on, each with R `www` A records whose
# values are 10.x.y.z of n = 0..R-1 (fake-dnspod's --domains NxR).
www_value() { echo "10.$(($1 >> 16 & 255)).$(($1 >> 8 & 255)).$(($1 & 255))"; }

# (a) Desired JSON Lines: every www record at TTL 60, and the same three new records on
# every domain.
desired_a() { # domains per_domain file
  awk -v d="$1" -v r="$2" 'BEGIN {
    for (i = 1; i <= d; i++) {
      name = sprintf("bench%05d.example", i)
      for (n = 0; n < r; n++)
        printf "{\"domain\":\"%s\",\"sub_domain\":\"www\",\"record_type\":\"A\",\"value\":\"10.%d.%d.%d\",\"ttl\":60}\n", name, int(n / 65536) % 256, int(n / 256) % 256, n % 256
      split("api cdn img", hosts, " ")
      for (k = 1; k <= 3; k++)
        printf "{\"domain\":\"%s\",\"sub_domain\":\"%s\",\"record_type\":\"A\",\"value\":\"192.0.2.%d\"}\n", name, hosts[k], k
    }
  }' >"$3"
}

# (b) Desired JSON Lines: the first `modifies` www records (in domain order) each a value
# of its own, and every domain `creates` records of its own (no two domains alike).
desired_b() { # domains per_domain creates modifies file
  awk -v d="$1" -v r="$2" -v c="$3" -v m="$4" 'BEGIN {
    changed = 0
    for (i = 1; i <= d; i++) {
      name = sprintf("bench%05d.example", i)
      for (n = 0; n < r; n++) {
        value = sprintf("10.%d.%d.%d", int(n / 65536) % 256, int(n / 256) % 256, n % 256)
        if (changed < m) { value = sprintf("172.%d.%d.%d", 16 + int(i / 256), i % 256, n); changed++ }
        printf "{\"domain\":\"%s\",\"sub_domain\":\"www\",\"record_type\":\"A\",\"value\":\"%s\"}\n", name, value
      }
      for (k = 1; k <= c; k++)
        printf "{\"domain\":\"%s\",\"sub_domain\":\"h%02d\",\"record_type\":\"A\",\"value\":\"10.%d.%d.%d\"}\n", name, k, 100 + int(i / 256), i % 256, k
    }
  }' >"$5"
}

# (c) Desired JSON Lines: the account as it is, but every tenth record at TTL 300.
desired_c() { # domains per_domain file
  awk -v d="$1" -v r="$2" 'BEGIN {
    for (i = 1; i <= d; i++)
      for (n = 0; n < r; n++)
        printf "{\"domain\":\"bench%05d.example\",\"sub_domain\":\"www\",\"record_type\":\"A\",\"line\":\"默认\",\"value\":\"10.%d.%d.%d\",\"ttl\":%d,\"mx\":null,\"weight\":null,\"enabled\":true,\"remark\":\"\"}\n", i, int(n / 65536) % 256, int(n / 256) % 256, n % 256, (n % 10 == 0) ? 300 : 600
  }' >"$3"
}

# Seconds one single-record call takes on one connection, measured: `count` Record.Create
# calls in one curl process (one kept-alive connection) to the fake at URL, on example.cn,
# which no workload reads. What a tool sending one call per change pays per change, at
# most 20 a second.
single_call_secs() { # count
  local args=() i
  for i in $(seq "$1"); do
    ((i > 1)) && args+=(--next)
    args+=(-s -o /dev/null -X POST "$URL/Record.Create" -A "$UA"
      -d "login_token=$TOKEN&format=json&lang=en&domain=example.cn&sub_domain=one-call-$i&record_type=A&record_line=%E9%BB%98%E8%AE%A4&value=192.0.2.1")
  done
  local started ended
  started=$(date +%s.%N)
  curl "${args[@]}"
  ended=$(date +%s.%N)
  awk -v a="$started" -v b="$ended" -v n="$1" 'BEGIN { s = (b - a) / n; printf "%.4f", (s < 0.05) ? 0.05 : s }'
}

# Runs `apply` of `dir` with the env prefix (`--timeout 2h`: the legacy API's (b) is
# 80 jobs and ~9,000 calls, past the default 10 minutes); sets APPLY_WALL (s), APPLY_JOBS (submits) and
# APPLY_CALLS (single-record calls), both counted from -v's answer lines.
run_apply() { # env_prefix dir
  local started ended
  started=$(date +%s.%N)
  # shellcheck disable=SC2086 # the prefix is a word list
  env DPBATCH_ENDPOINT="$URL" $1 "$BIN" -v apply "$2" --force --wait --interval 0.5 --timeout 2h \
    >"$WORK/apply.out" 2>"$WORK/apply.err" || { tail -20 "$WORK/apply.err" >&2; echo "apply failed" >&2; exit 1; }
  ended=$(date +%s.%N)
  APPLY_WALL=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.2f", b - a }')
  APPLY_JOBS=$(grep -cE '(Batch\.Record\.(Create|Modify)|CreateRecordBatch|ModifyRecordBatch(V3)?|DeleteRecordBatch) answered' "$WORK/apply.err" || true)
  APPLY_CALLS=$(grep -cE '(Record\.(Create|Modify|Remove)|CreateRecord|ModifyRecord|DeleteRecord) answered' "$WORK/apply.err" || true)
}

# `plan` of `dir` right after an apply: exit 0 with --exit-code is no change. Checked:
# anything else stops the benchmark.
plan_after() { # env_prefix dir
  local rc=0
  # shellcheck disable=SC2086
  env DPBATCH_ENDPOINT="$URL" $1 "$BIN" plan "$2" --exit-code >"$WORK/plan-after.out" 2>"$WORK/plan-after.err" || rc=$?
  if ((rc != 0)); then
    tail -5 "$WORK/plan-after.out" "$WORK/plan-after.err" >&2
    echo "plan after the apply did not report no change (exit $rc)" >&2
    exit 1
  fi
  echo "none (exit 0)"
}

judge() { # ratio target comparison(le|ge)
  if [[ $SMOKE == yes ]]; then echo "(smoke: not judged)"; return; fi
  awk -v r="$1" -v t="$2" -v c="$3" 'BEGIN { ok = (c == "le") ? r <= t : r >= t; print ok ? "met" : "missed" }'
}

ceil_div() { echo $((($1 + $2 - 1) / $2)); }

# (a) on one API: the floor is the look-ups at their pace, then ceil(jobs / 4) rounds of
# JOB_SECS, one round trip a submit; the baseline one call a look-up and a change.
apply_a() { # api rate domains per_domain
  local api=$1 rate=$2 d=$3 r=$4 env_prefix=""
  [[ $api == v3 ]] && env_prefix=$V3
  start_fake --latency "$LATENCY_MS" --elapsed "$JOB_SECS" --domains "${d}x$r"
  local dir=$WORK/a-$api && mkdir -p "$dir"
  desired_a "$d" "$r" "$dir/desired.jsonl"
  local per_call && per_call=$(single_call_secs "$BASELINE_CALLS")
  run_apply "$env_prefix" "$dir"
  local creates=$((3 * d)) modifies=$((d * r))
  # A create job: 1666 domains of 3 records (5000 records a job at most).
  local jobs=$(($(ceil_div "$d" 1666) + $(ceil_div "$modifies" 5000)))
  local floor baseline no_change
  floor=$(awk -v d="$d" -v p="$rate" -v j="$jobs" -v s="$JOB_SECS" -v l="$LATENCY_MS" \
    'BEGIN { printf "%.2f", d / p + int((j + 3) / 4) * s + j * l / 1000 }')
  baseline=$(awk -v n="$((d + creates + modifies))" -v c="$per_call" 'BEGIN { printf "%.1f", n * c }')
  no_change=$(plan_after "$env_prefix" "$dir")
  local r_floor r_base
  r_floor=$(ratio "$APPLY_WALL" "$floor"); r_base=$(ratio "$baseline" "$APPLY_WALL")
  A_ROWS+=("| $api | $d | $creates | $modifies | $APPLY_JOBS ($jobs) | $APPLY_CALLS | $APPLY_WALL s | $floor s | $r_floor $(judge "$r_floor" 1.2 le) | $per_call s | $baseline s | ${r_base}x $(judge "$r_base" 20 ge) | $no_change |")
}

# The cheapest schedule of (b) the limits allow (BENCHMARKS.md works it out): look-ups at
# their pace, then creates and modifies side by side, each action at its own rate.
# API 3.0: creates by CreateRecord (500 a second), modifies by ModifyRecordBatchV3 jobs.
# Legacy (20 a second an action): modifies by Record.Modify; creates by Record.Create
# beside create jobs of one domain each (c records), at most 80 an hour, 4 at a time.
floor_b() { # api domains creates_per_domain modifies
  awk -v api="$1" -v d="$2" -v c="$3" -v m="$4" -v s="$JOB_SECS" 'BEGIN {
    total = d * c
    if (api == "v3") {
      jobs = int((m + 4999) / 5000)
      t = total / 500; j = int((jobs + 3) / 4) * s
      printf "%.2f", d / 100 + (t > j ? t : j)
      exit
    }
    t = total / (20 + 4 * c / s)
    if (t > 20 * s) t = (total - 80 * c) / 20
    if (t < 0) t = 0
    mod = m / 20
    printf "%.2f", d / 20 + (t > mod ? t : mod)
  }'
}

# (b) on one API, against floor_b.
apply_b() { # api domains per_domain creates modifies
  local api=$1 d=$2 r=$3 c=$4 m=$5 env_prefix=""
  [[ $api == v3 ]] && env_prefix=$V3
  start_fake --latency "$LATENCY_MS" --elapsed "$JOB_SECS" --domains "${d}x$r"
  local dir=$WORK/b-$api && mkdir -p "$dir"
  desired_b "$d" "$r" "$c" "$m" "$dir/desired.jsonl"
  run_apply "$env_prefix" "$dir"
  local floor && floor=$(floor_b "$api" "$d" "$c" "$m")
  local r_floor && r_floor=$(ratio "$APPLY_WALL" "$floor")
  B_ROWS+=("| $api | $d | $((d * c)) | $m | $APPLY_JOBS | $APPLY_CALLS | $APPLY_WALL s | $floor s | $r_floor $(judge "$r_floor" 1.5 le) |")
}

# (c) on one API: `plan` alone against a fake with no latency; CPU is user + sys of the
# whole run (GNU time), memory its peak RSS against the desired file's size.
plan_c() { # api domains per_domain
  local api=$1 d=$2 r=$3 env_prefix=""
  [[ $api == v3 ]] && env_prefix=$V3
  start_fake --domains "${d}x$r"
  local file=$WORK/c-desired.jsonl
  desired_c "$d" "$r" "$file"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/c.time" env DPBATCH_ENDPOINT="$URL" $env_prefix \
    "$BIN" plan "$file" >/dev/null 2>"$WORK/c.err" || { tail -5 "$WORK/c.err" >&2; exit 1; }
  local wall user sys kb bytes cpu
  read -r wall user sys kb < <(tail -1 "$WORK/c.time")
  bytes=$(wc -c <"$file")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  local r_mem && r_mem=$(ratio "$((kb * 1024))" "$bytes")
  C_ROWS+=("| $api | $d x $r | $bytes B | $wall s | $cpu s $(judge "$cpu" 1 le) | $kb KiB | $r_mem $(judge "$r_mem" 4 le) |")
}
