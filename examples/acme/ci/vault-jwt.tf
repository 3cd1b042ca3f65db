# Pipelines read deployment secrets from Vault with a token of the CI token service. The role binds the
# audience, the pipeline subject and short Vault token lifetimes.
resource "vault_jwt_auth_backend" "ci" {
  path               = "jwt-ci"
  jwks_url           = "https://ci-tokens.acme.example/.well-known/jwks.json"
  jwt_supported_algs = ["ES256"]
  bound_issuer       = "https://ci-tokens.acme.example"
  tune {
    default_lease_ttl = "10m"
    max_lease_ttl     = "30m"
  }
}

resource "vault_jwt_auth_backend_role" "deploy" {
  backend         = vault_jwt_auth_backend.ci.path
  role_name       = "deploy"
  role_type       = "jwt"
  user_claim      = "sub"
  bound_audiences = ["https://vault.acme.example"]
  bound_subject   = "pipeline:acme/infra:deploy"
  token_policies  = ["deploy-secrets"]
  token_ttl       = 600
  token_max_ttl   = 900
}
