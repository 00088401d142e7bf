#!/usr/bin/env bash
# Creates (or keeps) the Secrets the local overlay references, with random values, in the namespace jxquality of the
# current kubectl context. Existing Secrets are left as they are, so keys and passwords survive a second run.
# Usage: k8s/overlays/local/generate-local-secrets.sh   (needs kubectl and openssl)
set -euo pipefail

NAMESPACE="${NAMESPACE:-jxquality}"
HOSTS=(12365.localtest.me cases.localtest.me notify.localtest.me auth.localtest.me)

hex() { openssl rand -hex 16; }
key() { openssl rand -base64 32; }

exists() { kubectl -n "$NAMESPACE" get secret "$1" >/dev/null 2>&1; }

apply_secret() { # apply_secret <name> <kubectl create secret arguments...>
  local name="$1"
  shift
  if exists "$name"; then
    echo "secret $name exists; kept"
    return
  fi
  kubectl -n "$NAMESPACE" create secret "$@" --dry-run=client -o yaml | kubectl apply -f -
}

database_user() { # database_user <secret> <role>
  apply_secret "$1" generic "$1" --type=kubernetes.io/basic-auth \
    --from-literal=username="$2" --from-literal=password="$(hex)"
}

tls_certificate() { # a self-signed certificate for the local hosts
  local dir san host
  dir="$(mktemp -d)"
  san="subjectAltName="
  for host in "${HOSTS[@]}"; do san+="DNS:$host,"; done
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=${HOSTS[0]}" -addext "${san%,}" \
    -keyout "$dir/tls.key" -out "$dir/tls.crt" 2>/dev/null
  apply_secret quality-suite-tls tls quality-suite-tls --cert="$dir/tls.crt" --key="$dir/tls.key"
  rm -rf "$dir"
}

main() {
  kubectl get namespace "$NAMESPACE" >/dev/null 2>&1 || kubectl create namespace "$NAMESPACE"
  apply_secret complaint-service-secrets generic complaint-service-secrets \
    --from-literal=OIDC_CLIENT_SECRET="$(hex)" --from-literal=WEB_CONSOLE_SECRET="$(hex)" \
    --from-literal=CONSOLE_STATE_SECRET="$(key)" --from-literal=CONSOLE_SESSION_SECRET="$(key)" \
    --from-literal=PII_KEY_V1="$(key)" --from-literal=BLIND_INDEX_KEY="$(key)" --from-literal=QUERY_CODE_KEY="$(key)" \
    --from-literal=OPEN311_API_KEYS="demo-app:$(hex)"
  apply_secret case-service-secrets generic case-service-secrets \
    --from-literal=OIDC_CLIENT_SECRET="$(hex)" --from-literal=CLAIM_DATA_KEY_ID=v1 \
    --from-literal=CLAIM_DATA_KEY="$(key)" --from-literal=PAYMENT_GATEWAY_PASSWORD="$(hex)"
  apply_secret notify-service-secrets generic notify-service-secrets \
    --from-literal=OIDC_CLIENT_SECRET="$(hex)" --from-literal=WEBHOOK_KEY="$(key)" --from-literal=OPT_OUT_KEY="$(key)" \
    --from-literal=SMS_GATEWAY_PASSWORD="$(hex)" --from-literal=SMTP_PASSWORD="$(hex)"
  database_user complaint-service-db complaint_svc
  database_user case-service-db case_svc
  database_user notify-service-db notify_svc
  database_user keycloak-db keycloak
  apply_secret keycloak-realm-settings generic keycloak-realm-settings \
    --from-literal=CONSOLE_BASE_URL="https://${HOSTS[0]}"
  tls_certificate
}

main "$@"
