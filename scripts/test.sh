#!/usr/bin/env bash
# Runs every test the project has. Installs what the tests need on a fresh Debian machine first,
# so CI and a new clone run exactly the same thing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net)." >&2
  exit 1
fi

# The scale-out tests run a real nginx in front of three API processes, validate docker-compose.yml
# with `docker-compose config` and read the Kubernetes sample with PyYAML; the browser tests drive
# Debian's Chromium with Playwright (its own browser download cannot work here); the benchmark's
# smoke run needs wrk and taskset; the MCP tests run the TypeScript SDK under Node; the dashboard's queries are asked
# of Debian's Prometheus (with promtool) after it scraped the API. Install only what is missing.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v taskset >/dev/null 2>&1 || missing+=(util-linux)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
./scripts/install-debian-packages.sh ${missing[@]+"${missing[@]}"}

# The MCP end-to-end tests talk to the API with an independent client: the official TypeScript SDK,
# at the version package-lock.json pins.
npm ci --prefix tests/CrampKnowledge.EndToEnd.Tests/Mcp/client --no-audit --no-fund --loglevel=error

# The container tests build the Dockerfile and run compose's deployment under podman, from local
# images (no registry is reachable): installs and configures podman, builds what is missing (the
# Debian base once, about 1-4 minutes; reused after) and starts podman's Docker API for Testcontainers.
./scripts/container-images.sh
eval "$(./scripts/container-images.sh --env)"

# Known-vulnerable packages fail the run (high or critical), where the registry has the data.
./scripts/audit-packages.sh

# Everything is installed now, so a missing tool is a failure, not a reason to skip.
export CRAMPKNOWLEDGE_REQUIRE_TOOLS=1
# Release: the end-to-end, load and browser tests run the API as it is deployed.
dotnet test CrampKnowledge.sln --configuration Release --nologo "$@"

# The benchmark in smoke mode: every step of bench/run.sh for about a second each, so the script
# cannot rot. Its numbers mean nothing; docs/benchmarks.md has a full run's.
./bench/run.sh --smoke
