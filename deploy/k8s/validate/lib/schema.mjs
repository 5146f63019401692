// Validates each object against the Kubernetes OpenAPI schema of its apiVersion and kind, as published in
// the npm package kubernetes-models. Catches wrong types, missing required fields and bad enum values;
// unknown fields are not reported (the schemas allow them).
import { describe } from "./documents.mjs";

const modelCache = new Map();

async function modelFor(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (!modelCache.has(key)) {
    let model = null;
    // Names come from the manifests: keep them to what a module path of the package can be.
    if (/^[a-z0-9.]+(\/[a-z0-9]+)?$/.test(apiVersion) && /^[A-Za-z]+$/.test(kind)) {
      try {
        model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind] ?? null;
      } catch (error) {
        if (error?.code !== "ERR_MODULE_NOT_FOUND" && error?.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") {
          throw error;
        }
      }
    }

    modelCache.set(key, model);
  }

  return modelCache.get(key);
}

/** Returns one message per problem; empty when every object matches its schema. */
export async function validateSchemas(objects) {
  const errors = [];
  for (const object of objects) {
    if (typeof object !== "object" || Array.isArray(object)) {
      errors.push(`a document is not an object: ${JSON.stringify(object)}`);
      continue;
    }

    const { apiVersion, kind } = object;
    if (typeof apiVersion !== "string" || typeof kind !== "string") {
      errors.push(`${describe(object)}: apiVersion and kind must be strings`);
      continue;
    }

    const Model = await modelFor(apiVersion, kind);
    if (Model === null) {
      errors.push(`${describe(object)}: no schema for ${apiVersion} ${kind}`);
      continue;
    }

    try {
      new Model(object).validate();
    } catch (error) {
      errors.push(`${describe(object)}: ${error.message}`);
    }
  }

  return errors;
}
