resource "vault_jwt_auth_backend" "github" {
  path               = "jwt-github"
  oidc_discovery_url = "https://token.actions.githubusercontent.com"
  bound_issuer       = "https://token.actions.githubusercontent.com"
  tune {
    default_lease_ttl = "30m"
    max_lease_ttl     = "4h"
  }
}

# Well bound: subject, audience, short TTLs
resource "vault_jwt_auth_backend_role" "deploy" {
  backend         = vault_jwt_auth_backend.github.path
  role_name       = "deploy"
  role_type       = "jwt"
  user_claim      = "actor"
  bound_audiences = ["https://github.com/acme"]
  bound_subject   = "repo:acme/infra:environment:production"
  token_ttl       = 900
  token_max_ttl   = "1h"
}

// Weak: head_ref only, verbose logging, mount defaults
resource "vault_jwt_auth_backend_role" "preview" {
  backend              = vault_jwt_auth_backend.github.path
  role_name            = "preview"
  role_type            = "jwt"
  user_claim           = "actor"
  verbose_oidc_logging = true
  bound_claims = {
    head_ref = "main,release"
  }
}

resource "vault_jwt_auth_backend_role" "templated" {
  backend         = var.backend
  role_name       = "templated"
  role_type       = "jwt"
  user_claim      = "sub"
  bound_audiences = [var.audience]
  bound_claims    = var.claims
  token_ttl       = var.ttl
}
