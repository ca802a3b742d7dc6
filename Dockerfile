# Build stage: restore and publish; seed-data travels with the app and builds the SQLite file on first start.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY seed-data/ seed-data/
COPY src/ src/
RUN dotnet publish src/CrampKnowledge.Api -c Release -o /app

# Runtime stage: ASP.NET runtime only, non-root.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__Knowledge="Data Source=/tmp/knowledge.db"
EXPOSE 8080
ENTRYPOINT ["dotnet", "CrampKnowledge.Api.dll"]
