#!/usr/bin/env bash
# Runs every test the project has. Installs what the tests need on a fresh Debian machine first,
# so CI and a new clone run exactly the same thing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net)." >&2
  exit 1
fi

dotnet test CrampKnowledge.sln --nologo "$@"
