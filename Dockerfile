# CrampKnowledge API image: the published app plus the SQLite database built from seed-data at
# image build time. Every container of one image therefore serves the same content, with the same
# content version and ETags, and never writes anything.
#   docker build -t crampknowledge-api .
#   docker run --rm -p 8080:8080 --read-only --tmpfs /tmp crampknowledge-api

# The base images are arguments so that this same file also builds where no registry can be reached:
# the container tests build it from local stand-ins for Microsoft's images, made from Debian and this
# machine's own .NET by scripts/container-images.sh. A stand-in must set what these images set and
# this file relies on: APP_UID (1654, the non-root `app` user) and dotnet on the PATH.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

# Build stage: restore (cached until a project file changes), publish Release, build the database.
FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CrampKnowledge.Api/CrampKnowledge.Api.csproj src/CrampKnowledge.Api/
RUN dotnet restore src/CrampKnowledge.Api/CrampKnowledge.Api.csproj
COPY seed-data/ seed-data/
COPY src/ src/
RUN dotnet publish src/CrampKnowledge.Api/CrampKnowledge.Api.csproj -c Release --no-restore -o /app

# Validates seed-data (an invalid file fails the image build, one line per problem) and writes
# /app/data/knowledge.db, a single file in rollback-journal mode. Then nobody may write it.
WORKDIR /app
ENV ConnectionStrings__Knowledge="Data Source=/app/data/knowledge.db"
RUN dotnet CrampKnowledge.Api.dll --build-database \
    && chmod 0555 /app/data \
    && find /app/data -type f -exec chmod 0444 {} +
# Proves at build time that the runtime user can open the file as shipped: the content hash
# matches, so this only reads; if it could not open the file it would try to rebuild and fail.
USER $APP_UID
RUN dotnet CrampKnowledge.Api.dll --build-database

# Runtime stage: ASP.NET Core runtime only, non-root, nothing writable but /tmp (if mounted).
FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
# Owned by root and read-only (modes kept from the build stage); the app user only reads.
COPY --from=build /app ./
# DOTNET_GCgen0size: the smallest gen0 budget the GC may use. Its default follows the CPU's cache size
# (tens of MB on server CPUs), which a process this small never needs: RSS after the benchmark's load
# 138 → 127 MB in one run (docs/benchmarks.md). It is here because the GC reads it only from the
# environment: on .NET 10, System.GC.Gen0Size or GCgen0size in runtimeconfig.json leave the number of gen0
# collections unchanged (measured). Properties/launchSettings.json sets it for `dotnet run`.
# The other GC settings (1 MB regions) are in the csproj, so they reach runtimeconfig.json and every start.
# DOTNET_EnableWriteXorExecute=0: the runtime's W^X hardening maps every page of JIT code, stubs and type data
# twice (writable and executable) and switches between the two on each write; it cost 150-350 ms of a 1.1-1.5 s
# cold start at 1x content and 0.5-0.9 s at 100x (interleaved cold starts, docs/benchmarks.md). It guards against
# exploits that write into code pages; this process runs managed code only, reads a read-only file, and has a
# read-only root filesystem. Also read only from the environment (a runtimeconfig property leaves the double
# mapping in place: measured), so Properties/launchSettings.json sets it too.
# MALLOC_ARENA_MAX=2: glibc gives each thread that calls malloc an arena of its own (up to 8 per core) and keeps
# what the arena once held; the start-up load's threads leave theirs behind. Two arenas: 7-8 MB less resident after
# the load at 100x content (279 -> 271 MB) and 2-3 MB at 1x, in paired runs (docs/benchmarks.md). glibc reads it
# only from the environment; Properties/launchSettings.json sets it too.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    ConnectionStrings__Knowledge="Data Source=/app/data/knowledge.db" \
    DOTNET_GCgen0size=0x400000 \
    DOTNET_EnableWriteXorExecute=0 \
    MALLOC_ARENA_MAX=2
USER $APP_UID
EXPOSE 8080
# No HEALTHCHECK: the aspnet image has neither curl nor wget. docker-compose.yml probes
# /health/ready with bash, and Kubernetes uses httpGet probes (deploy/kubernetes/).
ENTRYPOINT ["dotnet", "CrampKnowledge.Api.dll"]
