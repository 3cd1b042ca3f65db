# Written for nhi-audit: a JWT backend with static public keys and one role.
resource "vault_jwt_auth_backend" "static" {
  path                   = "jwt-static"
  jwt_validation_pubkeys = [var.public_key]
  bound_issuer           = "https://kubernetes.default.svc"
}

resource "vault_jwt_auth_backend_role" "reader" {
  backend         = vault_jwt_auth_backend.static.path
  role_name       = "reader"
  role_type       = "jwt"
  user_claim      = "sub"
  bound_audiences = ["vault"]
  bound_subject   = "system:serviceaccount:apps:reader"
  token_ttl       = 600
  token_max_ttl   = 1200
  token_policies  = ["reader"]
}
