// Validates Kubernetes objects (a YAML stream on stdin, as `kubectl kustomize` prints it) offline:
// built-in kinds against the Kubernetes OpenAPI schemas (kubernetes-models), the operators' kinds
// against their CRD schemas (Strimzi, CloudNativePG, Prometheus Operator, Gateway API packages of
// @kubernetes-models), Keycloak's against ./schemas/keycloak.mjs. An object of a kind none of them
// knows is an error: nothing passes unchecked. Prints one line per invalid object and a summary;
// exits 1 when any object is invalid.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";
import { keycloak, keycloakRealmImport } from "./schemas/keycloak.mjs";

const MODEL_PACKAGES = [
  "kubernetes-models",
  "@kubernetes-models/strimzi-kafka-operator",
  "@kubernetes-models/cloudnative-pg",
  "@kubernetes-models/prometheus-operator",
  "@kubernetes-models/gateway-api",
];

const ajv = new Ajv({ allErrors: true, strict: false });
const OWN_SCHEMAS = {
  "k8s.keycloak.org/v2alpha1/Keycloak": ajv.compile(keycloak),
  "k8s.keycloak.org/v2alpha1/KeycloakRealmImport": ajv.compile(keycloakRealmImport),
};

const modules = new Map();
async function modelClass(apiVersion, kind) {
  for (const pkg of MODEL_PACKAGES) {
    const specifier = `${pkg}/${apiVersion}`; // core objects: "kubernetes-models/v1"
    if (!modules.has(specifier)) {
      try {
        modules.set(specifier, await import(specifier));
      } catch {
        modules.set(specifier, null);
      }
    }
    const module = modules.get(specifier);
    if (module && typeof module[kind] === "function") {
      return { model: module[kind], source: pkg };
    }
  }
  return null;
}

const input = readFileSync(0, "utf8");
const documents = parseAllDocuments(input);
const failures = [];
const counts = new Map();
for (const document of documents) {
  if (document.errors.length > 0) {
    failures.push(`YAML: ${document.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const object = document.toJS();
  if (object === null || object === undefined) {
    continue;
  }
  const id = `${object.kind}/${object.metadata?.name} (${object.apiVersion})`;
  const own = OWN_SCHEMAS[`${object.apiVersion}/${object.kind}`];
  if (own) {
    if (!own(object)) {
      failures.push(`${id}: ${ajv.errorsText(own.errors, { dataVar: "" })}`);
    }
    counts.set("schemas/keycloak.mjs", (counts.get("schemas/keycloak.mjs") ?? 0) + 1);
    continue;
  }
  const found = await modelClass(object.apiVersion ?? "", object.kind ?? "");
  if (!found) {
    failures.push(`${id}: no schema for this kind`);
    continue;
  }
  try {
    new found.model(object).validate();
  } catch (error) {
    failures.push(`${id}: ${error.message}`);
  }
  counts.set(found.source, (counts.get(found.source) ?? 0) + 1);
}

for (const failure of failures) {
  console.log(`INVALID ${failure}`);
}
const checked = [...counts].map(([source, n]) => `${n} by ${source}`).join(", ");
console.log(`${failures.length === 0 ? "VALID" : "FAILED"}: ${documents.length} objects (${checked}); ${failures.length} invalid`);
process.exit(failures.length === 0 ? 0 : 1);
