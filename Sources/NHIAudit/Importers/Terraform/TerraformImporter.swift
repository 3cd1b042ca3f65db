import Foundation

/// Terraform `.tf` files: dispatches by block type. Reads `vault_jwt_auth_backend(_role)` (Vault JWT/OIDC
/// auth), `aws_iam_role.assume_role_policy` (jsonencode, heredoc or a policy document reference) and
/// `data "aws_iam_policy_document"`. Other resources are left alone; references stay unresolved placeholders.
public struct TerraformImporter: TextImporter {
    public let format = "terraform"
    public init() {}

    public func recognizes(_ source: SourceText) -> Bool {
        source.fileExtension == "tf"
            || (TextScan.mayMatch(source.text, keyword: "resource") || TextScan.mayMatch(source.text, keyword: "data"))
                && source.text.range(of: #"(?m)^(resource|data)\s+"[a-z0-9_]+"\s+"[^"]+"\s*\{"#, options: .regularExpression) != nil
    }

    public func importText(_ source: SourceText, into sink: ImportSink) {
        let parsed: HCLParser.Parsed
        switch HCLParser.parse(source.text, file: source.path) {
        case .success(let result): parsed = result
        case .failure(let error):
            sink.report(.init(.unreadable, at: error.location, "HCL syntax error: \(error.reason)"))
            return
        }
        HCLDiagnostics.report(parsed.unsupported, into: sink)
        let resources = parsed.body.blocks("resource").filter { $0.labels.count == 2 }
        let data = parsed.body.blocks("data").filter { $0.labels.count == 2 }
        let before = sink.estate.allEntities.count
        readVault(resources, sink: sink)
        TerraformAWSReader.read(resources: resources, data: data, sink: sink)
        if sink.estate.allEntities.count == before, sink.diagnostics.diagnostics.isEmpty {
            let types = Set((resources + data).map { $0.labels[0] }).sorted()
            sink.report(
                .init(.unreadable, at: SourceLocation(file: source.path, line: 1, column: 1),
                      "Terraform file read; it holds no Vault JWT auth roles or AWS OIDC trust policies"
                          + (types.isEmpty ? "" : " (resource types: \(types.joined(separator: ", ")))"),
                      severity: .info))
        }
    }

    private func readVault(_ resources: [HCLBlock], sink: ImportSink) {
        var backends: [(address: String, path: String?, location: SourceLocation, backend: VaultBackend)] = []
        for block in resources where block.labels[0] == "vault_jwt_auth_backend" {
            let settings = HCLVaultSettings(block: block, path: "vault_jwt_auth_backend.\(block.labels[1])", sink: sink.diagnostics)
            let tune = block.body.block("tune").map { tune in
                let reader = HCLFieldReader(tune, path: "\(settings.reader.path).tune", sink: sink.diagnostics)
                return (reader.duration("default_lease_ttl"), reader.duration("max_lease_ttl"))
            }
            backends.append(
                ("vault_jwt_auth_backend.\(block.labels[1])", block.body.attribute("path")?.value.source, block.location,
                 VaultJWTReader.backend(settings, tune: tune)))
        }
        let roles = resources.filter { $0.labels[0] == "vault_jwt_auth_backend_role" }
        if roles.isEmpty {
            for backend in backends {
                sink.report(
                    .init(.unreadable, at: backend.location, field: backend.address,
                          "Vault JWT auth backend (issuer \(backend.backend.issuer.display ?? "not set"), keys from "
                              + "\(backend.backend.keySource.display ?? "not set")) has no roles in this file; "
                              + "audience, subject and TTL are set per role, so nothing here can be judged alone",
                          severity: .info))
            }
        }
        for block in roles {
            let address = "vault_jwt_auth_backend_role.\(block.labels[1])"
            let settings = HCLVaultSettings(block: block, path: address, sink: sink.diagnostics)
            let reference = settings.reader.value("backend")
            let backend = reference.flatMap { reference in
                backends.first { reference.source.hasPrefix($0.address + ".") || reference.source == $0.path }?.backend
            }
            let referenceField = reference.map {
                Field<String>(.placeholder($0.source), path: "\(address).backend", location: $0.location, display: $0.source)
            }
            VaultJWTReader.role(settings, name: address, backend: backend, backendReference: referenceField, sink: sink)
        }
    }
}

struct HCLVaultSettings: VaultSettings {
    let reader: HCLFieldReader

    init(block: HCLBlock, path: String, sink: DiagnosticSink) {
        reader = HCLFieldReader(block, path: path, sink: sink)
    }

    var anchor: SourceLocation { reader.anchor }
    func string(_ key: String) -> Field<String> { reader.string(key) }
    func bool(_ key: String) -> Field<Bool> { reader.bool(key) }
    func duration(_ key: String) -> Field<Int> { reader.duration(key) }
    func stringList(_ key: String) -> ListField { reader.stringList(key) }
    func has(_ key: String) -> Bool { reader.value(key) != nil }

    /// The Terraform provider takes `bound_claims` as a map of strings, each "a comma-separated string list".
    func boundClaims() -> (claims: [(key: String, location: SourceLocation, values: ListField)], unresolved: Field<String>?) {
        guard let value = reader.value("bound_claims") else { return ([], nil) }
        let path = reader.fieldPath("bound_claims")
        if let unresolved = value.unresolvedText {
            return ([], Field(.placeholder(unresolved), path: path, location: value.location, display: unresolved))
        }
        guard let members = value.objectMembers else {
            reader.sink.add(.init(.unreadable, at: value.location, field: path, "expected a map of claims to values"))
            return ([], Field(.invalid("expected a map"), path: path, location: value.location, display: value.source))
        }
        let claims = members.map { member in
            let memberReader = HCLFieldReader(members, path: path, anchor: value.location, sink: reader.sink)
            return (member.name, member.nameLocation, memberReader.stringList(member.name, splitCommas: true))
        }
        return (claims, nil)
    }
}
