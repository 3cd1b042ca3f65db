import Foundation

/// Writes a deterministic estate of N files mixing native documents, Istio, Envoy, Kubernetes and Vault
/// files, with a known share of broken settings (every `brokenEvery`-th file breaks one rule).
struct CorpusGenerator {
    var files: Int
    var brokenEvery = 5

    /// The same seed always gives the same corpus, byte for byte.
    private struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick(_ count: Int) -> Int { Int(next() % UInt64(count)) }
    }

    func write(to directory: URL) throws -> (files: Int, bytes: Int) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var random = SplitMix64(state: 2026)
        var bytes = 0
        let issuers = max(4, files / 50)
        for index in 0..<files {
            let team = "team-\(index % 97)"
            let folder = directory.appendingPathComponent(team)
            if index < 97 { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            let broken = index % brokenEvery == 0
            let (name, text): (String, String)
            switch index % 10 {
            case 0, 1: (name, text) = ("native-issuer-\(index).yaml", nativeIssuer(index, broken: broken, random: &random))
            case 2, 3, 4: (name, text) = ("native-verifier-\(index).yaml", nativeVerifier(index, issuers: issuers, broken: broken, random: &random))
            case 5, 6: (name, text) = ("requestauthentication-\(index).yaml", istio(index, issuers: issuers, broken: broken))
            case 7: (name, text) = ("envoy-\(index).yaml", envoy(index, issuers: issuers, broken: broken))
            case 8: (name, text) = ("deployment-\(index).yaml", kubernetes(index, broken: broken))
            default: (name, text) = ("vault-role-\(index).json", vaultRole(index, broken: broken))
            }
            let data = Data(text.utf8)
            bytes += data.count
            try data.write(to: folder.appendingPathComponent(name))
        }
        return (files, bytes)
    }

    /// Only Istio RequestAuthentication files (one jwtRule each), for the side-by-side run with Checkov.
    func writeIstio(to directory: URL) throws -> (missingAudiences: Int, plainHTTP: Int, forwarding: Int) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var counts = (missingAudiences: 0, plainHTTP: 0, forwarding: 0)
        let issuers = max(4, files / 50)
        for index in 0..<files {
            let broken = index % brokenEvery == 0
            if broken {
                switch index % 3 {
                case 0: counts.missingAudiences += 1
                case 1: counts.plainHTTP += 1
                default: counts.forwarding += 1
                }
            }
            try Data(istio(index, issuers: issuers, broken: broken).utf8)
                .write(to: directory.appendingPathComponent("requestauthentication-\(index).yaml"))
        }
        return counts
    }

    private func issuerURL(_ index: Int) -> String { "https://issuer-\(index).acme.example" }

    private func nativeIssuer(_ index: Int, broken: Bool, random: inout SplitMix64) -> String {
        let ttl = broken ? "12h" : ["5m", "10m", "15m"][random.pick(3)]
        return """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata:
              name: issuer-\(index)
              owner: team-\(index % 97)
              environment: \(index % 3 == 0 ? "staging" : "prod")
              lastReviewed: 2026-10-01
            spec:
              issuer: \(issuerURL(index))
              jwksUri: \(issuerURL(index))/.well-known/jwks.json
              signing:
                algorithm: \(broken ? "HS256" : "ES256")
                keyType: \(broken ? "oct" : "EC")
                keySize: 256
                keyStorage: \(broken ? "file" : "kms")
                rotationPeriod: 30d
                keyCreated: 2026-10-15
              tokens:
                defaultTTL: \(ttl)
                maxTTL: 1h
                audiences: [svc-\(index)]
                includesJti: true
                senderConstraint: mtls
              revocation: {method: \(broken ? "none" : "denylist")}
              logging: {issuance: true, includesTokenValues: false}

            """
    }

    private func nativeVerifier(_ index: Int, issuers: Int, broken: Bool, random: inout SplitMix64) -> String {
        let trusted = (random.pick(issuers) / 10) * 10
        return """
            apiVersion: nhi-audit/v1
            kind: Verifier
            metadata:
              name: verifier-\(index)
              owner: team-\(index % 97)
              environment: prod
              lastReviewed: 2026-09-20
            spec:
              trustedIssuers:
                - issuer: \(issuerURL(trusted))
                  jwksUri: \(issuerURL(trusted))/.well-known/jwks.json
              algorithms: [\(broken ? "HS256, RS256" : "ES256")]
              validates: {signature: true, issuer: true, audience: \(!broken), expiration: true, notBefore: true}
              audiences: [\(broken ? "api" : "svc-\(index)")]
              maxTokenAge: 1h
              clockSkew: \(broken ? "10m" : "30s")
              jwks: {cacheTTL: 10m, refreshOnUnknownKid: true, tlsVerify: true}
              trustsTokenHeaders: false
              tokenSources: [\(broken ? "query" : "header")]
              forwardsToken: false
              requiresToken: true
              revocationCheck: introspection
              replayProtection: true
              logging: {tokenValues: false}

            """
    }

    private func istio(_ index: Int, issuers: Int, broken: Bool) -> String {
        let trusted = (index % issuers / 10) * 10
        let audiences = index % 3 == 0 && broken ? "" : "\n      audiences: [\"svc-\(index)\"]"
        let scheme = index % 3 == 1 && broken ? "http" : "https"
        let forward = index % 3 == 2 && broken ? "\n      forwardOriginalToken: true" : ""
        return """
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata:
              name: jwt-\(index)
              namespace: team-\(index % 97)
            spec:
              selector:
                matchLabels: {app: svc-\(index)}
              jwtRules:
                - issuer: "\(issuerURL(trusted))"\(audiences)
                  jwksUri: "\(scheme)://issuer-\(trusted).acme.example/.well-known/jwks.json"\(forward)

            """
    }

    private func envoy(_ index: Int, issuers: Int, broken: Bool) -> String {
        let trusted = (index % issuers / 10) * 10
        return """
            static_resources:
              listeners:
                - name: ingress
                  address: {socket_address: {address: 0.0.0.0, port_value: 8080}}
                  filter_chains:
                    - filters:
                        - name: envoy.filters.network.http_connection_manager
                          typed_config:
                            "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                            stat_prefix: ingress
                            http_filters:
                              - name: envoy.filters.http.jwt_authn
                                typed_config:
                                  "@type": type.googleapis.com/envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication
                                  providers:
                                    acme:
                                      issuer: \(issuerURL(trusted))
                                      audiences: [svc-\(index)]
                                      forward: \(broken)
                                      remote_jwks:
                                        http_uri: {uri: "\(issuerURL(trusted))/.well-known/jwks.json", cluster: jwks, timeout: 5s}
                                        cache_duration: 600s
                                  rules:
                                    - match: {prefix: /}
                                      requires: {provider_name: acme}
                              - name: envoy.filters.http.router
                                typed_config:
                                  "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router
              clusters:
                - name: jwks
                  type: STRICT_DNS
                  load_assignment:
                    cluster_name: jwks
                    endpoints: [{lb_endpoints: [{endpoint: {address: {socket_address: {address: issuer-\(trusted).acme.example, port_value: 443}}}}]}]
                  transport_socket:
                    name: envoy.transport_sockets.tls
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
                      sni: issuer-\(trusted).acme.example

            """
    }

    private func kubernetes(_ index: Int, broken: Bool) -> String {
        let account = broken ? "" : "\n      serviceAccountName: svc-\(index)\n      automountServiceAccountToken: false"
        return """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: svc-\(index)
              namespace: team-\(index % 97)
            spec:
              replicas: 2
              selector:
                matchLabels: {app: svc-\(index)}
              template:
                metadata:
                  labels: {app: svc-\(index)}
                spec:\(account)
                  containers:
                    - name: app
                      image: registry.acme.example/svc:\(index)
                      volumeMounts: [{name: token, mountPath: /var/run/secrets/tokens}]
                  volumes:
                    - name: token
                      projected:
                        sources:
                          - serviceAccountToken:
                              path: token
                              audience: svc-\(index)
                              expirationSeconds: \(broken ? 86400 : 600)

            """
    }

    private func vaultRole(_ index: Int, broken: Bool) -> String {
        let subject = broken ? "repo:acme/*" : "repo:acme/svc-\(index):ref:refs/heads/main"
        return """
            {
              "request_id": "00000000-0000-0000-0000-\(String(format: "%012d", index))",
              "data": {
                "role_type": "jwt",
                "bound_audiences": ["https://github.com/acme"],
                "bound_claims": {"sub": "\(subject)"},
                "bound_claims_type": "\(broken ? "glob" : "string")",
                "user_claim": "sub",
                "token_ttl": \(broken ? 86400 : 900),
                "token_max_ttl": 3600,
                "verbose_oidc_logging": false
              }
            }

            """
    }
}
