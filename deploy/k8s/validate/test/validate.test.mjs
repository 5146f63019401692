// The validator rejects what it must and accepts the good fixture. Run with: node --test test/
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, stringify } from "yaml";

const here = fileURLToPath(new URL(".", import.meta.url));
const validator = join(here, "..", "validate.mjs");
const fixture = (name) => join(here, "fixtures", name);
const scratch = mkdtempSync(join(tmpdir(), "bandit-validate-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function validate(...args) {
  const run = spawnSync(process.execPath, [validator, ...args], { encoding: "utf8" });
  const problems = run.stderr.split("\n").filter((line) => / (schema|invariant): /.test(line));
  return { status: run.status, problems, stdout: run.stdout, stderr: run.stderr };
}

// good.yaml with one change made by `mutate(objects)`, validated.
function validateMutated(mutate, ...flags) {
  const objects = parseAllDocuments(readFileSync(fixture("good.yaml"), "utf8")).map((d) => d.toJS());
  mutate(objects);
  const path = join(scratch, `mutated-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, objects.map((o) => stringify(o)).join("---\n"));
  return validate(...flags, path);
}

const find = (objects, kind) => objects.find((o) => o.kind === kind);
const silo = (objects) => find(objects, "Deployment").spec.template.spec.containers[0];
const env = (objects, name) => silo(objects).env.find((e) => e.name === name);

describe("schema", () => {
  test("accepts a complete, consistent set of objects", () => {
    const result = validate("--self-contained", fixture("good.yaml"));

    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(result.problems, []);
    assert.match(result.stdout, /OK: every object matches its schema/);
  });

  test("rejects a field of the wrong type", () => {
    const result = validate(fixture("wrong-type.yaml"));

    assert.equal(result.status, 1);
    assert.deepEqual(result.problems, [
      `${fixture("wrong-type.yaml")}: schema: HorizontalPodAutoscaler/bandit-silo (t): `
        + "data/spec/minReplicas must be integer",
    ]);
  });

  test("rejects a missing required field", () => {
    const result = validate(fixture("missing-field.yaml"));

    assert.equal(result.status, 1);
    assert.deepEqual(result.problems, [
      `${fixture("missing-field.yaml")}: schema: Deployment/bandit-silo (t): `
        + "data/spec must have required property selector",
    ]);
  });

  test("rejects a kind it has no schema for", () => {
    const result = validateMutated((objects) => objects.push({ apiVersion: "example.com/v1", kind: "Widget" }));

    assert.equal(result.status, 1);
    assert.match(result.problems.join("\n"), /no schema for example\.com\/v1 Widget/);
  });
});

describe("invariants", () => {
  const cases = [
    ["a container without limits", (o) => delete silo(o).resources.limits,
      /container silo: resources\.limits\.cpu is missing/],
    ["a container without a readiness probe", (o) => delete silo(o).readinessProbe,
      /container silo: readinessProbe is missing/],
    ["a probe on a port the container lacks", (o) => { silo(o).livenessProbe.httpGet.port = "metrics"; },
      /livenessProbe port metrics is not a container port/],
    ["a Deployment selector that misses its pods", (o) => {
      find(o, "Deployment").spec.selector.matchLabels.app = "other";
    }, /Deployment\/bandit-silo \(t\): spec\.selector does not match its pod template's labels/],
    ["a Service that selects no pods", (o) => { find(o, "Service").spec.selector.app = "silos"; },
      /Service\/bandit-silo \(t\): spec\.selector matches no pod template/],
    ["a PodDisruptionBudget that selects no pods", (o) => {
      find(o, "PodDisruptionBudget").spec.selector.matchLabels.app = "gateway";
    }, /PodDisruptionBudget\/bandit-silo \(t\): spec\.selector matches no pod template/],
    ["an autoscaler aimed at a missing Deployment", (o) => {
      find(o, "HorizontalPodAutoscaler").spec.scaleTargetRef.name = "silo";
    }, /scaleTargetRef apps\/v1 Deployment\/silo is not in the render/],
    ["fixed replicas beside an autoscaler", (o) => { find(o, "Deployment").spec.replicas = 3; },
      /sets spec\.replicas although HorizontalPodAutoscaler\/bandit-silo \(t\) scales it/],
    ["a Role without watch", (o) => { find(o, "Role").rules[0].verbs = ["get", "list", "patch"]; },
      /service account bandit-silo lacks watch on pods/],
    ["a Role that may delete pods", (o) => { find(o, "Role").rules[0].verbs.push("delete"); },
      /service account bandit-silo may also delete pods/],
    ["a Role that also reads Secrets", (o) => {
      find(o, "Role").rules.push({ apiGroups: [""], resources: ["secrets"], verbs: ["get"] });
    }, /service account bandit-silo is granted secrets in API groups \[\]; Orleans' Kubernetes hosting needs core pods only/],
    ["a pods rule limited to one pod", (o) => { find(o, "Role").rules[0].resourceNames = ["one-pod"]; },
      /the pods rule of bandit-silo is limited to resourceNames/],
    ["a cluster-wide binding of the silo account", (o) => {
      o.push({
        apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "too-much" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
        subjects: [{ kind: "ServiceAccount", name: "bandit-silo", namespace: "t" }],
      });
    }, /bound cluster-wide by ClusterRoleBinding too-much/],
    ["a container without an image", (o) => delete silo(o).image, /container silo: image is missing/],
    ["a RoleBinding to another account", (o) => { find(o, "RoleBinding").subjects[0].name = "default"; },
      /service account bandit-silo lacks get, list, watch, patch on pods/],
    ["a cluster id label that differs from the setting", (o) => {
      find(o, "Deployment").spec.template.metadata.labels["orleans/clusterId"] = "bandit";
    }, /pod label orleans\/clusterId is bandit, but Bandit__Cluster__ClusterId is blue/],
    ["a pod IP not from the downward API", (o) => { env(o, "POD_IP").valueFrom.fieldRef.fieldPath = "status.hostIP"; },
      /POD_IP must come from the downward API \(fieldRef status\.podIP\)/],
    ["Kestrel on loopback", (o) => { env(o, "Kestrel__Endpoints__Web__Url").value = "http://127.0.0.1:5080"; },
      /Kestrel__Endpoints__Web__Url=http:\/\/127\.0\.0\.1:5080 listens on loopback/],
    ["a variable used before it is defined", (o) => {
      const variables = silo(o).env;
      const password = variables.findIndex((e) => e.name === "REDIS_PASSWORD");
      variables.push(...variables.splice(password, 1));
    }, /env Bandit__Redis__ConnectionString uses \$\(REDIS_PASSWORD\) before \(or without\) defining it/],
    ["a grace period shorter than the drain", (o) => {
      find(o, "Deployment").spec.template.spec.terminationGracePeriodSeconds = 45;
    }, /terminationGracePeriodSeconds 45 leaves no time for the preStop sleep \(5 s\) and the host's shutdown/],
    ["a secret key that the Secret lacks", (o) => { env(o, "REDIS_PASSWORD").valueFrom.secretKeyRef.key = "pass"; },
      /env REDIS_PASSWORD reads key pass, which Secret bandit-redis lacks/, "--self-contained"],
    ["a LoadBalancer in front of the dashboard", (o) => { find(o, "Service").spec.type = "LoadBalancer"; },
      /type LoadBalancer exposes the silos' dashboard port outside the cluster/],
  ];

  for (const [what, mutate, expected, ...flags] of cases) {
    test(`rejects ${what}`, () => {
      const result = validateMutated(mutate, ...flags);

      assert.equal(result.status, 1, result.stdout);
      assert.match(result.problems.join("\n"), expected);
    });
  }

  test("lists Secrets the render does not hold, unless it must be self-contained", () => {
    const withoutSecret = (o) => o.splice(o.findIndex((x) => x.kind === "Secret"), 1);

    const open = validateMutated(withoutSecret);
    const selfContained = validateMutated(withoutSecret, "--self-contained");

    assert.equal(open.status, 0, open.stderr);
    assert.match(open.stdout, /expects Secret bandit-redis \(keys password\) to exist before apply/);
    assert.equal(selfContained.status, 1);
  });
});
