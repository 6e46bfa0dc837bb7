#!/usr/bin/env bash
# Makes the secrets Dealflow needs in the cluster, with random values, and never prints or keeps
# them elsewhere. A secret that already exists is left as it is, so running it again rotates
# nothing. What the operators make themselves is not here: the Kafka cluster CA
# (dealflow-kafka-cluster-ca-cert) and each KafkaUser's login (kafka-<user>) by Strimzi, the
# PostgreSQL CA (dealflow-postgres-ca) by CloudNativePG; TLS certificates of the public hosts
# (dealflow-api-tls, dealflow-auth-tls) come from cert-manager or your own CA.
#
#   k8s/secrets/create-secrets.sh [--namespace dealflow] [--demo]   # in the current context
#   k8s/secrets/create-secrets.sh --print [--demo]                  # YAML on stdout (for a vault
#                                                                   # or sealed-secrets), applies nothing
#
# --demo adds dealflow-demo (the demo users' password, for the dev overlay).
set -euo pipefail

namespace=dealflow
print=false
demo=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --namespace) namespace="$2"; shift 2 ;;
    --print) print=true; shift ;;
    --demo) demo=true; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

# 32 random bytes, Base64 (an AES-256 key, or a password).
random() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }

# secret NAME TYPE KEY=VALUE...
secret() {
  local name="$1" type="$2"; shift 2
  local args=()
  for pair in "$@"; do args+=("--from-literal=$pair"); done
  if [[ "$print" == true ]]; then
    echo "---"
    kubectl create secret generic "$name" --namespace "$namespace" --type "$type" "${args[@]}" \
      --dry-run=client -o yaml
  elif kubectl get secret "$name" --namespace "$namespace" >/dev/null 2>&1; then
    echo "secret/$name exists, kept"
  else
    kubectl create secret generic "$name" --namespace "$namespace" --type "$type" "${args[@]}"
  fi
}

# Database roles on the CloudNativePG cluster: Keycloak's and one per service that keeps data
# (role and database named like the service's database in devstack's Services table).
for role in keycloak identity playbook training crm insights support realtime; do
  secret "dealflow-db-$role" kubernetes.io/basic-auth "username=$role" "password=$(random)"
done

# The confidential Keycloak clients (placeholders of the realm import; identity-service reads the
# first).
secret dealflow-keycloak-clients Opaque \
  "identity-client-secret=$(random)" "ops-client-secret=$(random)"

# Keys the services encrypt with at rest; they refuse to start without.
secret dealflow-app-keys Opaque \
  "crm-integrations-encryption-key=$(random)" "realtime-webhooks-encryption-key=$(random)"

secret dealflow-redis Opaque "password=$(random)"

if [[ "$demo" == true ]]; then
  secret dealflow-demo Opaque "password=$(random)"
fi
