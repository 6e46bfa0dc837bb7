// The Keycloak operator (k8s.keycloak.org/v2alpha1) publishes its CRDs with its release, not in
// any package of the npm registry or Maven Central, so Keycloak and KeycloakRealmImport are
// checked against these schemas, written from the operator's documentation (Keycloak 26:
// "Basic Keycloak deployment", "Advanced configuration", "Automating a realm import"). They cover
// the fields the suite uses and refuse unknown ones at the levels they describe; the realm itself
// is devstack's export, which devstack's tests import into a real Keycloak (K8sRealmTest keeps
// the two equal).

const secretKeySelector = {
  type: "object",
  required: ["name", "key"],
  additionalProperties: false,
  properties: { name: { type: "string", minLength: 1 }, key: { type: "string", minLength: 1 }, optional: { type: "boolean" } },
};

const quantity = { anyOf: [{ type: "string", pattern: "^[0-9.]+([eE][0-9]+|[mkMGTPE]i?|[KMGTPE]i)?$" }, { type: "number" }] };
const resources = {
  type: "object",
  additionalProperties: false,
  properties: {
    requests: { type: "object", additionalProperties: quantity },
    limits: { type: "object", additionalProperties: quantity },
  },
};

const metadata = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", maxLength: 253 },
    namespace: { type: "string" },
    labels: { type: "object", additionalProperties: { type: "string" } },
    annotations: { type: "object", additionalProperties: { type: "string" } },
  },
};

export const keycloak = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  properties: {
    apiVersion: { const: "k8s.keycloak.org/v2alpha1" },
    kind: { const: "Keycloak" },
    metadata,
    spec: {
      type: "object",
      additionalProperties: false,
      properties: {
        instances: { type: "integer", minimum: 1 },
        image: { type: "string" },
        imagePullSecrets: { type: "array", items: { type: "object", required: ["name"], properties: { name: { type: "string" } } } },
        startOptimized: { type: "boolean" },
        db: {
          type: "object",
          additionalProperties: false,
          required: ["vendor"],
          properties: {
            vendor: { enum: ["dev-file", "dev-mem", "postgres", "mysql", "mariadb", "mssql", "oracle"] },
            host: { type: "string" },
            port: { type: "integer", minimum: 1, maximum: 65535 },
            database: { type: "string" },
            schema: { type: "string" },
            url: { type: "string" },
            usernameSecret: secretKeySelector,
            passwordSecret: secretKeySelector,
            poolInitialSize: { type: "integer" },
            poolMinSize: { type: "integer" },
            poolMaxSize: { type: "integer" },
          },
        },
        http: {
          type: "object",
          additionalProperties: false,
          properties: {
            httpEnabled: { type: "boolean" },
            httpPort: { type: "integer" },
            httpsPort: { type: "integer" },
            tlsSecret: { type: "string" },
          },
        },
        hostname: {
          type: "object",
          additionalProperties: false,
          properties: {
            hostname: { type: "string", pattern: "^https?://[^/\\s]+(/.*)?$" },
            admin: { type: "string" },
            strict: { type: "boolean" },
            backchannelDynamic: { type: "boolean" },
          },
        },
        proxy: {
          type: "object",
          additionalProperties: false,
          properties: { headers: { enum: ["forwarded", "xforwarded"] } },
        },
        ingress: {
          type: "object",
          additionalProperties: false,
          properties: {
            enabled: { type: "boolean" },
            className: { type: "string" },
            annotations: { type: "object", additionalProperties: { type: "string" } },
            tlsSecret: { type: "string" },
          },
        },
        features: {
          type: "object",
          additionalProperties: false,
          properties: {
            enabled: { type: "array", items: { type: "string" } },
            disabled: { type: "array", items: { type: "string" } },
          },
        },
        additionalOptions: {
          type: "array",
          items: {
            type: "object",
            required: ["name"],
            additionalProperties: false,
            properties: { name: { type: "string" }, value: { type: "string" }, secret: secretKeySelector },
          },
        },
        resources,
      },
    },
  },
};

export const keycloakRealmImport = {
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  properties: {
    apiVersion: { const: "k8s.keycloak.org/v2alpha1" },
    kind: { const: "KeycloakRealmImport" },
    metadata,
    spec: {
      type: "object",
      required: ["keycloakCRName", "realm"],
      additionalProperties: false,
      properties: {
        keycloakCRName: { type: "string", minLength: 1 },
        // A RealmRepresentation; its content is checked against devstack's realm (K8sRealmTest).
        realm: {
          type: "object",
          required: ["realm"],
          properties: {
            realm: { type: "string", minLength: 1 },
            enabled: { type: "boolean" },
            clients: { type: "array", items: { type: "object", required: ["clientId"] } },
            users: { type: "array", items: { type: "object", required: ["username"] } },
            roles: { type: "object" },
          },
        },
        placeholders: {
          type: "object",
          additionalProperties: {
            type: "object",
            required: ["secret"],
            additionalProperties: false,
            properties: { secret: secretKeySelector },
          },
        },
        resources,
      },
    },
  },
};
