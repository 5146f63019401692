# syntax=docker/dockerfile:1
# The stand-alone Bandit gateway. Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t bandit/gateway:dev .

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Contracts/Contracts.csproj src/Contracts/
COPY src/Gateway/Gateway.csproj src/Gateway/
COPY src/Grains.Interfaces/Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Ranking/Ranking.csproj src/Ranking/
RUN dotnet restore src/Gateway/Gateway.csproj
COPY src/Contracts/ src/Contracts/
COPY src/Gateway/ src/Gateway/
COPY src/Grains.Interfaces/ src/Grains.Interfaces/
COPY src/Ranking/ src/Ranking/
RUN dotnet publish src/Gateway/Gateway.csproj -c Release --no-restore -o /app -p:UseAppHost=false
COPY deploy/docker/slim-publish.sh /usr/local/bin/
RUN slim-publish.sh /app "$TARGETARCH"

# See silo.Dockerfile for why this image carries what librdkafka needs.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=
USER 1654
EXPOSE 5100 5180
ENTRYPOINT ["dotnet", "Bandit.Gateway.dll"]
