# syntax=docker/dockerfile:1
# The Bandit silo. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t bandit/silo:dev .
# Multi-platform: docker buildx build --platform linux/amd64,linux/arm64 ... (the SDK stage runs natively).

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ARG TARGETARCH
WORKDIR /src
# Restore from the project files alone, so that a change of code does not download every package again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Contracts/Contracts.csproj src/Contracts/
COPY src/DevBroker/DevBroker.csproj src/DevBroker/
COPY src/Gateway/Gateway.csproj src/Gateway/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Grains.Interfaces/Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Ranking/Ranking.csproj src/Ranking/
COPY src/Silo/Silo.csproj src/Silo/
COPY src/Streaming.Kafka/Streaming.Kafka.csproj src/Streaming.Kafka/
RUN dotnet restore src/Silo/Silo.csproj
COPY src/ src/
# Framework-dependent and portable (no runtime identifier): librdkafka's native files stay under
# runtimes/<rid>/native, where Confluent.Kafka looks for them. slim-publish.sh then drops other platforms.
RUN dotnet publish src/Silo/Silo.csproj -c Release --no-restore -o /app -p:UseAppHost=false
COPY deploy/docker/slim-publish.sh /usr/local/bin/
RUN slim-publish.sh /app "$TARGETARCH"

# Ubuntu chiseled: no shell, no package manager, non-root user "app" (UID 1654). librdkafka's fallback
# build needs only glibc (libc, libm, libdl, libpthread, librt), which the image has; TLS is built into it.
# ICU is not needed: the build sets InvariantGlobalization.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
WORKDIR /app
COPY --from=build /app ./
# The manifests set the Kestrel endpoints; without this the image's default port 8080 is announced too.
ENV ASPNETCORE_HTTP_PORTS=
USER 1654
EXPOSE 5000 5080 11111 30000
ENTRYPOINT ["dotnet", "Bandit.Silo.dll"]
