#!/usr/bin/env bash
# Lists NuGet packages with known vulnerabilities (direct and transitive) and fails on high or
# critical severity. When the package registry cannot answer, it says so and does not fail: the
# audit is only as good as the vulnerability data the registry serves.
set -euo pipefail
cd "$(dirname "$0")/.."

# NuGet takes vulnerability data from the registry's VulnerabilityInfo resource. Without it the
# listing below would report "no vulnerable packages" without having checked anything.
index=$(curl -fsS --max-time 20 https://api.nuget.org/v3/index.json 2>/dev/null || true)
if ! grep -q '"VulnerabilityInfo' <<<"$index"; then
  echo "Package audit skipped: the registry serves no vulnerability data (no VulnerabilityInfo resource in its service index)." >&2
  exit 0
fi

if ! report=$(dotnet list CrampKnowledge.sln package --vulnerable --include-transitive --format json 2>&1); then
  echo "Package audit skipped: the registry did not answer ($(echo "$report" | tail -n 1))." >&2
  exit 0
fi

echo "$report" | python3 -c '
import json, sys
report = json.load(sys.stdin)
found = []
for project in report.get("projects", []):
    for framework in project.get("frameworks", []):
        for package in framework.get("topLevelPackages", []) + framework.get("transitivePackages", []):
            for vulnerability in package.get("vulnerabilities", []):
                found.append((vulnerability.get("severity", "?"), package["id"], package.get("resolvedVersion", "?"),
                              vulnerability.get("advisoryurl", ""), project["path"].split("/")[-1]))
severe = [f for f in found if f[0].lower() in ("high", "critical")]
for severity, package, version, url, project in sorted(set(found)):
    print(f"  {severity:8} {package} {version} ({project}) {url}")
print(f"Package audit: {len(set(found))} vulnerable package versions, {len(set(severe))} high or critical.")
sys.exit(1 if severe else 0)
'
