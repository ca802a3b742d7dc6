#!/usr/bin/env bash
# Installs the given Debian packages with apt-get (as root or through sudo), without letting their
# scripts start services: Debian's nginx package would otherwise start a server on port 80.
#   scripts/install-debian-packages.sh PACKAGE...
# Used by scripts/test.sh and bench/run.sh for what they find missing.
set -euo pipefail
[ $# -gt 0 ] || exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing $*, and no apt-get to install it; install it by hand." >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "Missing $*; run as root or install sudo." >&2
    exit 1
  fi
  sudo=(sudo)
fi

echo "Installing $* ..." >&2
# policy-rc.d tells package scripts not to start services; only when there is no policy already.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod +x "$policy"
  trap '"${sudo[@]}" rm -f "$policy"' EXIT
fi
log=$(mktemp)
status=0
{
  "${sudo[@]}" apt-get update -qq &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
} >"$log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  cat "$log" >&2
  rm -f "$log"
  echo "Installing $* failed." >&2
  exit "$status"
fi
rm -f "$log"
# Belt and braces: the tests and the benchmark start nginx with their own configuration and port.
if [ -f /run/nginx.pid ]; then
  "${sudo[@]}" /usr/sbin/nginx -s quit 2>/dev/null || true
fi
