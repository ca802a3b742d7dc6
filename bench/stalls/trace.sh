#!/usr/bin/env bash
# Where the open-loop stalls come from (issue 19 §3): nginx serving one static file on CPU 0 takes a fixed 5,000 req/s from
# bench/openloop on CPU 1 while perf records every context switch on both CPUs (CLOCK_MONOTONIC stamps). For each stall
# (first answer later than 20 ms, as bench/openloop's OPENLOOP_STALL_MS reports it) it prints what each CPU ran meanwhile.
# A stall during which the server's CPU sat idle (swapper) was not the server's doing: the request was in flight.
#
# usage: bench/stalls/trace.sh [SECONDS]   (default 60; needs gcc, nginx, perf and a mounted tracefs, run as root)
set -euo pipefail
seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/ck-stalls.XXXXXX)
mountpoint -q /sys/kernel/tracing || mount -t tracefs nodev /sys/kernel/tracing
gcc -O2 -Wall -Wextra -Werror -o "$work/openloop" "$here/../openloop/openloop.c"
mkdir -p "$work/www" "$work/logs"
head -c 5800 /dev/urandom | base64 >"$work/www/body.txt"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 1024; }
http { access_log off; keepalive_requests 10000000; server { listen 127.0.0.1:18080; root $work/www; } }
CONF
taskset -c 0 nginx -p "$work" -c "$work/nginx.conf" >/dev/null 2>&1 &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null || true' EXIT
sleep 1
perf record -q -k CLOCK_MONOTONIC -e sched:sched_switch -a -o "$work/sched.data" -- sleep $((seconds + 3)) >/dev/null 2>&1 &
perf_pid=$!
sleep 1
OPENLOOP_STALL_MS=20 taskset -c 1 "$work/openloop" 127.0.0.1 18080 5000 "$seconds" 8 GET /body.txt - - 0 stall 2>"$work/stalls.txt"
wait $perf_pid
perf script -i "$work/sched.data" -F cpu,time,event,trace 2>/dev/null >"$work/sched.txt"
python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]
switches = {0: [], 1: []}
for line in open(f"{work}/sched.txt"):
    m = re.match(r'\s*\[(\d+)\]\s+([\d.]+):\s+sched:sched_switch:.*?==> next_comm=(.*?) next_pid=\d+', line)
    if m and int(m[1]) in switches:
        switches[int(m[1])].append((float(m[2]), m[3]))
stalls = [l.split() for l in open(f"{work}/stalls.txt") if l.startswith("STALL")]
idle = 0
for _, due, late in stalls:
    start, end = float(due), float(due) + float(late) / 1000
    parts = []
    for cpu, events in switches.items():
        held = {}
        for (at, task), (until, _) in zip(events, events[1:]):
            if until > start and at < end:
                held[task] = held.get(task, 0) + (min(until, end) - max(at, start)) * 1000
        top = sorted(held.items(), key=lambda kv: -kv[1])[:3]
        parts.append(f"CPU {cpu}: " + ", ".join(f"{t} {ms:.1f} ms" for t, ms in top))
        if cpu == 0 and top and top[0][0].startswith("swapper"):
            idle += 1
    print(f"stall at {float(due):.3f}, {float(late):.1f} ms late | " + " | ".join(parts))
print(f"{len(stalls)} stalls; the server's CPU mostly idle during {idle} of them")
PY
echo "raw data: $work"
