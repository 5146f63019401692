#!/usr/bin/env node
// Checks rendered Kubernetes manifests offline: every object against the API schema of its kind, then the
// invariants of lib/invariants.mjs. Usage:
//   kubectl kustomize deploy/k8s/overlays/dev | node validate.mjs --self-contained --name dev -
//   node validate.mjs [--self-contained] [--name LABEL] FILE...
// Exits 0 when everything holds, 1 when something does not (each problem on its own line on stderr), 2 on
// bad usage or unreadable input.
import { readObjects, readSource } from "./lib/documents.mjs";
import { checkInvariants } from "./lib/invariants.mjs";
import { validateSchemas } from "./lib/schema.mjs";

const usage = "usage: validate.mjs [--self-contained] [--name LABEL] FILE... (- for standard input)";
let selfContained = false;
let label = null;
const files = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--self-contained") {
    selfContained = true;
  } else if (args[i] === "--name" && i + 1 < args.length) {
    label = args[++i];
  } else if (args[i].startsWith("--")) {
    console.error(usage);
    process.exit(2);
  } else {
    files.push(args[i]);
  }
}

if (files.length === 0) {
  console.error(usage);
  process.exit(2);
}

label ??= files.join(" ");

let objects;
try {
  objects = files.flatMap((file) => readObjects(readSource(file), file));
} catch (error) {
  console.error(`${label}: cannot read the manifests: ${error.message}`);
  process.exit(2);
}

const schemaErrors = await validateSchemas(objects);
const { errors: invariantErrors, externalSecrets, workloads } = checkInvariants(objects, { selfContained });
for (const error of schemaErrors) {
  console.error(`${label}: schema: ${error}`);
}

for (const error of invariantErrors) {
  console.error(`${label}: invariant: ${error}`);
}

const kinds = [...new Set(objects.map((o) => o.kind))].sort().join(", ");
console.log(`${label}: ${objects.length} objects (${kinds}); ${workloads} workloads`);
for (const { name, keys } of externalSecrets) {
  console.log(`${label}: expects Secret ${name} (keys ${keys.join(", ")}) to exist before apply`);
}

if (objects.length === 0) {
  console.error(`${label}: no objects to check`);
  process.exit(1);
}

if (schemaErrors.length + invariantErrors.length > 0) {
  console.error(`${label}: FAILED: ${schemaErrors.length} schema and ${invariantErrors.length} invariant problem(s)`);
  process.exit(1);
}

console.log(`${label}: OK: every object matches its schema; selectors, probes, resources, references, `
  + "RBAC and settings hold");
