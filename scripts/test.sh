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
# Debian's Chromium with Playwright (its own browser download cannot work here). Install only what is missing.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing ${missing[*]} and no apt-get to install it; install it by hand." >&2
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "Missing ${missing[*]}; run as root or install sudo." >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  echo "Installing ${missing[*]} for the scale-out and browser tests..."
  # Debian's nginx package starts a server on port 80 after installing; policy-rc.d tells the
  # package scripts not to start services. Only when there is no policy already.
  policy=/usr/sbin/policy-rc.d
  added_policy=false
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
    "${sudo[@]}" chmod +x "$policy"
    added_policy=true
    trap '"${sudo[@]}" rm -f "$policy"' EXIT
  fi
  log=$(mktemp)
  status=0
  {
    "${sudo[@]}" apt-get update -qq &&
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  } >"$log" 2>&1 || status=$?
  if [ "$added_policy" = true ]; then
    "${sudo[@]}" rm -f "$policy"
    trap - EXIT
  fi
  if [ "$status" -ne 0 ]; then
    cat "$log" >&2
    echo "Installing ${missing[*]} failed." >&2
    exit "$status"
  fi
  rm -f "$log"
  # Belt and braces: our tests start nginx with their own configuration and port.
  if [ -f /run/nginx.pid ]; then
    "${sudo[@]}" /usr/sbin/nginx -s quit 2>/dev/null || true
  fi
fi

# Known-vulnerable packages fail the run (high or critical), where the registry has the data.
./scripts/audit-packages.sh

# Everything is installed now, so a missing tool is a failure, not a reason to skip.
export CRAMPKNOWLEDGE_REQUIRE_TOOLS=1
# Release: the end-to-end, load and browser tests run the API as it is deployed.
dotnet test CrampKnowledge.sln --configuration Release --nologo "$@"
