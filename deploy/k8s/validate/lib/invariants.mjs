// Rules a schema cannot express: how the objects of one render fit together, and what Bandit's processes
// need from their manifests. Each check returns messages; an empty list means the render holds.
import { describe } from "./documents.mjs";

// What Microsoft.Orleans.Hosting.Kubernetes 10.4.2 (KubernetesClusterAgent) calls on core/v1 pods in its
// own namespace: ReadNamespacedPod (get), PatchNamespacedPod (patch, the orleans/* labels),
// ListNamespacedPod (list) and WatchListNamespacedPod (watch). DeleteNamespacedPod (delete) is called only
// with KubernetesHostingOptions.DeleteDefunctSiloPods, which Bandit leaves off, so the Role must not grant it.
export const ORLEANS_POD_VERBS = ["get", "list", "watch", "patch"];

const LONG_RUNNING = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]);
const WORKLOADS = new Set([...LONG_RUNNING, "Job", "CronJob"]);
const LOOPBACK = /^[a-z]+:\/\/(127\.|localhost|\[::1\])/i;

/** Runs every check. `selfContained`: every Secret a pod reads must be part of the render. */
export function checkInvariants(objects, { selfContained = false } = {}) {
  const render = new Render(objects);
  const errors = [
    ...checkResources(render),
    ...checkProbes(render),
    ...checkSelectors(render),
    ...checkScaleTargets(render),
    ...checkReferences(render, selfContained),
    ...checkVariableReferences(render),
    ...checkBanditProcesses(render),
    ...checkOrleansKubernetesHosting(render),
    ...checkDashboardStaysInside(render),
  ];
  return { errors, externalSecrets: render.externalSecrets(), workloads: render.workloads.length };
}

/** The objects of one render, indexed for look-ups. */
class Render {
  constructor(objects) {
    this.objects = objects.filter((o) => o && typeof o === "object" && o.kind);
    this.workloads = this.objects.filter((o) => WORKLOADS.has(o.kind)).map((o) => new Workload(o));
  }

  find(kind, name, namespace) {
    return this.objects.find((o) => o.kind === kind && o.metadata?.name === name
      && (o.metadata?.namespace ?? "") === (namespace ?? ""));
  }

  ofKind(kind) {
    return this.objects.filter((o) => o.kind === kind);
  }

  /** Workloads in `namespace` whose pods carry the labels a selector asks for. */
  selected(selector, namespace) {
    return this.workloads.filter((w) => w.namespace === (namespace ?? "") && matches(selector, w.podLabels));
  }

  /** Secrets pods read that the render does not hold, with the keys read: to create before applying. */
  externalSecrets() {
    const needed = new Map();
    for (const workload of this.workloads) {
      for (const { name, key } of workload.secretKeyRefs()) {
        if (!this.find("Secret", name, workload.namespace)) {
          needed.set(name, new Set([...(needed.get(name) ?? []), key]));
        }
      }
    }

    return [...needed].map(([name, keys]) => ({ name, keys: [...keys].sort() }));
  }
}

/** A workload's pod template and containers. */
class Workload {
  constructor(object) {
    this.object = object;
    this.name = describe(object);
    this.namespace = object.metadata?.namespace ?? "";
    const template = object.kind === "CronJob" ? object.spec?.jobTemplate?.spec?.template : object.spec?.template;
    this.podLabels = template?.metadata?.labels ?? {};
    this.pod = template?.spec ?? {};
    this.longRunning = LONG_RUNNING.has(object.kind);
  }

  containers({ init = true } = {}) {
    const main = (this.pod.containers ?? []).map((c) => ({ container: c, init: false }));
    const initContainers = init ? (this.pod.initContainers ?? []).map((c) => ({ container: c, init: true })) : [];
    return [...initContainers, ...main];
  }

  secretKeyRefs() {
    return this.containers().flatMap(({ container }) => (container.env ?? [])
      .map((e) => e.valueFrom?.secretKeyRef)
      .filter((ref) => ref && !ref.optional));
  }
}

/** Does a label selector (matchLabels and matchExpressions, or a plain map) select these labels? */
export function matches(selector, labels) {
  if (!selector) {
    return false;
  }

  const isLabelSelector = "matchLabels" in selector || "matchExpressions" in selector;
  const matchLabels = isLabelSelector ? selector.matchLabels ?? {} : selector;
  const expressions = isLabelSelector ? selector.matchExpressions ?? [] : [];
  return Object.entries(matchLabels).every(([key, value]) => labels[key] === value)
    && expressions.every(({ key, operator, values = [] }) => {
      switch (operator) {
        case "In": return key in labels && values.includes(labels[key]);
        case "NotIn": return !(key in labels) || !values.includes(labels[key]);
        case "Exists": return key in labels;
        case "DoesNotExist": return !(key in labels);
        default: return false;
      }
    });
}

function checkResources(render) {
  const errors = [];
  for (const workload of render.workloads) {
    for (const { container } of workload.containers()) {
      // The schemas leave image optional (it can come from elsewhere in some objects); a pod needs one.
      if (!container.image) {
        errors.push(`${workload.name} container ${container.name}: image is missing`);
      }

      for (const part of ["requests", "limits"]) {
        for (const resource of ["cpu", "memory"]) {
          if (container.resources?.[part]?.[resource] === undefined) {
            errors.push(`${workload.name} container ${container.name}: resources.${part}.${resource} is missing`);
          }
        }
      }
    }
  }

  return errors;
}

function checkProbes(render) {
  const errors = [];
  for (const workload of render.workloads.filter((w) => w.longRunning)) {
    for (const { container } of workload.containers({ init: false })) {
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const spec = container[probe];
        if (!spec) {
          errors.push(`${workload.name} container ${container.name}: ${probe} is missing`);
          continue;
        }

        const port = spec.httpGet?.port ?? spec.tcpSocket?.port ?? spec.grpc?.port;
        if (port !== undefined && containerPort(container, port) === undefined) {
          errors.push(`${workload.name} container ${container.name}: ${probe} port ${port} is not a container port`);
        }
      }
    }
  }

  return errors;
}

// The port number a container's named or numbered port refers to; undefined when it has no such port.
function containerPort(container, port) {
  const ports = container.ports ?? [];
  return typeof port === "number"
    ? ports.find((p) => p.containerPort === port)?.containerPort
    : ports.find((p) => p.name === port)?.containerPort;
}

function checkSelectors(render) {
  const errors = [];
  for (const workload of render.workloads) {
    const selector = workload.object.kind === "CronJob" ? null : workload.object.spec?.selector;
    if (selector && !matches(selector, workload.podLabels)) {
      errors.push(`${workload.name}: spec.selector does not match its pod template's labels`);
    }

    for (const constraint of workload.pod.topologySpreadConstraints ?? []) {
      if (!matches(constraint.labelSelector, workload.podLabels)) {
        errors.push(`${workload.name}: a topologySpreadConstraint's labelSelector misses its own pods`);
      }
    }
  }

  for (const service of render.ofKind("Service").filter((s) => s.spec?.selector)) {
    const targets = render.selected(service.spec.selector, service.metadata?.namespace);
    if (targets.length === 0) {
      errors.push(`${describe(service)}: spec.selector matches no pod template`);
      continue;
    }

    for (const port of service.spec.ports ?? []) {
      const target = port.targetPort ?? port.port;
      const served = targets.some((w) => w.containers({ init: false })
        .some(({ container }) => containerPort(container, target) !== undefined));
      if (!served) {
        errors.push(`${describe(service)}: port ${port.name ?? port.port} targets ${target}, which no selected `
          + "container exposes");
      }
    }
  }

  for (const budget of render.ofKind("PodDisruptionBudget")) {
    if (render.selected(budget.spec?.selector, budget.metadata?.namespace).length === 0) {
      errors.push(`${describe(budget)}: spec.selector matches no pod template`);
    }
  }

  for (const policy of render.ofKind("NetworkPolicy")) {
    const selector = policy.spec?.podSelector ?? {};
    const selectsAll = Object.keys(selector.matchLabels ?? {}).length === 0 && !(selector.matchExpressions?.length);
    if (!selectsAll && render.selected(selector, policy.metadata?.namespace).length === 0) {
      errors.push(`${describe(policy)}: spec.podSelector matches no pod template`);
    }
  }

  for (const statefulSet of render.ofKind("StatefulSet")) {
    const service = render.find("Service", statefulSet.spec?.serviceName, statefulSet.metadata?.namespace);
    if (!service || service.spec?.clusterIP !== "None") {
      errors.push(`${describe(statefulSet)}: serviceName ${statefulSet.spec?.serviceName} is not a headless `
        + "Service of the render");
    }
  }

  return errors;
}

function checkScaleTargets(render) {
  const errors = [];
  for (const autoscaler of render.ofKind("HorizontalPodAutoscaler")) {
    const ref = autoscaler.spec?.scaleTargetRef ?? {};
    const target = render.find(ref.kind, ref.name, autoscaler.metadata?.namespace);
    if (!target || target.apiVersion !== ref.apiVersion) {
      errors.push(`${describe(autoscaler)}: scaleTargetRef ${ref.apiVersion} ${ref.kind}/${ref.name} is not in `
        + "the render");
    } else if (target.spec?.replicas !== undefined) {
      errors.push(`${describe(target)}: sets spec.replicas although ${describe(autoscaler)} scales it; every apply `
        + "would reset the scale");
    }
  }

  return errors;
}

function checkReferences(render, selfContained) {
  const errors = [];
  for (const workload of render.workloads) {
    const namespace = workload.namespace;
    const account = workload.pod.serviceAccountName;
    if (account && account !== "default" && !render.find("ServiceAccount", account, namespace)) {
      errors.push(`${workload.name}: ServiceAccount ${account} is not in the render`);
    }

    for (const { container } of workload.containers()) {
      const where = `${workload.name} container ${container.name}`;
      for (const source of container.envFrom ?? []) {
        const ref = source.configMapRef ?? source.secretRef;
        const kind = source.configMapRef ? "ConfigMap" : "Secret";
        if (ref && !ref.optional && (kind === "ConfigMap" || selfContained) && !render.find(kind, ref.name, namespace)) {
          errors.push(`${where}: envFrom ${kind} ${ref.name} is not in the render`);
        }
      }

      for (const variable of container.env ?? []) {
        const configRef = variable.valueFrom?.configMapKeyRef;
        const secretRef = variable.valueFrom?.secretKeyRef;
        const [kind, ref] = configRef ? ["ConfigMap", configRef] : ["Secret", secretRef];
        if (!ref || ref.optional || (kind === "Secret" && !selfContained)) {
          continue;
        }

        const object = render.find(kind, ref.name, namespace);
        const keys = { ...object?.data, ...object?.stringData, ...object?.binaryData };
        if (!object) {
          errors.push(`${where}: env ${variable.name} reads ${kind} ${ref.name}, which is not in the render`);
        } else if (!(ref.key in keys)) {
          errors.push(`${where}: env ${variable.name} reads key ${ref.key}, which ${kind} ${ref.name} lacks`);
        }
      }
    }
  }

  return errors;
}

// Kubernetes expands $(NAME) in env values, command and args only when NAME is defined before it (env
// values) or anywhere in the container's environment (command, args); otherwise the text stays as it is.
function checkVariableReferences(render) {
  const errors = [];
  const references = (text) => [...String(text).matchAll(/(?<!\$)\$\(([^)]+)\)/g)].map((m) => m[1]);
  for (const workload of render.workloads) {
    for (const { container } of workload.containers()) {
      const where = `${workload.name} container ${container.name}`;
      const defined = new Set(fromEnvFrom(render, workload, container).keys());
      for (const variable of container.env ?? []) {
        for (const name of references(variable.value ?? "")) {
          if (!defined.has(name)) {
            errors.push(`${where}: env ${variable.name} uses $(${name}) before (or without) defining it`);
          }
        }

        defined.add(variable.name);
      }

      for (const part of ["command", "args"]) {
        for (const name of (container[part] ?? []).flatMap(references)) {
          if (!defined.has(name)) {
            errors.push(`${where}: ${part} uses $(${name}), which the container's environment lacks`);
          }
        }
      }
    }
  }

  return errors;
}

// Variables a container gets from ConfigMaps through envFrom (Secrets' keys are not known offline).
function fromEnvFrom(render, workload, container) {
  const variables = new Map();
  for (const source of container.envFrom ?? []) {
    const configMap = source.configMapRef && render.find("ConfigMap", source.configMapRef.name, workload.namespace);
    for (const [key, value] of Object.entries(configMap?.data ?? {})) {
      variables.set(`${source.prefix ?? ""}${key}`, value);
    }

    if (source.secretRef) {
      const secret = render.find("Secret", source.secretRef.name, workload.namespace);
      for (const key of Object.keys({ ...secret?.data, ...secret?.stringData })) {
        variables.set(`${source.prefix ?? ""}${key}`, "");
      }
    }
  }

  return variables;
}

// A container's plain environment: envFrom ConfigMaps, then env values (valueFrom entries count as set).
function environment(render, workload, container) {
  const variables = fromEnvFrom(render, workload, container);
  for (const variable of container.env ?? []) {
    variables.set(variable.name, variable.value ?? (variable.valueFrom ? "<from reference>" : ""));
  }

  return variables;
}

// Bandit's silo and gateway are the containers configured with Bandit__* settings.
function banditContainers(render) {
  return render.workloads.flatMap((workload) => workload.containers({ init: false })
    .map(({ container }) => ({ workload, container, env: environment(render, workload, container) }))
    .filter(({ env }) => [...env.keys()].some((key) => key.startsWith("Bandit__"))));
}

function isSilo(env) {
  return env.get("Bandit__Cluster__Kubernetes")?.toLowerCase() === "true";
}

function kestrelPorts(env) {
  return [...env].filter(([key]) => /^Kestrel__Endpoints__[^_]+__Url$/.test(key))
    .map(([key, url]) => ({ key, url, port: Number(/:(\d+)\/?$/.exec(url)?.[1]) }));
}

function checkBanditProcesses(render) {
  const errors = [];
  for (const { workload, container, env } of banditContainers(render)) {
    const where = `${workload.name} container ${container.name}`;
    const endpoints = kestrelPorts(env);
    if (!endpoints.some((e) => e.key === "Kestrel__Endpoints__Grpc__Url")) {
      errors.push(`${where}: Kestrel__Endpoints__Grpc__Url is not set, so it listens on 127.0.0.1 only`);
    }

    for (const endpoint of endpoints.filter((e) => LOOPBACK.test(e.url))) {
      errors.push(`${where}: ${endpoint.key}=${endpoint.url} listens on loopback, out of reach of the cluster`);
    }

    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      const port = container[probe]?.httpGet && containerPort(container, container[probe].httpGet.port);
      if (port !== undefined && !endpoints.some((e) => e.port === port)) {
        errors.push(`${where}: ${probe} asks port ${port}, where no Kestrel endpoint listens`);
      }
    }

    const shutdown = Number(env.get("DOTNET_SHUTDOWNTIMEOUTSECONDS") ?? 30);
    const preStop = container.lifecycle?.preStop?.sleep?.seconds ?? 0;
    const grace = workload.pod.terminationGracePeriodSeconds ?? 30;
    if (grace <= shutdown + preStop) {
      errors.push(`${where}: terminationGracePeriodSeconds ${grace} leaves no time for the preStop sleep `
        + `(${preStop} s) and the host's shutdown timeout (${shutdown} s): the drain would be cut short`);
    }
  }

  return errors;
}

function checkOrleansKubernetesHosting(render) {
  const errors = [];
  const downward = { POD_NAME: "metadata.name", POD_NAMESPACE: "metadata.namespace", POD_IP: "status.podIP" };
  for (const { workload, container, env } of banditContainers(render).filter(({ env }) => isSilo(env))) {
    const where = `${workload.name} container ${container.name}`;
    for (const [name, field] of Object.entries(downward)) {
      const variable = (container.env ?? []).find((e) => e.name === name);
      if (variable?.valueFrom?.fieldRef?.fieldPath !== field) {
        errors.push(`${where}: ${name} must come from the downward API (fieldRef ${field})`);
      }
    }

    if (!env.get("Bandit__Redis__ConnectionString")) {
      errors.push(`${where}: Kubernetes hosting needs Bandit__Redis__ConnectionString (Redis clustering)`);
    }

    for (const [label, setting] of [["orleans/serviceId", "ServiceId"], ["orleans/clusterId", "ClusterId"]]) {
      const expected = env.get(`Bandit__Cluster__${setting}`) ?? "bandit";
      if (workload.podLabels[label] !== expected) {
        errors.push(`${workload.name}: pod label ${label} is ${workload.podLabels[label] ?? "missing"}, but `
          + `Bandit__Cluster__${setting} is ${expected}`);
      }
    }

    errors.push(...checkPodAccess(render, workload));
  }

  return errors;
}

// The verbs the silo pods' service account has on core pods, through RoleBindings of its namespace.
function checkPodAccess(render, workload) {
  const account = workload.pod.serviceAccountName ?? "default";
  const serviceAccount = render.find("ServiceAccount", account, workload.namespace);
  const errors = [];
  if (workload.pod.automountServiceAccountToken === false || serviceAccount?.automountServiceAccountToken === false) {
    errors.push(`${workload.name}: the service account token must be mounted for Orleans' Kubernetes hosting`);
  }

  const verbs = new Set();
  for (const binding of render.ofKind("RoleBinding").filter((b) => (b.metadata?.namespace ?? "") === workload.namespace)) {
    const bound = (binding.subjects ?? []).some((s) => s.kind === "ServiceAccount" && s.name === account
      && (s.namespace ?? binding.metadata?.namespace ?? "") === workload.namespace);
    const role = bound && render.find(binding.roleRef?.kind, binding.roleRef?.name,
      binding.roleRef?.kind === "Role" ? workload.namespace : undefined);
    for (const rule of role?.rules ?? []) {
      const coreGroup = (rule.apiGroups ?? []).some((g) => g === "" || g === "*");
      const pods = (rule.resources ?? []).some((r) => r === "pods" || r === "*");
      if (coreGroup && pods) {
        (rule.verbs ?? []).forEach((verb) => verbs.add(verb));
      }

      // Least privilege: pods of the core group and nothing else, on every pod (the silos list and watch them).
      const others = (rule.resources ?? []).filter((r) => r !== "pods");
      if (others.length > 0 || !coreGroup || (rule.apiGroups ?? []).some((g) => g !== "")) {
        errors.push(`${workload.name}: service account ${account} is granted ${others.join(", ") || "pods"} in `
          + `API groups [${(rule.apiGroups ?? []).join(", ")}]; Orleans' Kubernetes hosting needs core pods only`);
      }

      if ((rule.resourceNames ?? []).length > 0) {
        errors.push(`${workload.name}: the pods rule of ${account} is limited to resourceNames; the silos must `
          + "list and watch every pod");
      }
    }
  }

  for (const binding of render.ofKind("ClusterRoleBinding")) {
    if ((binding.subjects ?? []).some((s) => s.kind === "ServiceAccount" && s.name === account
      && (s.namespace ?? "") === workload.namespace)) {
      errors.push(`${workload.name}: service account ${account} is bound cluster-wide by ClusterRoleBinding `
        + `${binding.metadata?.name}; it needs pods of its own namespace only`);
    }
  }

  const missing = ORLEANS_POD_VERBS.filter((verb) => !verbs.has(verb));
  const extra = [...verbs].filter((verb) => !ORLEANS_POD_VERBS.includes(verb));
  if (missing.length > 0) {
    errors.push(`${workload.name}: service account ${account} lacks ${missing.join(", ")} on pods, which Orleans' `
      + "Kubernetes hosting calls");
  }

  if (extra.length > 0) {
    errors.push(`${workload.name}: service account ${account} may also ${extra.join(", ")} pods, which Orleans' `
      + "Kubernetes hosting never does");
  }

  return errors;
}

// The silos' web port serves the unauthenticated Orleans dashboard: no Ingress, NodePort or LoadBalancer
// may reach it.
function checkDashboardStaysInside(render) {
  const webPorts = banditContainers(render).filter(({ env }) => isSilo(env)).flatMap(({ workload, container, env }) =>
    kestrelPorts(env).filter((e) => e.key === "Kestrel__Endpoints__Web__Url")
      .map((e) => ({ workload, container, port: e.port })));
  const exposesDashboard = (service, servicePort) => webPorts.some(({ workload, container, port }) =>
    matches(service.spec?.selector, workload.podLabels)
    && (service.metadata?.namespace ?? "") === workload.namespace
    && containerPort(container, servicePort.targetPort ?? servicePort.port) === port);

  const errors = [];
  for (const service of render.ofKind("Service")) {
    const external = ["NodePort", "LoadBalancer"].includes(service.spec?.type) || service.spec?.externalIPs?.length;
    for (const port of service.spec?.ports ?? []) {
      if (external && exposesDashboard(service, port)) {
        errors.push(`${describe(service)}: type ${service.spec?.type} exposes the silos' dashboard port outside `
          + "the cluster");
      }
    }
  }

  for (const ingress of render.ofKind("Ingress")) {
    const backends = [ingress.spec?.defaultBackend, ...(ingress.spec?.rules ?? [])
      .flatMap((rule) => (rule.http?.paths ?? []).map((path) => path.backend))].filter(Boolean);
    for (const backend of backends) {
      const service = render.find("Service", backend.service?.name, ingress.metadata?.namespace);
      const port = service?.spec?.ports?.find((p) => p.name === backend.service?.port?.name
        || p.port === backend.service?.port?.number);
      if (service && port && exposesDashboard(service, port)) {
        errors.push(`${describe(ingress)}: routes to the silos' dashboard port`);
      }
    }
  }

  return errors;
}
