#!/usr/bin/env bash
# Offline checks of the Kubernetes manifests, without a cluster:
#   1. the validator's own tests (it must reject a wrong field type, a missing required field and each
#      broken invariant);
#   2. every overlay and example renders with kubectl kustomize;
#   3. every rendered object matches its API schema, and the invariants of validate/lib/invariants.mjs hold.
#      A render that generates Secrets must hold every Secret its pods read (--self-contained); one that
#      does not (prod) gets the Secrets to create beforehand listed.
# Needs kubectl (kustomize built in), node and npm (the validator's packages come from the npm registry).
set -euo pipefail
cd "$(dirname "$0")"

for tool in kubectl node npm; do
  command -v "$tool" >/dev/null || { echo "k8s: FAILED: $tool is not installed" >&2; exit 1; }
done
echo "k8s: kubectl $(kubectl version --client 2>/dev/null | head -1 | awk '{print $3}'), node $(node --version)"

(cd validate && npm ci --no-audit --no-fund --loglevel=error)
echo "k8s: validator packages installed (npm ci)"

(cd validate && node --test --test-reporter=spec test/)
echo "k8s: validator tests passed"

render=$(mktemp)
trap 'rm -f "$render"' EXIT
targets=(overlays/*/ examples/*/)
for target in "${targets[@]}"; do
  target=${target%/}
  [ -f "$target/kustomization.yaml" ] || continue
  if ! kubectl kustomize "$target" >"$render"; then
    echo "k8s: FAILED: kubectl kustomize $target" >&2
    exit 1
  fi
  echo "k8s: rendered $target: $(grep -c '^kind:' "$render") objects"

  flags=()
  grep -q '^secretGenerator:' "$target/kustomization.yaml" && flags+=(--self-contained)
  node validate/validate.mjs "${flags[@]}" --name "$target" "$render"
done
echo "k8s: OK"
