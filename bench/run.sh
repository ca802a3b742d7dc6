#!/usr/bin/env bash
# Benchmarks the API against two ceilings measured in the same run on the same machine: a bare
# Kestrel app answering the same bytes (bench/Reference) and nginx serving them as static files.
# Results are ratios to those ceilings, so they mean something on any machine. docs/benchmarks.md
# explains what is measured and why.
#
#   bench/run.sh            full run (15 to 30 minutes on 2 cores, by the number of variants)
#   bench/run.sh --smoke    every step, about a second per measurement, production settings only;
#                           targets are not checked (scripts/test.sh runs this in CI)
#   bench/run.sh --variant 'LABEL:VAR=value,VAR=value'
#                           also measure the API started with these environment variables
#                           (repeatable); a full run always adds "request log off"
#   bench/run.sh --profile  also measure a copy of the production API under perf (cpu-clock
#                           samples) and report where each row's CPU time goes
#   bench/run.sh --build plain
#                           measure the API as `dotnet build -c Release` outputs it (no ReadyToRun) instead
#                           of the published build the image ships (--build published, the default); the
#                           report's header says which
#
# BENCH_SECONDS (per row, default 12), BENCH_WARMUP_SECONDS (least warm-up per process, default
# 30; it goes on, up to 120 s, until tiered compilation has finished) and BENCH_CONNECTIONS (32)
# change the full run. Each run builds into a temporary folder of its own, so runs cannot disturb
# each other's binaries. The script exits non-zero when a step fails (a build, a process that does
# not start, a request that errors or answers the wrong status), never because a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

command_line="bench/run.sh${*:+ $*}"
mode=full
profile=no
build=published
# The request log is switched off both ways the API has known: its ILogger category, and Http:RequestLog.
quiet_log="request log off:Logging__LogLevel__CrampKnowledge.Api.Hosting.RequestLoggingMiddleware=Warning,Http__RequestLog=off"
variants=("production:")
extra_variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) mode=smoke ;;
    --profile) profile=yes ;;
    --build)
      [ $# -ge 2 ] && [[ "$2" == published || "$2" == plain ]] || { echo "--build needs 'published' or 'plain'" >&2; exit 2; }
      build=$2
      shift ;;
    --variant)
      [ $# -ge 2 ] && [[ "$2" == *:* ]] || { echo "--variant needs 'LABEL:VAR=value,...'" >&2; exit 2; }
      extra_variants+=("$2")
      shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$mode" = smoke ]; then
  seconds=1 warmup_seconds=1 warmup_max_seconds=1 warmup_chunk=1 reference_warmup_seconds=1 cold_runs=1
else
  seconds=${BENCH_SECONDS:-12} warmup_seconds=${BENCH_WARMUP_SECONDS:-30} warmup_max_seconds=120 warmup_chunk=5
  reference_warmup_seconds=5 cold_runs=3
  variants+=("$quiet_log")
fi
variants+=(${extra_variants[@]+"${extra_variants[@]}"})
# perf names JIT-compiled code from /tmp/perf-PID.map, which the runtime writes with PerfMapEnabled;
# without W^X double mapping perf sees that code at the addresses the map gives.
profiled_variant=-
if [ "$profile" = yes ]; then
  profiled_variant=${#variants[@]}
  variants+=("profiled (perf):DOTNET_PerfMapEnabled=1,DOTNET_EnableWriteXorExecute=0")
fi
connections=${BENCH_CONNECTIONS:-32}
started_at=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

step() { printf '\n== %s (%ss)\n' "$1" "$(($(date +%s) - started_at))" >&2; }
fail() { echo "bench: $*" >&2; exit 1; }

# --- Tools ------------------------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK is required (https://dot.net)."
command -v curl >/dev/null 2>&1 || fail "curl is required."
command -v python3 >/dev/null 2>&1 || fail "python3 is required (it renders the report)."
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v taskset >/dev/null 2>&1 || missing+=(util-linux)
[ "$profile" = no ] || command -v perf >/dev/null 2>&1 || missing+=(linux-perf)
if [ ${#missing[@]} -gt 0 ]; then
  step "Installing ${missing[*]}"
  ./scripts/install-debian-packages.sh "${missing[@]}" || fail "installing ${missing[*]} failed."
fi
nginx_bin=/usr/sbin/nginx

# Server on CPU 0, load generator on CPU 1: neither steals the other's core. With one core they
# have to share it, and wrk gets two threads as usual.
cores=$(nproc)
if [ "$cores" -gt 1 ]; then
  server_cpu=(taskset -c 0)
  client_cpu=(taskset -c 1)
  wrk_threads=1
  pinning="server on CPU 0, wrk on CPU 1 (taskset)"
else
  server_cpu=()
  client_cpu=()
  wrk_threads=2
  pinning="none (1 core: server and wrk share it)"
fi

# --- Processes and clean-up -------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/crampknowledge-bench.XXXXXX")
chmod 755 "$work" # nginx's worker runs as nobody and reads the bodies from here
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "$profile" = yes ]; then
    for pid in ${profiled_pid:-} ${reference_pid:-}; do
      rm -f "/tmp/perf-$pid.map" "/tmp/perfinfo-$pid.map"
    done
  fi
  if [ "${BENCH_KEEP_WORK:-0}" = 1 ]; then
    echo "bench: kept $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

forget_pid() {
  local pid=$1 kept=() p
  for p in "${pids[@]}"; do
    [ "$p" = "$pid" ] || kept+=("$p")
  done
  pids=("${kept[@]}")
}

stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget_pid "$1"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Polls url every 10 ms until it answers 200; fails if pid exits or 60 s pass.
wait_for_200() {
  local url=$1 pid=$2 log=$3 deadline=$(($(date +%s) + 60))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log" >&2; fail "the process behind $url exited before answering."; }
    [ "$(date +%s)" -lt "$deadline" ] || { tail -n 20 "$log" >&2; fail "$url did not answer 200 within 60 s."; }
    sleep 0.01
  done
}

api_dir=$work/publish/api
reference_dir=$work/publish/reference
allocations_dir=$work/publish/allocations

# The runtime settings the Docker image sets (the DOTNET_* and MALLOC_* ENV lines of the Dockerfile), so the API runs here as it ships.
# Only those the runtime reads from nowhere but the environment are there; the others are in the API's
# runtimeconfig.json, which both kinds of build carry.
mapfile -t image_runtime_env < <(grep -v '^ *#' "$root/Dockerfile" | grep -o '\(DOTNET_[A-Za-z0-9_]*\|MALLOC_[A-Z_]*\)=[^ \]*')

# Sets api_command: the API as the image runs it (production settings, the image's runtime variables) on
# DATABASE and PORT. Arguments before "--" go before dotnet (taskset, perf); VAR=value arguments after it are
# added to the environment.
set_api_command() {
  local database=$1 port=$2
  shift 2
  local prefix=()
  while [ "$1" != -- ]; do
    prefix+=("$1")
    shift
  done
  shift
  api_command=(env ASPNETCORE_ENVIRONMENT=Production Http__RateLimit__Enabled=false "${image_runtime_env[@]}"
    "ConnectionStrings__Knowledge=Data Source=$database" "$@" "${prefix[@]}"
    dotnet CrampKnowledge.Api.dll --urls "http://127.0.0.1:$port")
}

# start_api LOG DATABASE PORT [PREFIX...] -- [VAR=value...]: starts the API in the background; sets started_pid.
start_api() {
  local log=$1
  shift
  set_api_command "$@"
  (cd "${launch_dir:-$api_dir}" && exec "${api_command[@]}") >"$log" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
}

resident_mb() {
  awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

# CPU time (user + system, clock ticks) of processes, all threads included.
process_ticks() {
  local pid total=0 ticks
  for pid in "$@"; do
    ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + ticks))
  done
  echo "$total"
}

# Clock ticks of CPU 0 (the server's) and CPU 1 (wrk's), whoever used them:
# "cpu0 user+nice+system, cpu0 irq+softirq, cpu0 steal, cpu1 user+nice+system+irq+softirq". Steal
# is time the hypervisor gave this virtual CPU to someone else.
core_ticks() {
  awk '$1 == "cpu0" { a = $2 + $3 + $4; b = $7 + $8; c = $9 } $1 == "cpu1" { d = $2 + $3 + $4 + $7 + $8 }
    END { print a, b, c, d + 0 }' /proc/stat
}

# Waits (at most 5 s) until the given processes have used no CPU for 0.1 s: a server's leftovers (a
# log backlog, a tier-1 compilation, a GC) must not run during the next row's measurement.
wait_idle() {
  local before after i
  for i in $(seq 50); do # 50 × 0.1 s
    before=$(process_ticks "$@")
    sleep 0.1
    after=$(process_ticks "$@")
    [ $((after - before)) -eq 0 ] && return 0
  done
  return 0
}
hz=$(getconf CLK_TCK)

# CPU ticks of tiered compilation's background thread (".NET Tiered Com..."), which recompiles hot
# methods with dynamic PGO. While it still works, the server has not reached its steady state.
jit_ticks() {
  local task total=0 ticks
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      ".NET Tiered Com"*)
        ticks=$(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || echo 0)
        total=$((total + ticks)) ;;
    esac
  done
  echo "$total"
}

metrics=$work/metrics.tsv
results=$work/results.tsv
: >"$metrics"
: >"$results"
metric() { printf '%s\t%s\n' "$1" "$2" >>"$metrics"; }

# --- Build ------------------------------------------------------------------------------------
step "Building Release into $work/publish ($build build of the API)"
build_log=$work/build.log
# The reference shares nothing with the API, so it builds alongside; the allocation benchmarks build
# the API project too, so they wait for its publish.
dotnet publish bench/Reference -c Release -o "$reference_dir" --nologo >"$work/build-reference.log" 2>&1 &
reference_build=$!
pids+=("$reference_build")
{
  # published: what the Dockerfile ships (ReadyToRun). plain: what `dotnet build -c Release` (and so `dotnet run
  # -c Release`) starts, JIT-compiled from IL.
  if [ "$build" = plain ]; then
    dotnet build src/CrampKnowledge.Api -c Release -o "$api_dir" --nologo
  else
    dotnet publish src/CrampKnowledge.Api -c Release -o "$api_dir" --nologo
  fi &&
    dotnet build bench/CrampKnowledge.Bench.Allocations -c Release -o "$allocations_dir" --nologo
} >"$build_log" 2>&1 || { wait "$reference_build" || true; tail -n 40 "$build_log" >&2; fail "the Release build failed."; }
wait "$reference_build" || { tail -n 40 "$work/build-reference.log" >&2; fail "the reference app's Release build failed."; }
openloop=$work/openloop
gcc -O2 -Wall -Wextra -Werror -o "$openloop" bench/openloop/openloop.c >"$work/build-openloop.log" 2>&1 ||
  { cat "$work/build-openloop.log" >&2; fail "bench/openloop/openloop.c did not compile."; }
forget_pid "$reference_build"

database=$work/knowledge.db
(cd "$api_dir" && env ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Knowledge=Data Source=$database" \
  dotnet CrampKnowledge.Api.dll --build-database) >"$work/build-database.log" 2>&1 ||
  { tail -n 20 "$work/build-database.log" >&2; fail "--build-database failed."; }
chmod 444 "$database"

# --- Cold start -------------------------------------------------------------------------------
# From fork to the first 200 on /api/v1, with every core (as a container starts), production settings.
# Sets cold_ms and the phases below it (a command substitution would not pass them back).
# log_offset LOG PATTERN BEGIN-NS: milliseconds from BEGIN to the timestamp of the first line matching PATTERN, or "-".
log_offset() {
  local stamp
  stamp=$(grep -m 1 -o "$2" "$1" | head -n 1 | cut -d'"' -f4 || true)
  if [ -n "$stamp" ]; then
    echo $((($(date -d "$stamp" +%s%N) - $3) / 1000000))
  else
    echo -
  fi
}

# cold_start_ms DATABASE [PUBLISH-FOLDER]
# bench/first-200.py starts the process and asks for the URL from one process: a curl forked every few
# milliseconds would take CPU from the start it times.
cold_start_ms() {
  local database=$1 launch_dir=${2:-$api_dir} port log begin timing
  port=$(free_port)
  log=$work/cold-$RANDOM.log
  set_api_command "$database" "$port" --
  timing=$(cd "$launch_dir" && python3 "$root/bench/first-200.py" "http://127.0.0.1:$port/api/v1" "$log" -- "${api_command[@]}") ||
    fail "the API's cold start failed (log: $log)."
  read -r begin cold_ms <<<"$timing"
  # Phases, from the JSON log's timestamps: the first line, the knowledge base's "Opened"/"Built" line
  # (the same line today: the knowledge base loads while the endpoints are mapped, and logs when it is
  # done), and Kestrel's "Now listening".
  first_log_ms=$(log_offset "$log" '"Timestamp":"[^"]*"' "$begin")
  prepared_ms=$(log_offset "$log" '"Timestamp":"[^"]*","EventId":[0-9]*,"LogLevel":"Information","Category":"CrampKnowledge.Api",' "$begin")
  listening_ms=$(log_offset "$log" '"Timestamp":"[^"]*","EventId":14,' "$begin")
  return 0
}

# The same for bench/Reference, a bare Kestrel app: the runtime's and framework's own start on this machine.
ready_bodies=$work/ready
mkdir -p "$ready_bodies"
printf '{}' >"$ready_bodies/ready"
printf 'ready\t200\tapplication/json\t-\n' >"$ready_bodies/manifest.tsv"
reference_cold_start_ms() {
  local port timing begin log=$work/reference-cold.log
  port=$(free_port)
  timing=$(cd "$reference_dir" && python3 "$root/bench/first-200.py" "http://127.0.0.1:$port/ready" "$log" -- \
    dotnet CrampKnowledge.Bench.Reference.dll --urls "http://127.0.0.1:$port" --bodies "$ready_bodies") ||
    fail "the Kestrel reference's cold start failed (log: $log)."
  read -r begin cold_ms <<<"$timing"
}

# --- Machine ----------------------------------------------------------------------------------
# How fast each core runs a busy loop, alone and with the other core busy too. Every ratio here assumes wrk's core
# can outrun the server's: on a virtual machine whose second vCPU is slower (seen: 0.6x of the first), the
# references become client-bound and ratios to them come out high (issue 19 §4, docs/benchmarks.md).
core_speed() {
  python3 -c 'import time
end = time.perf_counter() + 2; n = 0
while time.perf_counter() < end: n += 1
print(n // 2)'
}
if [ ${#server_cpu[@]} -gt 0 ]; then
  step "Core speed (2 s busy loop on each core, alone, then both at once)"
  metric core_speed.server "$("${server_cpu[@]}" bash -c "$(declare -f core_speed); core_speed")"
  metric core_speed.client "$("${client_cpu[@]}" bash -c "$(declare -f core_speed); core_speed")"
  both=$work/core-speed-both
  "${server_cpu[@]}" bash -c "$(declare -f core_speed); core_speed" >"$both" &
  metric core_speed.client_with_server "$("${client_cpu[@]}" bash -c "$(declare -f core_speed); core_speed")"
  wait $!
  metric core_speed.server_with_client "$(cat "$both")"
fi

step "Cold start ($cold_runs× each: built database, database built from seed-data, bare Kestrel app)"
for i in $(seq "$cold_runs"); do
  cold_start_ms "$database"
  metric cold_existing_ms "$cold_ms"
  metric cold_existing_first_log_ms "$first_log_ms"
  metric cold_existing_prepared_ms "$prepared_ms"
  metric cold_existing_listening_ms "$listening_ms"
  mkdir -p "$work/fresh-$i"
  cold_start_ms "$work/fresh-$i/knowledge.db"
  metric cold_fresh_ms "$cold_ms"
  metric cold_fresh_first_log_ms "$first_log_ms"
  metric cold_fresh_prepared_ms "$prepared_ms"
  metric cold_fresh_listening_ms "$listening_ms"
  reference_cold_start_ms
  metric cold_reference_ms "$cold_ms"
  [ -s "$work/fresh-$i/knowledge.db" ] || fail "the API did not build $work/fresh-$i/knowledge.db"
done

# --- The measured requests --------------------------------------------------------------------
search_path='/api/v1/search?q=why%20do%20my%20legs%20cramp%20at%20night'
red_flag_body=$work/red-flag-check.json
printf '%s' '{"description":"I get cramps several times a week and my legs hurt when I walk","frequency":"often","painWhenWalking":true}' >"$red_flag_body"
# The same search as an MCP tool call (issue 17): a JSON-RPC POST to /mcp, answered as one server-sent event whose
# structured content is the HTTP search's answer. A POST is never served from the response cache, so the like-for-like
# HTTP row is search-uncached. Its reference serves the API's own event bytes (text/event-stream, same size).
mcp_search_body=$work/mcp-search.json
printf '%s' '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_knowledge","arguments":{"q":"why do my legs cramp at night"}}}' >"$mcp_search_body"
mcp_accept='Accept: application/json, text/event-stream'

# request_body ROW: the body a POST row sends.
request_body() {
  case "$1" in
    mcp-search) echo "$mcp_search_body" ;;
    *) echo "$red_flag_body" ;;
  esac
}

# row_header ROW: the extra request header a row sends ("-" for none; not-modified's depends on the target).
row_header() {
  case "$1" in
    mcp-search) echo "$mcp_accept" ;;
    *) echo - ;;
  esac
}

# id|method|API path|reference body|Accept-Encoding|unique query per request (0/1)
cached_rows=(
  "list|GET|/api/v1/causes|list|identity|0"
  "filter|GET|/api/v1/treatments?cause=dehydration|filter|identity|0"
  "detail|GET|/api/v1/causes/dehydration|detail|identity|0"
  "search|GET|$search_path|search|identity|0"
  "red-flag-check|POST|/api/v1/red-flags/check|red-flag-check|identity|0"
  "mcp-search|POST|/mcp|mcp-search|identity|0"
  "not-modified|GET|/api/v1/causes|not-modified|identity|0"
  "list-gzip|GET|/api/v1/causes|list-gzip|gzip|0"
)
uncached_rows=(
  "list-uncached|GET|/api/v1/causes|list|identity|1"
  "filter-uncached|GET|/api/v1/treatments?cause=dehydration|filter|identity|1"
  "detail-uncached|GET|/api/v1/causes/dehydration|detail|identity|1"
  "search-uncached|GET|$search_path|search|identity|1"
)

# Each variant is an API process of its own; all servers are idle while another is measured.
variant_count=${#variants[@]}
declare -a api_ports api_pids api_logs
declare -A variant_labels=([x]=reference)
step "Starting ${variant_count} API processes, the Kestrel reference and nginx (pinned: $pinning)"
for v in $(seq 0 $((variant_count - 1))); do
  label=${variants[$v]%%:*}
  settings=${variants[$v]#*:}
  env_args=()
  if [ -n "$settings" ]; then
    IFS=, read -r -a env_args <<<"$settings"
  fi
  api_ports[$v]=$(free_port)
  api_logs[$v]=$work/api-$v.log
  start_api "${api_logs[$v]}" "$database" "${api_ports[$v]}" "${server_cpu[@]}" -- "${env_args[@]}"
  api_pids[$v]=$started_pid
  variant_labels[$v]=$label
  wait_for_200 "http://127.0.0.1:${api_ports[$v]}/api/v1" "$started_pid" "${api_logs[$v]}"
  metric "variant.$v.label" "$label"
  metric "variant.$v.settings" "${settings:-(as configured)}"
done
api=http://127.0.0.1:${api_ports[0]}

# The bodies the references answer with: what the API answered, byte for byte.
bodies=$work/bodies
mkdir -p "$bodies"
chmod 755 "$bodies"
manifest=$bodies/manifest.tsv
: >"$manifest"
list_etag=$(curl -s -D - -o /dev/null -H 'Accept: application/json' -H 'Accept-Encoding: identity' "$api/api/v1/causes" |
  awk 'tolower($1) == "etag:" { sub(/\r$/, "", $2); print $2 }')
[ -n "$list_etag" ] || fail "GET /api/v1/causes gave no ETag."

# fetch METHOD URL ENCODING EXTRA-HEADER OUT [BODY-FILE]: prints "status<TAB>content type<TAB>encoding<TAB>bytes<TAB>header bytes".
fetch() {
  local method=$1 url=$2 encoding=$3 header=$4 out=$5 request=${6:-$red_flag_body} args=() written coding
  [ "$method" = POST ] && args+=(-X POST -H 'Content-Type: application/json' --data-binary "@$request")
  [ "$header" != - ] && args+=(-H "$header")
  rm -f "$out"
  : >"$work/headers.txt"
  written=$(curl -s -o "$out" -D "$work/headers.txt" -H 'Accept: application/json' -H "Accept-Encoding: $encoding" "${args[@]}" \
    -w '%{http_code}\t%{content_type}\t%{size_download}\t%{size_header}' "$url") || written=$'000\t\t0\t0'
  [ -e "$out" ] || : >"$out"
  coding=$(awk 'tolower($1) == "content-encoding:" { sub(/\r$/, "", $2); print $2 }' "$work/headers.txt")
  awk -F'\t' -v enc="${coding:--}" '{ printf "%s\t%s\t%s\t%s\t%s\n", $1, ($2 == "" ? "-" : $2), enc, $3, $4 }' <<<"$written"
}

step "Fetching the responses the references will repeat"
for row in "${cached_rows[@]}"; do
  IFS='|' read -r id method path body encoding unique <<<"$row"
  header=$(row_header "$id")
  expected=200
  if [ "$id" = not-modified ]; then
    header="If-None-Match: $list_etag"
    expected=304
  fi
  IFS=$'\t' read -r status type coding size header_size < <(fetch "$method" "$api$path" "$encoding" "$header" "$bodies/$body" "$(request_body "$id")")
  [ "$status" = "$expected" ] || fail "$method $path answered $status, not $expected: $(head -c 300 "$bodies/$body")"
  # A tool call must answer with one event holding a JSON-RPC result (an error is also a 200) whose structured
  # content is the HTTP search's answer, fetched just before: otherwise the two rows would not compare.
  if [ "$id" = mcp-search ]; then
    python3 - "$bodies/$body" "$bodies/search" <<'PY' || fail "the MCP tool call did not answer the HTTP search's result: $(head -c 300 "$bodies/$body")"
import json, sys
events = [line[len("data: "):] for line in open(sys.argv[1], encoding="utf-8").read().splitlines() if line.startswith("data: ")]
assert len(events) == 1, f"{len(events)} events"
result = json.loads(events[0])["result"]
assert not result.get("isError"), "isError"
assert result["structuredContent"] == json.load(open(sys.argv[2], encoding="utf-8")), "structuredContent differs"
PY
  fi
  # Uncached: the extra parameter must not change the answer, or the row would measure something else.
  if [ "$unique" = 0 ] && [ "$expected" = 200 ] && [ "$encoding" = identity ]; then
    separator='?'
    [[ "$path" == *\?* ]] && separator='&'
    IFS=$'\t' read -r status2 _ _ size2 _ < <(fetch "$method" "$api$path${separator}n=check" "$encoding" "$(row_header "$id")" "$work/check" "$(request_body "$id")")
    [ "$status2" = 200 ] && [ "$size2" = "$size" ] ||
      fail "$method $path${separator}n=check answered $status2 with $size2 bytes, not 200 with $size"
  fi
  printf '%s\t%s\t%s\t%s\n' "$body" "$status" "$type" "$coding" >>"$manifest"
  metric "body.$id.bytes" "$size"
  metric "headers.$id.api" "$header_size"
done
chmod -R a+rX "$bodies"

# --- References -------------------------------------------------------------------------------
reference_port=$(free_port)
reference_env=()
[ "$profile" = yes ] && reference_env=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
(cd "$reference_dir" && exec env ${reference_env[@]+"${reference_env[@]}"} "${server_cpu[@]}" dotnet CrampKnowledge.Bench.Reference.dll \
  --urls "http://127.0.0.1:$reference_port" --bodies "$bodies") >"$work/reference.log" 2>&1 &
reference_pid=$!
pids+=("$reference_pid")
wait_for_200 "http://127.0.0.1:$reference_port/list" "$reference_pid" "$work/reference.log"
kestrel=http://127.0.0.1:$reference_port

nginx_port=$(free_port)
mkdir -p "$work/nginx"
{
  cat <<EOF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  open_file_cache max=64 inactive=10m;
  open_file_cache_valid 10m;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 10000000;
  types {}
  server {
    listen 127.0.0.1:$nginx_port;
    root $bodies;
EOF
  while IFS=$'\t' read -r name status type coding; do
    [ "$status" = 200 ] || continue
    printf '    location = /%s {\n      default_type "%s";\n' "$name" "$type"
    [ "$coding" != - ] && printf '      add_header Content-Encoding %s;\n' "$coding"
    # A POST to a static file is a 405; answer it with the file, as the API answers the check.
    [ "$name" = red-flag-check ] || [ "$name" = mcp-search ] && printf '      error_page 405 =200 $uri;\n'
    printf '    }\n'
  done <"$manifest"
  printf '  }\n}\n'
} >"$work/nginx/nginx.conf"
"${server_cpu[@]}" "$nginx_bin" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" >"$work/nginx/stdout.log" 2>&1 &
nginx_pid=$!
pids+=("$nginx_pid")
nginx=http://127.0.0.1:$nginx_port
wait_for_200 "$nginx/list" "$nginx_pid" "$work/nginx/error.log"
nginx_etag=$(curl -s -D - -o /dev/null "$nginx/list" | awk 'tolower($1) == "etag:" { sub(/\r$/, "", $2); print $2 }')
# The master and its worker: their CPU time together is nginx's.
mapfile -t nginx_pids < <(echo "$nginx_pid"; ps -o pid= --ppid "$nginx_pid" | tr -d ' ')
# Every server waits idle while another is measured; before a row starts, all of them must be idle.
all_servers=("${api_pids[@]}" "$reference_pid" "${nginx_pids[@]}")
[ "$profiled_variant" = - ] || profiled_pid=${api_pids[$profiled_variant]}

# Same size and type from all three, or the comparison is void.
for row in "${cached_rows[@]}"; do
  IFS='|' read -r id method path body encoding unique <<<"$row"
  api_size=$(awk -F'\t' -v k="body.$id.bytes" '$1 == k { print $2 }' "$metrics")
  for target in kestrel nginx; do
    url=${!target}/$body
    header=$(row_header "$id")
    expected=200
    if [ "$id" = not-modified ]; then
      expected=304
      header="If-None-Match: $list_etag"
      [ "$target" = nginx ] && url=$nginx/list header="If-None-Match: $nginx_etag"
    fi
    IFS=$'\t' read -r status type coding size header_size < <(fetch "$method" "$url" "$encoding" "$header" "$work/check" "$(request_body "$id")")
    [ "$status" = "$expected" ] && [ "$size" = "$api_size" ] ||
      fail "$target /$body answered $status with $size bytes; the API answered $expected with $api_size."
    if [ "$expected" = 200 ]; then
      cmp -s "$work/check" "$bodies/$body" || fail "$target /$body differs from the API's body."
    fi
    metric "headers.$id.$target" "$header_size"
  done
done

# --- Load -------------------------------------------------------------------------------------
# run_wrk VARIANT ROW TARGET SECONDS METHOD URL ENCODING EXTRA-HEADER UNIQUE MIX-FILE|- SERVER-PID...
# Records wrk's figures plus the server's CPU time and CPU 0's busy time over the run.
run_wrk() {
  local variant=$1 row=$2 target=$3 duration=$4 method=$5 url=$6 encoding=$7 header=$8 unique=$9 mix=${10}
  shift 10
  local servers=("$@")
  [ "$mix" = - ] && mix=
  local args=(-t "$wrk_threads" -c "$connections" -d "${duration}s" --timeout 5s -s "$root/bench/wrk/bench.lua"
    -H 'Accept: application/json' -H "Accept-Encoding: $encoding")
  [ "$header" != - ] && args+=(-H "$header")
  local body=
  [ "$method" = POST ] && body=$(request_body "$row")
  local out=$work/wrk-$variant-$row-$target.txt
  wait_idle "${all_servers[@]}"
  local server_before core_before server_after core_after jit_before jit_after
  jit_before=$(jit_ticks "${servers[0]}")
  server_before=$(process_ticks "${servers[@]}")
  core_before=$(core_ticks)
  # wrk's own CPU time (bash's time), to tell how much of CPU 1 anything else took from it.
  local TIMEFORMAT='%3U %3S' wrk_cpu
  { time BENCH_BODY=$body BENCH_UNIQUE=$unique BENCH_TAG="$variant-$row-$target-$RANDOM" BENCH_MIX=$mix \
    "${client_cpu[@]}" wrk "${args[@]}" "$url" >"$out" 2>&1; } 2>"$out.time" ||
    { cat "$out" >&2; fail "wrk failed for $row on $target."; }
  wrk_cpu=$(awk '{ printf "%d", ($1 + $2) * '"$hz"' }' "$out.time")
  server_after=$(process_ticks "${servers[@]}")
  jit_after=$(jit_ticks "${servers[0]}")
  core_after=$(core_ticks)
  local b a
  read -r -a b <<<"$core_before"
  read -r -a a <<<"$core_after"
  local json
  json=$(sed -n 's/^WRKRESULT //p' "$out")
  [ -n "$json" ] || { cat "$out" >&2; fail "wrk printed no result for $row on $target."; }
  json="${json%\}},\"server_ticks\":$((server_after - server_before)),\"core0_ticks\":$((a[0] - b[0])),\"core0_irq_ticks\":$((a[1] - b[1])),\"core0_steal_ticks\":$((a[2] - b[2])),\"jit_ticks\":$((jit_after - jit_before)),\"core1_ticks\":$((a[3] - b[3])),\"wrk_ticks\":$wrk_cpu,\"hz\":$hz,\"pinned\":${#server_cpu[@]}}"
  printf '%s\t%s\t%s\t%s\n' "$variant" "$row" "$target" "$json" >>"$results"
  printf '  %-8s %-16s %-8s %s\n' "${variant_labels[$variant]:-$variant}" "$row" "$target" "$(python3 bench/report.py --line "$json")" >&2
}

# The warm-up cycles through every measured request, cached and uncached, so the JIT has compiled
# (and re-compiled with dynamic PGO) every hot path before anything is measured. Its uncached
# requests carry an Authorization header instead of a new parameter: the response cache neither looks
# them up nor stores them, so the endpoints run every time and the warm-up leaves the cache as the
# cached rows need it (RSS after the cached rows does not include thousands of warm-up entries).
mix=$work/warmup-mix.tsv
: >"$mix"
for row in "${cached_rows[@]}" "${uncached_rows[@]}"; do
  IFS='|' read -r id method path body encoding unique <<<"$row"
  header=-
  [ "$id" = not-modified ] && header="If-None-Match: $list_etag"
  [ "$id" = list-gzip ] && header="Accept-Encoding: gzip"
  [ "$unique" = 1 ] && header="Authorization: Bearer bench-warm-up" unique=0
  [ "$id" = mcp-search ] && header=$mcp_accept
  body_file=-
  [ "$method" = POST ] && body_file=$(request_body "$id")
  printf '%s\t%s\t%s\t%s\t%s\n' "$method" "$path" "$header" "$body_file" "$unique" >>"$mix"
done
reference_mix=$work/reference-mix.tsv
awk -F'\t' '$2 == 200 { print "GET\t/" $1 "\t-\t-\t0" }' "$manifest" >"$reference_mix"

# warm_up VARIANT TARGET URL MIX PID LEAST MOST: the mix in chunks until LEAST seconds have passed
# and tiered compilation used under 1 % of a core in the last chunk, or MOST seconds have passed.
warm_up() {
  local variant=$1 target=$2 url=$3 mix=$4 pid=$5 least=$6 most=$7 elapsed=0 before after permille
  while :; do
    before=$(jit_ticks "$pid")
    run_wrk "$variant" "warm-up-$elapsed" "$target" "$warmup_chunk" GET "$url" identity - 0 "$mix" "$pid"
    after=$(jit_ticks "$pid")
    elapsed=$((elapsed + warmup_chunk))
    permille=$(((after - before) * 1000 / (warmup_chunk * hz)))
    if { [ "$elapsed" -ge "$least" ] && [ "$permille" -lt 10 ]; } || [ "$elapsed" -ge "$most" ]; then
      break
    fi
  done
  metric "warmup.$variant.$target.seconds" "$elapsed"
  metric "warmup.$variant.$target.jit_permille" "$permille"
}

step "Warming up: at least ${warmup_seconds}s per .NET process, until tiered compilation is done (at most ${warmup_max_seconds}s)"
for v in $(seq 0 $((variant_count - 1))); do
  warm_up "$v" api "http://127.0.0.1:${api_ports[$v]}/" "$mix" "${api_pids[$v]}" "$warmup_seconds" "$warmup_max_seconds"
done
warm_up x kestrel "$kestrel/" "$reference_mix" "$reference_pid" "$reference_warmup_seconds" "$warmup_max_seconds"
run_wrk x warm-up nginx "$reference_warmup_seconds" GET "$nginx/" identity - 0 "$reference_mix" "${nginx_pids[@]}"

# profiled TARGET ROW PID COMMAND...: runs COMMAND (a run_wrk) while perf samples PID, then writes
# the samples' self time by DSO and symbol to profile-TARGET-ROW.txt.
profiled() {
  local target=$1 id=$2 pid=$3 perf_pid
  shift 3
  # perf samples the server's core while wrk runs; perf itself runs beside wrk on the client's core.
  "${client_cpu[@]}" perf record -q -F 499 -e cpu-clock -p "$pid" -o "$work/perf-$target-$id.data" -- sleep "$seconds" \
    >"$work/perf-$target-$id.log" 2>&1 &
  perf_pid=$!
  "$@"
  wait "$perf_pid" || true
  perf report -i "$work/perf-$target-$id.data" --no-children --sort dso,symbol --stdio -g none --percent-limit 0.01 \
    >"$work/profile-$target-$id.txt" 2>/dev/null || true
  rm -f "$work/perf-$target-$id.data"
}

# measure_api ROW-SPEC VARIANT: one row on one API process.
measure_api() {
  local id method path body encoding unique header v=$2
  IFS='|' read -r id method path body encoding unique <<<"$1"
  header=$(row_header "$id")
  [ "$id" = not-modified ] && header="If-None-Match: $list_etag"
  local command=(run_wrk "$v" "$id" api "$seconds" "$method" "http://127.0.0.1:${api_ports[$v]}$path" "$encoding" "$header" "$unique" - "${api_pids[$v]}")
  if [ "$v" = "$profiled_variant" ]; then
    profiled api "$id" "${api_pids[$v]}" "${command[@]}"
  else
    "${command[@]}"
  fi
}

# measure ROW-SPEC: one row on every API process, then on both references, back to back, so that
# a ratio compares measurements taken a minute apart at most.
measure() {
  local id method path body encoding unique header v
  IFS='|' read -r id method path body encoding unique <<<"$1"
  header=$(row_header "$id")
  [ "$id" = not-modified ] && header="If-None-Match: $list_etag"
  for v in $(seq 0 $((variant_count - 1))); do
    measure_api "$1" "$v"
  done
  # Smoke mode measures the references for one request of each kind (GET, POST, 304, gzip) only.
  if [ "$mode" = smoke ] && [[ ! " list red-flag-check not-modified list-gzip mcp-search " =~ " $id " ]]; then
    return 0
  fi
  local command=(run_wrk x "$id" kestrel "$seconds" "$method" "$kestrel/$body" "$encoding" "$header" 0 - "$reference_pid")
  if [ "$profile" = yes ]; then
    profiled kestrel "$id" "$reference_pid" "${command[@]}"
  else
    "${command[@]}"
  fi
  if [ "$id" = not-modified ]; then
    run_wrk x "$id" nginx "$seconds" GET "$nginx/list" "$encoding" "If-None-Match: $nginx_etag" 0 - "${nginx_pids[@]}"
  else
    run_wrk x "$id" nginx "$seconds" "$method" "$nginx/$body" "$encoding" "$(row_header "$id")" 0 - "${nginx_pids[@]}"
  fi
}

# open_loop ROW-SPEC VARIANT: the row at half of the capacity wrk measured for it, open-loop (bench/openloop: requests
# due at a fixed rate, each latency from when it was due), so p50/p99/p99.9 are what a visitor waits at a load the
# server can carry, not the queueing of 32 connections on a saturated core.
open_loop() {
  local id method path body encoding unique header v=$2 capacity rate body_file=- out
  IFS='|' read -r id method path body encoding unique <<<"$1"
  header=$(row_header "$id")
  [ "$id" = not-modified ] && header="If-None-Match: $list_etag"
  [ "$header" = - ] && [ "$encoding" != identity ] && header="Accept-Encoding: $encoding"
  [ "$method" = POST ] && body_file=$(request_body "$id")
  capacity=$(awk -F'\t' -v v="$v" -v row="$id" '$1 == v && $2 == row && $3 == "api" {
      match($4, /"requests":[0-9]+/); r = substr($4, RSTART + 11, RLENGTH - 11)
      match($4, /"duration_us":[0-9]+/); d = substr($4, RSTART + 14, RLENGTH - 14)
      printf "%d", r / (d / 1e6) }' "$results")
  [ -n "$capacity" ] && [ "$capacity" -gt 1 ] || fail "no capacity measured for $id."
  rate=$((capacity / 2))
  out=$work/openloop-$v-$id.txt
  wait_idle "${all_servers[@]}"
  "${client_cpu[@]}" "$openloop" 127.0.0.1 "${api_ports[$v]}" "$rate" "$seconds" "$connections" "$method" "$path" "$header" \
    "$body_file" "$unique" "open-$v-$id-$RANDOM" >"$out" 2>&1 || { cat "$out" >&2; fail "the open-loop run failed for $id."; }
  local json
  json=$(sed -n 's/^OPENLOOP //p' "$out")
  printf '%s\t%s\t%s\t%s\n' "$v" "$id" openloop "$json" >>"$results"
  printf '  %-8s %-16s %-8s %s\n' "${variant_labels[$v]:-$v}" "$id" open-loop "$json" >&2
}

step "Measuring cached requests: ${seconds}s each, $connections connections, $wrk_threads wrk thread(s)"
for row in "${cached_rows[@]}"; do
  measure "$row"
done
for v in $(seq 0 $((variant_count - 1))); do
  metric "variant.$v.rss_cached_mb" "$(resident_mb "${api_pids[$v]}")"
done

step "Open-loop latency of the production API at half of each row's capacity: ${seconds}s each"
for row in "${cached_rows[@]}"; do
  open_loop "$row" 0
done

metric reference.rss_mb "$(resident_mb "$reference_pid")"
stop "$reference_pid"
stop "$nginx_pid"

# One API process at a time, stopped after its rows: each fills its response cache with thousands of
# new entries, and the GC and cache compaction that follow must not run during another's row.
step "Measuring uncached requests (a new query parameter on every request), one process at a time"
for v in $(seq 0 $((variant_count - 1))); do
  for row in "${uncached_rows[@]}"; do
    measure_api "$row" "$v"
  done
  if [ "$v" = 0 ]; then
    for row in "${uncached_rows[@]}"; do
      open_loop "$row" 0
    done
  fi
  metric "variant.$v.rss_mb" "$(resident_mb "${api_pids[$v]}")"
  metric "variant.$v.hwm_mb" "$(awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/${api_pids[$v]}/status")"
  stop "${api_pids[$v]}"
  metric "variant.$v.log_bytes" "$(stat -c %s "${api_logs[$v]}")"
  metric "variant.$v.log_lines" "$(wc -l <"${api_logs[$v]}")"
done

# --- Allocations ------------------------------------------------------------------------------
step "Allocations per request (BenchmarkDotNet, in process)"
allocation_args=(--filter '*' --artifacts "$work/allocations")
[ "$mode" = smoke ] && allocation_args+=(--smoke)
# Fully optimised from the first call: BenchmarkDotNet's short warm-up would otherwise time tier-0 code.
(cd "$allocations_dir" && CRAMPKNOWLEDGE_BENCH_DATABASE=$database DOTNET_TieredCompilation=0 "${server_cpu[@]}" \
  dotnet CrampKnowledge.Bench.Allocations.dll "${allocation_args[@]}") >"$work/allocations.log" 2>&1 ||
  { tail -n 40 "$work/allocations.log" >&2; fail "the allocation benchmarks failed."; }

# --- Report -----------------------------------------------------------------------------------
step "Report"
metric mode "$mode"
metric build "$build"
metric seconds "$seconds"
metric warmup_seconds "$warmup_seconds"
metric connections "$connections"
metric wrk_threads "$wrk_threads"
metric pinning "$pinning"
metric cores "$cores"
metric cpu "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
metric memory "$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
metric kernel "$(uname -sr)"
metric dotnet "$(dotnet --version)"
metric runtime "$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')"
metric wrk "$(wrk -v 2>&1 | head -n 1 | awk '{ print $2 }')"
metric nginx "$("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///')"
metric open_loop_rows_seconds "$seconds"
metric commit "${BENCH_SOURCE_LABEL:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git status --porcelain -- src 2>/dev/null | grep -q . && echo ' (src/ modified)')}"
metric load_before "$load_before"
metric load_after "$(cut -d' ' -f1-3 /proc/loadavg)"
metric date "$(date -u '+%Y-%m-%d %H:%M UTC')"
metric duration_s "$(($(date +%s) - started_at))"
metric command "$command_line"

mkdir -p bench/results
report_status=0
python3 bench/report.py "$work" "$mode" >"$work/report.md" || report_status=$?
cp "$work/report.md" "bench/results/latest-$mode.md"
cp "$work/report.md" bench/results/latest.md
cat "$work/report.md"
echo >&2
echo "bench: report written to bench/results/latest.md and latest-$mode.md ($(($(date +%s) - started_at)) s in all)" >&2
# report.py exits 3 when a request errored or the numbers are unusable.
[ "$report_status" -eq 0 ] || fail "the run had errors (see the report)."
