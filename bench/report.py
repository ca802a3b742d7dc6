#!/usr/bin/env python3
"""Renders bench/run.sh's measurements as Markdown.

    report.py WORK-FOLDER MODE   the report, on stdout; exit 3 if any request errored
    report.py --line JSON        one wrk result as a progress line
"""
import csv
import glob
import json
import os
import re
import statistics
import sys

# Targets from the issue, as ratios to the Kestrel reference; p99 applies to every row.
P99_TARGET_MS = 5.0
OPEN_LOOP_P99_TARGET_MS = 2.0
ROWS = [
    # id, label, ratio target (None: none set), reference row
    ("list", "list `GET /api/v1/causes`", 0.9, "list"),
    ("filter", "filter `GET /api/v1/treatments?cause=dehydration`", 0.9, "filter"),
    ("detail", "detail `GET /api/v1/causes/dehydration`", 0.9, "detail"),
    ("search", "search `GET /api/v1/search?q=why do my legs cramp at night` (response cache hit)", 0.3, "search"),
    ("red-flag-check", "red-flag check `POST /api/v1/red-flags/check`", 0.3, "red-flag-check"),
    ("not-modified", "304 `GET /api/v1/causes` with `If-None-Match`", None, "not-modified"),
    ("list-gzip", "list with `Accept-Encoding: gzip`", None, "list-gzip"),
    ("list-uncached", "list, uncached", 0.5, "list"),
    ("filter-uncached", "filter, uncached", 0.5, "filter"),
    ("detail-uncached", "detail, uncached", 0.5, "detail"),
    ("search-uncached", "search, uncached", 0.3, "search"),
    # Issue 17 set no ratio target for the MCP tool call; it asks for its ratio to the same search over HTTP (below the table).
    ("mcp-search", "MCP tool call `POST /mcp` search_knowledge, the same question (never cached)", None, "mcp-search"),
]
SHORT = {"list": "list", "filter": "filter", "detail": "detail", "search": "search", "red-flag-check": "red-flag check",
         "not-modified": "304", "list-gzip": "list, gzip", "list-uncached": "list, uncached",
         "filter-uncached": "filter, uncached", "detail-uncached": "detail, uncached", "search-uncached": "search, uncached",
         "mcp-search": "MCP search"}
COLD_EXISTING_TARGET_MS = 1000
COLD_FRESH_TARGET_MS = 3000
RSS_TARGET_MB = 120
ALLOCATION_ROWS = [
    ("List", "list"), ("Filter", "filter"), ("Detail", "detail"), ("Search", "search"),
    ("RedFlagCheck", "red-flag check"), ("NotModified", "304"),
    ("ListUncached", "list, uncached"), ("FilterUncached", "filter, uncached"),
    ("DetailUncached", "detail, uncached"), ("SearchUncached", "search, uncached"),
]


def errors(result):
    return sum(v for k, v in result.items() if k.startswith("errors_"))


def rps(result):
    return result["requests"] / result["duration_us"] * 1e6


def cpu_us(result):
    """The server's CPU time per request, in µs: unlike req/s, barely moved by other load on the machine."""
    if "server_ticks" not in result or not result["requests"]:
        return None
    return result["server_ticks"] / result["hz"] * 1e6 / result["requests"]


def other_load(result):
    """Shares of CPU 0 (server) and CPU 1 (wrk) used by anything but the server and wrk during the row, and the
    share of CPU 0 stolen by the hypervisor."""
    if not result.get("pinned"):
        return None
    wall = result["duration_us"] / 1e6 * result["hz"]
    other = max(0, result["core0_ticks"] - result["server_ticks"]) / wall
    other1 = max(0, result.get("core1_ticks", 0) - result.get("wrk_ticks", 0)) / wall if "wrk_ticks" in result else None
    return other, result["core0_steal_ticks"] / wall, other1


def fmt_load(result):
    load = other_load(result)
    if load is None:
        return "—"
    other, steal, other1 = load
    text = f"{other * 100:.0f} %" + (f" (+{steal * 100:.0f} % stolen)" if steal >= 0.005 else "")
    if other1 is not None:
        text += f" / {other1 * 100:.0f} %"
    # Tiered compilation still at work during a measured row means the row is not steady state.
    jit = result.get("jit_ticks", 0) / (result["duration_us"] / 1e6 * result["hz"])
    return text + (f"; JIT {jit * 100:.0f} %" if jit >= 0.01 else "")


PROFILE_BUCKETS = [
    "kernel: network, scheduling", "runtime: GC, allocation, casts, stubs", "JIT compiler",
    "Kestrel, sockets, pipelines", "response cache", "other ASP.NET Core and Extensions", "EF Core, SQLite",
    "System.Text.Json", "API code (CrampKnowledge.Api)", "FluentValidation", "BCL: strings, collections, LINQ, async",
    "OpenSSL (SHA-256 of the ETag)", "libc and other native",
]


def profile_bucket(dso, symbol):
    if dso.startswith("[kernel"):
        return PROFILE_BUCKETS[0]
    if dso == "libcoreclr.so" or symbol.startswith("stub ") or dso.startswith("libclrgc"):
        return PROFILE_BUCKETS[1]
    if dso == "libclrjit.so":
        return PROFILE_BUCKETS[2]
    if "sqlite" in dso.lower():
        return PROFILE_BUCKETS[6]
    if dso.startswith("libcrypto") or dso.startswith("libssl"):
        return PROFILE_BUCKETS[11]
    match = re.search(r"\[([A-Za-z][\w.]*)\]\s", symbol) if dso.startswith("[JIT]") else None
    assembly = match.group(1) if match else (dso[:-4] if dso.endswith(".dll") else None)
    if assembly is None:
        return PROFILE_BUCKETS[12]
    if "Hosting.ResponseCache." in symbol:
        return PROFILE_BUCKETS[4]
    for prefix, name in (
            ("CrampKnowledge", PROFILE_BUCKETS[8]), ("Microsoft.EntityFrameworkCore", PROFILE_BUCKETS[6]),
            ("Microsoft.Data.Sqlite", PROFILE_BUCKETS[6]), ("SQLitePCLRaw", PROFILE_BUCKETS[6]),
            ("Microsoft.AspNetCore.Server.Kestrel", PROFILE_BUCKETS[3]), ("System.Net.", PROFILE_BUCKETS[3]),
            ("System.IO.Pipelines", PROFILE_BUCKETS[3]), ("Microsoft.AspNetCore", PROFILE_BUCKETS[5]),
            ("Microsoft.Extensions", PROFILE_BUCKETS[5]), ("System.Text.Json", PROFILE_BUCKETS[7]),
            ("FluentValidation", PROFILE_BUCKETS[9]), ("System", PROFILE_BUCKETS[10])):
        if assembly.startswith(prefix):
            return name
    return PROFILE_BUCKETS[12]


def read_profile(path):
    """Self time by bucket, in % of the samples, and the heaviest symbols, from `perf report --sort dso,symbol`."""
    buckets, symbols = {}, []
    pattern = re.compile(r"^\s*([\d.]+)%\s+(.+?)\s+\[([.k])\]\s+(.*?)(?:\s+-\s+-)?\s*$")
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            match = pattern.match(raw)
            if not match:
                continue
            share, dso, symbol = float(match.group(1)), match.group(2).strip(), match.group(4)
            name = profile_bucket(dso, symbol)
            buckets[name] = buckets.get(name, 0) + share
            symbols.append((share, symbol if dso.startswith("[JIT]") else f"{symbol} ({dso})"))
    return buckets, sorted(symbols, reverse=True)


def short_symbol(symbol):
    """"instance void [Assembly] Namespace.Type+<M>d__1`1[System.__Canon]::MoveNext()[OptimizedTier1]" -> "Type+<M>d__1::MoveNext"."""
    match = re.search(r"\]\s+([^\s(]+::[^\s(]+)\(", symbol)
    if not match:
        return symbol.strip()
    type_name, method = match.group(1).rsplit("::", 1)
    type_name = re.sub(r"\[[^\[\]]*\]", "", re.sub(r"\[[^\[\]]*\]", "", type_name))  # generic arguments, nested once
    return f"{type_name.rsplit('.', 1)[-1]}::{method}"


def wrk_busy(result):
    """wrk's CPU time as a share of the row's duration; at 95 % or more the client, not the server, set the rate."""
    if "wrk_ticks" not in result or not result.get("hz"):
        return "—"
    share = result["wrk_ticks"] / result["hz"] / (result["duration_us"] / 1e6)
    return f"**{share:.0%}** (client-bound)" if share >= 0.95 else f"{share:.0%}"


def line(result):
    cpu = cpu_us(result)
    return (f"{rps(result):9.0f} req/s  p50 {result['p50_us'] / 1000:6.2f} ms  "
            f"p99 {result['p99_us'] / 1000:6.2f} ms  "
            + (f"{cpu:7.1f} µs CPU/req  " if cpu is not None else "")
            + f"other load on CPU 0 {fmt_load(result)}  {errors(result)} errors")


def load(work):
    metrics = {}
    lists = {}
    with open(os.path.join(work, "metrics.tsv"), encoding="utf-8") as f:
        for raw in f:
            key, _, value = raw.rstrip("\n").partition("\t")
            metrics[key] = value
            lists.setdefault(key, []).append(value)
    results = {}
    with open(os.path.join(work, "results.tsv"), encoding="utf-8") as f:
        for raw in f:
            variant, row, target, payload = raw.rstrip("\n").split("\t", 3)
            results[(variant, row, target)] = json.loads(payload)
    return metrics, lists, results


def size_bytes(text):
    match = re.match(r"^\s*([\d.,]+)\s*(B|KB|MB|GB)\s*$", text or "")
    if not match:
        return None
    factor = {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}[match.group(2)]
    return float(match.group(1).replace(",", "")) * factor


def time_us(text):
    match = re.match(r"^\s*([\d.,]+)\s*(ns|us|μs|ms|s)\s*$", text or "")
    if not match:
        return None
    factor = {"ns": 1e-3, "us": 1, "μs": 1, "ms": 1e3, "s": 1e6}[match.group(2)]
    return float(match.group(1).replace(",", "")) * factor


def allocations(work):
    files = glob.glob(os.path.join(work, "allocations", "results", "*-report.csv"))
    if not files:
        return {}
    table = {}
    with open(files[0], encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            table[(row["Method"], row["Target"])] = (size_bytes(row.get("Allocated")), time_us(row.get("Mean")))
    return table


def fmt_ratio(value):
    return "—" if value is None else f"{value:.2f}×"


def fmt_kb(value):
    return "—" if value is None else f"{value / 1024:.1f} KB"


def main(work, mode):
    metrics, lists, results = load(work)
    full = mode == "full"
    variant_count = sum(1 for k in metrics if k.startswith("variant.") and k.endswith(".label"))
    out = []
    w = out.append
    failed = [(k, r) for k, r in results.items() if errors(r) > 0]

    w(f"# CrampKnowledge benchmark: {mode} run, {metrics['date']}")
    w("")
    w(f"- command: `{metrics['command']}` (took {metrics['duration_s']} s), commit {metrics['commit']}")
    w(f"- machine: {metrics['cores']} cores ({metrics['cpu']}), {metrics['memory']}, {metrics['kernel']}; "
      f".NET SDK {metrics['dotnet']} (ASP.NET Core runtime {metrics['runtime']}), wrk {metrics['wrk']}, nginx {metrics['nginx']}")
    w(f"- load: wrk, {metrics['connections']} connections, {metrics['wrk_threads']} thread(s), "
      f"{metrics['seconds']} s per row after a {metrics['warmup_seconds']} s warm-up of each API process; "
      f"pinning: {metrics['pinning']}; `Accept: application/json`, `Accept-Encoding: identity` unless the row says otherwise")
    w(f"- load average (1, 5, 15 min) before the run: {metrics.get('load_before')}, after: {metrics.get('load_after')}; "
      "\"other load on CPU 0 / 1\" is the busy time of the server's core not spent in the server process, and of "
      "wrk's core not spent in wrk, during the row (anything above a few % means the row was disturbed)")
    build = {"published": "published build (`dotnet publish -c Release`, ReadyToRun, as the Dockerfile ships it)",
             "plain": "plain build (`dotnet build -c Release` output, no ReadyToRun, as `dotnet run -c Release` starts it)"}
    w(f"- API: {build.get(metrics.get('build', 'published'), metrics.get('build'))}, "
      "`ASPNETCORE_ENVIRONMENT=Production`, `Http__RateLimit__Enabled=false`, "
      "stdout and stderr to a file; references: bench/Reference (Kestrel, precomputed bytes) and nginx (static files), "
      "each answering the API's own bytes for the row")
    warmups = sorted((k.split(".")[1], k.split(".")[2], metrics[k], metrics.get(k.replace(".seconds", ".jit_permille"), "?"))
                     for k in metrics if k.startswith("warmup.") and k.endswith(".seconds"))
    if warmups:
        w("- warm-up (mix of every row's request; uncached ones with an `Authorization` header, which the response cache "
          "neither reads nor fills) until tiered compilation used under 1 % of the core: " + ", ".join(
              f"{metrics.get(f'variant.{v}.label', 'Kestrel reference')} {sec} s (JIT {int(pm) / 10:.1f} % in the last chunk)"
              for v, _, sec, pm in warmups))
    if metrics.get("core_speed.server") and metrics.get("core_speed.client"):
        server_speed, client_speed = int(metrics["core_speed.server"]), int(metrics["core_speed.client"])
        w(f"- core speed (Python busy loop, iterations/s): server's core {server_speed:,}, wrk's core {client_speed:,} "
          f"({client_speed / server_speed:.2f}× the server's); both at once: {int(metrics.get('core_speed.server_with_client', 0)):,} and "
          f"{int(metrics.get('core_speed.client_with_server', 0)):,}. A ratio assumes wrk can outrun the reference: where the "
          "references' wrk used ≥ 95 % of its core (References table), the reference is client-bound and ratios to it read high")
    if not full:
        w("- **smoke mode: durations too short to mean anything; targets not checked**")
    w("")

    for v in range(variant_count):
        label = metrics[f"variant.{v}.label"]
        settings = metrics[f"variant.{v}.settings"]
        w(f"## Requests: {label}")
        w("")
        w(f"Settings: {settings if settings.startswith('(') else '`' + settings.replace(',', '`, `') + '`'}.")
        w("")
        head = ("| endpoint | req/s | p50 | p99 | × Kestrel bytes | × nginx | CPU per request | × Kestrel by CPU "
                "| other load on CPU 0 / 1 | target | met? |")
        if v > 0:
            head = head.replace("| target |", f"| vs {metrics['variant.0.label']} | target |")
        w(head)
        w("|" + " --- |" * (head.count("|") - 1))
        for row_id, row_label, ratio_target, reference in ROWS:
            r = results.get((str(v), row_id, "api"))
            if r is None:
                continue
            kestrel = results.get(("x", reference, "kestrel"))
            nginx = results.get(("x", reference, "nginx"))
            to_kestrel = rps(r) / rps(kestrel) if kestrel else None
            to_nginx = rps(r) / rps(nginx) if nginx else None
            p99 = r["p99_us"] / 1000
            target = (f"≥ {ratio_target}× and " if ratio_target else "") + f"p99 ≤ {P99_TARGET_MS:g} ms"
            if not full:
                met = "—"
            else:
                misses = []
                if ratio_target and to_kestrel is not None and to_kestrel < ratio_target:
                    misses.append(f"ratio {to_kestrel:.2f}×")
                if p99 > P99_TARGET_MS:
                    misses.append(f"p99 {p99:.1f} ms")
                met = "yes" if not misses else "**no** (" + ", ".join(misses) + ")"
            if errors(r):
                met += f" — {errors(r)} errors"
            api_cpu = cpu_us(r)
            kestrel_cpu = cpu_us(kestrel) if kestrel else None
            cells = [row_label, f"{rps(r):,.0f}", f"{r['p50_us'] / 1000:.2f} ms", f"{p99:.2f} ms",
                     fmt_ratio(to_kestrel), fmt_ratio(to_nginx),
                     "—" if api_cpu is None else f"{api_cpu:,.0f} µs",
                     fmt_ratio(kestrel_cpu / api_cpu) if api_cpu and kestrel_cpu else "—",
                     fmt_load(r)]
            if v > 0:
                base = results.get(("0", row_id, "api"))
                cells.append(fmt_ratio(rps(r) / rps(base)) if base else "—")
            cells += [target, met]
            w("| " + " | ".join(cells) + " |")
        w("")
        mcp = results.get((str(v), "mcp-search", "api"))
        http = [(name, results.get((str(v), row_id, "api"))) for row_id, name in
                (("search-uncached", "the same search over HTTP, uncached (like for like: a tool call is never cached)"),
                 ("search", "the same search over HTTP from the response cache"))]
        if mcp and all(r for _, r in http):
            w("MCP tool call against HTTP: " + "; ".join(
                f"{rps(mcp) / rps(r):.2f}× {name} ({rps(mcp):,.0f} against {rps(r):,.0f} req/s)" for name, r in http) + ".")
            w("")

    open_loop = [(row_label, results.get(("0", row_id, "openloop"))) for row_id, row_label, _, _ in ROWS]
    open_loop = [(label, r) for label, r in open_loop if r]
    if open_loop:
        w(f"## Open-loop latency: {metrics['variant.0.label']}, at half of each row's capacity")
        w("")
        w("bench/openloop sends each row's request at a fixed rate, half of the req/s wrk measured for it above, over "
          f"{metrics['connections']} connections for {metrics.get('open_loop_rows_seconds', '?')} s, and measures each latency "
          "from when its request was due, so waiting behind a slow answer counts (no coordinated omission). "
          f"Target: p99 ≤ {OPEN_LOOP_P99_TARGET_MS:g} ms on every row.")
        w("")
        w("| endpoint | rate (req/s) | answered | p50 | p90 | p99 | p99.9 | max | errors | met? |")
        w("|" + " --- |" * 10)
        for label, r in open_loop:
            bad = r["errors"] + r["unanswered"]
            met = "—" if not full else ("yes" if r["p99_ms"] <= OPEN_LOOP_P99_TARGET_MS else f"**no** (p99 {r['p99_ms']:.2f} ms)")
            w(f"| {label} | {r['rate']:,.0f} | {r['requests']:,} | {r['p50_ms']:.2f} ms | {r['p90_ms']:.2f} ms | "
              f"{r['p99_ms']:.2f} ms | {r['p999_ms']:.2f} ms | {r['max_ms']:.1f} ms | {bad} | {met} |")
        w("")

    w("## References (the denominators)")
    w("")
    w("| response | bytes | Kestrel req/s | p50 | p99 | CPU per request | other load | wrk's CPU | nginx req/s | p50 | p99 "
      "| CPU per request | other load | wrk's CPU | Kestrel ÷ nginx |")
    w("|" + " --- |" * 15)
    for row_id, row_label, _, reference in ROWS:
        if row_id != reference:
            continue
        k = results.get(("x", row_id, "kestrel"))
        n = results.get(("x", row_id, "nginx"))
        if not k or not n:
            continue
        cpu = lambda r: "—" if cpu_us(r) is None else f"{cpu_us(r):,.0f} µs"
        name = SHORT.get(row_id, row_id)
        w(f"| {name} | {metrics.get(f'body.{row_id}.bytes', '?')} | {rps(k):,.0f} | {k['p50_us'] / 1000:.2f} ms | "
          f"{k['p99_us'] / 1000:.2f} ms | {cpu(k)} | {fmt_load(k)} | {wrk_busy(k)} | {rps(n):,.0f} | {n['p50_us'] / 1000:.2f} ms | "
          f"{n['p99_us'] / 1000:.2f} ms | {cpu(n)} | {fmt_load(n)} | {wrk_busy(n)} | {rps(k) / rps(n):.2f}× |")
    w("")
    w("Response header bytes (status line and headers; the bodies are identical): " + ", ".join(
        f"{row_id} API {metrics.get(f'headers.{row_id}.api')} / Kestrel {metrics.get(f'headers.{row_id}.kestrel')} / "
        f"nginx {metrics.get(f'headers.{row_id}.nginx')}" for row_id in ("list", "red-flag-check", "mcp-search", "not-modified")) + ".")
    w("")

    w("## Start-up and memory")
    w("")
    w("| measure | value | target | met? |")
    w("| --- | --- | --- | --- |")

    def check(ok):
        return "—" if not full else ("yes" if ok else "**no**")

    def runs(key):
        return [int(x) for x in lists.get(key, []) if x not in ("", "-")]

    for key, what, target in (
            ("cold_existing", "cold start to first 200 on `/api/v1`, existing database", COLD_EXISTING_TARGET_MS),
            ("cold_fresh", "cold start to first 200, database built from seed-data on start", COLD_FRESH_TARGET_MS)):
        values = runs(f"{key}_ms")
        if not values:
            continue
        m = statistics.median(values)
        phases = [(what, runs(f"{key}_{name}_ms")) for name, what in (
            ("first_log", "first log line"), ("prepared", "database opened and loaded"), ("listening", "Kestrel listening"))]
        split = "".join(f"; {what} at {statistics.median(v):.0f} ms" for what, v in phases if v)
        w(f"| {what} (median of {len(values)}: {', '.join(map(str, values))} ms{split}) | {m:.0f} ms | "
          + (f"≤ {target} ms | {check(m <= target)} |" if target else "— | — |"))
    if "cold_readytorun_note" in metrics:
        w(f"| experiment: ReadyToRun publish | {metrics['cold_readytorun_note']} | — | — |")
    reference = runs("cold_reference_ms")
    if reference:
        w(f"| cold start of the bare Kestrel app (bench/Reference) to first 200 (median of {len(reference)}: "
          f"{', '.join(map(str, reference))} ms) | {statistics.median(reference):.0f} ms | — | — |")
    for v in range(variant_count):
        label = metrics[f"variant.{v}.label"]
        rss = float(metrics[f"variant.{v}.rss_mb"])
        w(f"| RSS after the load run ({label}; after the cached rows: {metrics[f'variant.{v}.rss_cached_mb']} MB, "
          f"peak {metrics[f'variant.{v}.hwm_mb']} MB) | {rss:.1f} MB | ≤ {RSS_TARGET_MB} MB | {check(rss <= RSS_TARGET_MB)} |")
    w(f"| RSS of the Kestrel reference after its load | {metrics.get('reference.rss_mb', '?')} MB | — | — |")
    for v in range(variant_count):
        lines = int(metrics.get(f"variant.{v}.log_lines", "0"))
        size = int(metrics.get(f"variant.{v}.log_bytes", "0"))
        # The open-loop rows' requests are logged too (production only).
        total = sum(r["requests"] for (variant, _, target), r in results.items() if variant == str(v) and target in ("api", "openloop"))
        w(f"| log written by the API ({metrics[f'variant.{v}.label']}) | {lines:,} lines, {size / 1048576:.1f} MB "
          f"for {total:,} requests ({size / max(total, 1):.0f} B per request) | — | — |")
    w("")

    def profiles_of(target):
        found = {row_id: os.path.join(work, f"profile-{target}-{row_id}.txt") for row_id, *_ in ROWS}
        return {k: read_profile(v) for k, v in found.items() if os.path.exists(v) and os.path.getsize(v) > 0}

    profiles = profiles_of("api")
    reference_profiles = profiles_of("kestrel")
    profiled = next((str(v) for v in range(variant_count) if metrics[f"variant.{v}.label"].startswith("profiled")), None)
    if profiles:
        w("## Where the CPU time goes (perf, profiled copy of the production API)")
        w("")
        w("Self time by component, % of the server process's cpu-clock samples during the row (perf record -F 499; "
          "JIT-compiled code named from the runtime's perf map). The profiled process runs with "
          "`DOTNET_PerfMapEnabled=1` and `DOTNET_EnableWriteXorExecute=0`; its throughput is in its own table above.")
        w("")
        rows = [(row_id, label) for row_id, label, *_ in ROWS if row_id in profiles]
        used = [b for b in PROFILE_BUCKETS if any(profiles[r][0].get(b, 0) >= 0.5 for r, _ in rows)]
        short = {row_id: SHORT.get(row_id, row_id) for row_id, _ in rows}
        w("| component | " + " | ".join(short[r] for r, _ in rows) + " |")
        w("|" + " --- |" * (len(rows) + 1))
        for b in used:
            w(f"| {b} | " + " | ".join(f"{profiles[r][0].get(b, 0):.0f}" for r, _ in rows) + " |")
        w("")
        compared = [r for r, _ in rows if r in reference_profiles and profiled is not None
                    and (profiled, r, "api") in results and ("x", r, "kestrel") in results]
        if compared:
            w("The same in µs of CPU per request (share × the row's CPU per request), the profiled API against the "
              "Kestrel reference profiled the same way, for the rows that have a reference: what the API adds.")
            w("")
            w("| component | " + " | ".join(f"{short[r]}: API / Kestrel" for r in compared) + " |")
            w("|" + " --- |" * (len(compared) + 1))
            api_cpu = {r: cpu_us(results[(profiled, r, "api")]) for r in compared}
            ref_cpu = {r: cpu_us(results[("x", r, "kestrel")]) for r in compared}
            for b in PROFILE_BUCKETS:
                cells = [(profiles[r][0].get(b, 0) * api_cpu[r] / 100, reference_profiles[r][0].get(b, 0) * ref_cpu[r] / 100)
                         for r in compared]
                if any(a >= 0.5 or k >= 0.5 for a, k in cells):
                    w(f"| {b} | " + " | ".join(f"{a:.1f} / {k:.1f}" for a, k in cells) + " |")
            w("| **total** | " + " | ".join(f"**{api_cpu[r]:.0f} / {ref_cpu[r]:.0f}**" for r in compared) + " |")
            w("")
        w("Heaviest symbols outside the kernel (self time) per row:")
        w("")
        for row_id, _ in rows:
            top = [(share, sym) for share, sym in profiles[row_id][1] if "[kernel" not in sym][:6]
            w(f"- {short[row_id]}: " + "; ".join(f"{short_symbol(sym)} {share:.1f} %" for share, sym in top))
        w("")

    table = allocations(work)
    w("## Allocations per request (in process, BenchmarkDotNet `[MemoryDiagnoser]`)")
    w("")
    if not table:
        w("No BenchmarkDotNet results were found.")
    else:
        w("The API (Production settings, logging off) and a bare app answering the same bytes, both through "
          "TestServer and HttpClient; the reference row is the harness's own share, so API − reference is what "
          "the API allocates. Mean is in-process time per request on one core, with `DOTNET_TieredCompilation=0` "
          "(fully optimised code from the first call, no dynamic PGO) so that a short run is not measuring tier-0 code.")
        w("")
        w("| request | API allocated | reference allocated | API − reference | API mean | reference mean |")
        w("| --- | --- | --- | --- | --- | --- |")
        for method, label in ALLOCATION_ROWS:
            api = table.get((method, "api"), (None, None))
            ref = table.get((method, "reference"), (None, None))
            delta = api[0] - ref[0] if api[0] is not None and ref[0] is not None else None
            mean = lambda t: "—" if t is None else f"{t:,.1f} µs"
            w(f"| {label} | {fmt_kb(api[0])} | {fmt_kb(ref[0])} | {fmt_kb(delta)} | {mean(api[1])} | {mean(ref[1])} |")
    w("")

    if failed:
        w("## Errors")
        w("")
        for (variant, row, target), r in sorted(failed):
            w(f"- {row} on {target} (variant {variant}): " + ", ".join(
                f"{k[7:]} {v}" for k, v in r.items() if k.startswith("errors_") and v))
        w("")
    print("\n".join(out))
    return 3 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--line":
        print(line(json.loads(sys.argv[2])))
        sys.exit(0)
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
