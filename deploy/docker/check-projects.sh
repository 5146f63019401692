#!/usr/bin/env bash
# Checks that each Dockerfile's restore layer copies every project its entry project references, directly or
# through other projects: a project left out restores as "skipped" and fails the image build much later.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Prints the repository-relative path of a project and of every project it references, transitively.
closure() {
  local project=$1
  case " $seen " in *" $project "*) return ;; esac
  seen="$seen $project"
  echo "$project"
  local dir reference
  dir=$(dirname "$project")
  for reference in $(grep -o 'ProjectReference Include="[^"]*"' "$project" | sed 's/.*Include="\(.*\)"/\1/'); do
    closure "$(realpath --relative-to=. "$dir/$reference")"
  done
}

status=0
for pair in "silo.Dockerfile src/Silo/Silo.csproj" "gateway.Dockerfile src/Gateway/Gateway.csproj"; do
  set -- $pair
  dockerfile=deploy/docker/$1
  seen=""
  for project in $(closure "$2"); do
    if ! grep -Eq "^COPY ${project//./\\.} " "$dockerfile"; then
      echo "docker: $dockerfile does not copy $project, which $2 needs" >&2
      status=1
    fi
  done
  [ "$status" -eq 0 ] && echo "docker: $dockerfile copies every project $2 needs"
done
exit "$status"
