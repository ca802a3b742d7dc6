#!/usr/bin/env bash
# Makes podman ready for the container tests (tests/CrampKnowledge.EndToEnd.Tests/Containers/) and
# builds, locally, the images they need. No container registry is reachable from CI, so nothing can
# be pulled: not Microsoft's .NET images, not nginx, not Testcontainers' Ryuk. Instead:
#   crampknowledge-debian:bookworm    Debian made with debootstrap and imported (about 4 minutes,
#                                     once; reused while it exists)
#   crampknowledge-dotnet-sdk:<ver>   stand-in for mcr.microsoft.com/dotnet/sdk:10.0, carrying this
#                                     machine's own .NET SDK
#   crampknowledge-dotnet-aspnet:<ver> stand-in for mcr.microsoft.com/dotnet/aspnet:10.0, carrying
#                                     only this machine's .NET and ASP.NET Core runtimes
#   crampknowledge-nginx:bookworm     Debian's nginx, for the proxy in front of the API containers
# The repository's Dockerfile builds from these through its SDK_IMAGE and RUNTIME_IMAGE arguments.
# Then starts podman's Docker-compatible API on a unix socket, for Testcontainers.
#   scripts/container-images.sh         prepare everything, reusing what is already there
#   scripts/container-images.sh --env   print the environment the tests need (for eval)
# Runs as root (podman rootful). Installs podman, runc and debootstrap when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

socket=/run/podman/podman.sock
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
sdk_version=$(dotnet --version)
runtime_version=$(basename "$(ls -d "$dotnet_root"/shared/Microsoft.AspNetCore.App/*/ | sort -V | tail -n 1)")
base_image=localhost/crampknowledge-debian:bookworm
deps_image=localhost/crampknowledge-dotnet-deps:bookworm
# The certificate authorities this machine trusts beyond Debian's (a TLS-inspecting egress proxy,
# say). The SDK stand-in trusts them too, or `dotnet restore` in the image build cannot reach NuGet
# where the host can; its tag names them, so a change rebuilds it. The runtime image gets none.
local_cas=/usr/local/share/ca-certificates
ca_tag=$(cat "$local_cas"/*.crt 2>/dev/null | sha256sum | cut -c1-8)
sdk_image=localhost/crampknowledge-dotnet-sdk:$sdk_version-ca$ca_tag
runtime_image=localhost/crampknowledge-dotnet-aspnet:$runtime_version
nginx_image=localhost/crampknowledge-nginx:bookworm

print_env() {
  # DOCKER_HOST: Testcontainers speaks the Docker API; podman's service answers it on this socket.
  # Ryuk (the reaper container) cannot be pulled; the fixture removes its own containers.
  # HOST_OVERRIDE: a /.dockerenv file on this machine makes Testcontainers believe it runs inside
  # a container and look for the mapped ports on a gateway address; they are on 127.0.0.1.
  cat <<ENV
export DOCKER_HOST=unix://$socket
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
export CRAMPKNOWLEDGE_SDK_IMAGE=$sdk_image
export CRAMPKNOWLEDGE_RUNTIME_IMAGE=$runtime_image
export CRAMPKNOWLEDGE_NGINX_IMAGE=$nginx_image
ENV
}

if [ "${1:-}" = "--env" ]; then
  print_env
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/container-images.sh runs podman as root; run it as root." >&2
  exit 1
fi

missing=()
command -v podman >/dev/null 2>&1 || missing+=(podman)
command -v runc >/dev/null 2>&1 || missing+=(runc)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
command -v curl >/dev/null 2>&1 || missing+=(curl)
# Network aliases (api1..api3 for nginx) need DNS on the network; with podman 4.3 and CNI that is
# the dnsname plugin.
[ -x /usr/lib/cni/dnsname ] || missing+=(golang-github-containernetworking-plugin-dnsname)
./scripts/install-debian-packages.sh ${missing[@]+"${missing[@]}"}

# runc: Debian's default crun refuses this machine's hybrid cgroups. The ulimits: podman raises
# nofile/nproc hard limits by default, which the kernel does not permit here.
conf=/etc/containers/containers.conf
wanted_conf='# Written by CrampKnowledge scripts/container-images.sh.
[engine]
runtime = "runc"

[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]'
if [ ! -f "$conf" ] || ! grep -q '^runtime = "runc"' "$conf" || ! grep -q 'nofile=1024:1024' "$conf"; then
  if [ -f "$conf" ] && ! grep -q 'CrampKnowledge' "$conf"; then
    echo "$conf exists and sets something else; it needs runtime = \"runc\" and default_ulimits = [\"nofile=1024:1024\", \"nproc=4096:4096\"]." >&2
    exit 1
  fi
  mkdir -p "$(dirname "$conf")"
  printf '%s\n' "$wanted_conf" >"$conf"
fi

has_image() { podman image exists "$1"; }
started=$SECONDS
step() { echo "[container-images $((SECONDS - started)) s] $*" >&2; }

if ! has_image "$base_image"; then
  step "debootstrap --variant=minbase bookworm (about 4 minutes) ..."
  root=$(mktemp -d /var/tmp/crampknowledge-debian.XXXXXX)
  trap 'rm -rf "$root"' EXIT
  mirror=http://deb.debian.org/debian
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 || {
    cat "$root.log" >&2
    exit 1
  }
  rm -f "$root.log"
  # Same sources as the official debian:bookworm image, and no caches in the image.
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb http://deb.debian.org/debian-security bookworm-security main\n' "$mirror" "$mirror" >"$root/etc/apt/sources.list"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | podman import --quiet --change 'CMD ["bash"]' - "$base_image" >/dev/null
  rm -rf "$root"
  trap - EXIT
fi
step "base image $base_image ready"

# What Microsoft's runtime-deps image adds to Debian: the libraries .NET loads, CA certificates,
# time zones, and the non-root `app` user whose id the Dockerfile reads from APP_UID.
if ! has_image "$deps_image"; then
  step "building $deps_image ..."
  podman build --quiet -t "$deps_image" --build-arg BASE="$base_image" -f - . >/dev/null <<'CONTAINERFILE'
ARG BASE
FROM ${BASE}
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g \
    && rm -rf /var/lib/apt/lists/*
ENV APP_UID=1654 \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true
RUN groupadd --gid=$APP_UID app && useradd --no-log-init --uid=$APP_UID --gid=$APP_UID --create-home app
CONTAINERFILE
fi

# An image from $deps_image with the given parts of this machine's .NET install in /usr/share/dotnet
# (and, with trust=local-cas, this machine's own certificate authorities). Hard links (same file
# system) keep the copy into the build context instant.
dotnet_image() {
  local image=$1 env=$2 trust=$3
  shift 3
  local context
  context=$(mktemp -d /var/tmp/crampknowledge-dotnet.XXXXXX)
  mkdir -p "$context/dotnet" "$context/ca"
  if [ "$trust" = local-cas ]; then
    cp "$local_cas"/*.crt "$context/ca/" 2>/dev/null || true
  fi
  for part in "$@"; do
    mkdir -p "$context/dotnet/$(dirname "$part")"
    cp -al "$dotnet_root/$part" "$context/dotnet/$part" 2>/dev/null || cp -a "$dotnet_root/$part" "$context/dotnet/$part"
  done
  cat >"$context/Containerfile" <<CONTAINERFILE
FROM $deps_image
COPY dotnet/ /usr/share/dotnet/
COPY ca/ /usr/local/share/ca-certificates/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && update-ca-certificates >/dev/null
ENV DOTNET_ROOT=/usr/share/dotnet $env
CONTAINERFILE
  podman build --quiet -t "$image" "$context" >/dev/null
  rm -rf "$context"
}

if ! has_image "$runtime_image"; then
  step "building $runtime_image (this machine's .NET $runtime_version runtimes) ..."
  dotnet_image "$runtime_image" "DOTNET_VERSION=$runtime_version ASPNET_VERSION=$runtime_version" none \
    dotnet LICENSE.txt ThirdPartyNotices.txt host \
    "shared/Microsoft.NETCore.App/$runtime_version" "shared/Microsoft.AspNetCore.App/$runtime_version"
fi

if ! has_image "$sdk_image"; then
  step "building $sdk_image (this machine's .NET SDK $sdk_version) ..."
  parts=(dotnet host shared "sdk/$sdk_version")
  for optional in LICENSE.txt ThirdPartyNotices.txt packs sdk-manifests templates library-packs; do
    [ -e "$dotnet_root/$optional" ] && parts+=("$optional")
  done
  dotnet_image "$sdk_image" "DOTNET_SDK_VERSION=$sdk_version DOTNET_NOLOGO=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false NUGET_XMLDOC_MODE=skip" local-cas \
    "${parts[@]}"
fi

# Debian's nginx, laid out like the official nginx image where deploy/nginx/compose/nginx.conf
# relies on it: a `nginx` user, /etc/nginx/mime.types, and logs that go to the container's output.
if ! has_image "$nginx_image"; then
  step "building $nginx_image ..."
  podman build --quiet -t "$nginx_image" --build-arg BASE="$base_image" -f - . >/dev/null <<'CONTAINERFILE'
ARG BASE
FROM ${BASE}
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 101 nginx \
    && useradd --system --no-log-init --uid 101 --gid nginx --home-dir /nonexistent --shell /usr/sbin/nologin nginx \
    && ln -sf /dev/stdout /var/log/nginx/access.log \
    && ln -sf /dev/stderr /var/log/nginx/error.log
EXPOSE 8080
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
CONTAINERFILE
fi
step "images ready: $sdk_image, $runtime_image, $nginx_image"

# podman's Docker-compatible API for Testcontainers. It outlives this script on purpose: the tests
# run after it. Started once; a running service is reused.
ping_service() { curl -fsS --max-time 2 --unix-socket "$socket" http://d/_ping >/dev/null 2>&1; }
if ! ping_service; then
  mkdir -p "$(dirname "$socket")"
  rm -f "$socket"
  # Started from / : the service outlives this checkout, and conmon fails every container start ("Failed to get
  # working directory") once the directory it was started from is deleted.
  (cd / && exec setsid nohup podman system service --time=0 "unix://$socket" >/var/log/crampknowledge-podman-service.log 2>&1 </dev/null) &
  for _ in $(seq 1 50); do
    ping_service && break
    sleep 0.2
  done
  ping_service || {
    cat /var/log/crampknowledge-podman-service.log >&2
    echo "podman system service did not answer on $socket." >&2
    exit 1
  }
fi
step "podman API on $socket"
