// Reading rendered manifests: every YAML document of the input, with where it came from.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

/** Parses multi-document YAML; throws on a syntax error, naming the source. */
export function readObjects(text, source) {
  const objects = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      throw new Error(`${source}: ${document.errors[0].message}`);
    }

    const value = document.toJS();
    if (value !== null && value !== undefined) {
      objects.push(value);
    }
  }

  return objects;
}

/** Reads a file, or standard input for "-". */
export function readSource(path) {
  return readFileSync(path === "-" ? 0 : path, "utf8");
}

/** "Kind/name" (and the namespace when there is one), for messages. */
export function describe(object) {
  const name = object?.metadata?.name ?? "<no name>";
  const namespace = object?.metadata?.namespace;
  return `${object?.kind ?? "<no kind>"}/${name}${namespace ? ` (${namespace})` : ""}`;
}
