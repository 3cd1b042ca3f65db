resource "vault_jwt_auth_backend_role" "broken" {
  role_name = "broken"
  bound_claims = {
    repository = "acme/infra"
  
