/// Reads AWS IAM role trust policies that federate an OIDC provider (`sts:AssumeRoleWithWebIdentity`) into
/// `FederationTrust`s: from JSON (also `.tpl` templates), Terraform `jsonencode({...})` or heredocs, and
/// `data "aws_iam_policy_document"` blocks (normalised to `Statement` first).
///
/// Condition keys are `<provider>:<claim>` (AWS IAM User Guide, "Available keys for AWS OIDC federation");
/// `StringLike` and `ForAnyValue:StringLike` match globs, `StringNot*` only exclude.
enum AWSTrustPolicyReader {
    static let format = "aws/iam-trust-policy"
    static let webIdentityAction = "sts:AssumeRoleWithWebIdentity"
    /// GitHub's and EKS's documented audience for AWS STS (GitHub docs "Configuring OpenID Connect in Amazon Web
    /// Services"; EKS IRSA docs).
    static let stsAudience = "sts.amazonaws.com"

    struct Statement {
        var federated: Field<String>
        var conditions: [(operator: String, key: String, keyUnresolved: Bool, keyLocation: SourceLocation, values: ListField)]
        var location: SourceLocation
        var index: Int
        var sid: String?
    }

    /// True when the policy document has a statement that could be an OIDC federation.
    static func isWebIdentityPolicy(_ tree: PolicyTree) -> Bool {
        guard let statements = tree.child("Statement") else { return false }
        return statements.itemsOrSelf.contains { statement in
            let actions = statement.child("Action")?.itemsOrSelf.compactMap(\.scalar) ?? []
            return actions.contains(webIdentityAction) || statement.child("Principal")?.child("Federated") != nil
        }
    }

    static func statements(of tree: PolicyTree) -> [Statement] {
        guard let statements = tree.child("Statement") else { return [] }
        return statements.itemsOrSelf.enumerated().compactMap { index, statement in
            guard statement.child("Effect")?.scalar != "Deny" else { return nil }
            let actions = statement.child("Action")?.itemsOrSelf.compactMap(\.scalar) ?? []
            guard let federated = statement.child("Principal")?.child("Federated") else { return nil }
            guard actions.contains(webIdentityAction) || actions.contains("sts:*") || actions.isEmpty else { return nil }
            var conditions: [(String, String, Bool, SourceLocation, ListField)] = []
            for operatorEntry in statement.child("Condition")?.entries ?? [] {
                for keyEntry in operatorEntry.value.entries {
                    conditions.append(
                        (operatorEntry.key, keyEntry.key, keyEntry.keyUnresolved, keyEntry.keyLocation,
                         keyEntry.value.listField()))
                }
            }
            return Statement(
                federated: federated.itemsOrSelf.first?.stringField() ?? federated.stringField(),
                conditions: conditions, location: statement.location, index: index,
                sid: statement.child("Sid")?.scalar)
        }
    }

    /// Builds the trusts of one policy. `name` identifies the policy (file or Terraform resource).
    static func trusts(
        _ statements: [Statement], name: String, anchor: SourceLocation, maxSession: Field<Int>?,
        unresolvedConditions: Field<String>? = nil
    ) -> [FederationTrust] {
        statements.map { statement in
            let conditions = statement.conditions.map { condition in
                FederationTrust.ClaimCondition(
                    claim: claimField(condition.key, unresolved: condition.keyUnresolved, at: condition.keyLocation),
                    match: .known(matchType(condition.operator), path: "Condition.\(condition.operator)",
                                  at: condition.keyLocation, display: condition.operator),
                    values: condition.values, location: condition.keyLocation)
            }
            let provider = providerField(statement)
            let knownProvider = provider.value ?? ""
            let expectsSTS = knownProvider.isEmpty || knownProvider.hasPrefix("token.actions.githubusercontent.com")
                || knownProvider.hasPrefix("oidc.eks.")
            let label = statement.sid.map { "\(name) \($0)" } ?? (statements.count > 1 ? "\(name) #\(statement.index + 1)" : name)
            let ttl = maxSession ?? .absent("max_session_duration", at: nil)
            return FederationTrust(
                metadata: .unowned(name: label, format: format, at: statement.location), platform: "aws-iam",
                provider: provider, conditions: conditions, expectedAudience: expectsSTS ? stsAudience : nil,
                tokenTTL: ttl, tokenMaxTTL: ttl, verboseLogging: .absent("verbose_oidc_logging", at: nil),
                humanLogin: .known(false, path: "Action", at: statement.location, display: webIdentityAction),
                unresolvedConditions: unresolvedConditions)
        }
    }

    static func matchType(_ operatorName: String) -> String {
        if operatorName.contains("Not") { return "negated" }
        if operatorName.contains("Like") { return "glob" }
        return "exact"
    }

    /// `token.actions.githubusercontent.com:sub` → `sub`; `${cluster_url}:aud` → `aud`; `${KEY}` → placeholder.
    static func claimField(_ key: String, unresolved: Bool, at location: SourceLocation) -> Field<String> {
        let path = "Condition[\(key)]"
        if let colon = key.lastIndex(of: ":") {
            let claim = String(key[key.index(after: colon)...])
            if !claim.isEmpty, Placeholder.detect(claim) == nil, !claim.contains("}") {
                return .known(claim, path: path, at: location, display: key)
            }
        }
        if unresolved || Placeholder.detect(key) != nil {
            return Field(.placeholder(key), path: path, location: location, display: key)
        }
        return .known(key, path: path, at: location, display: key)
    }

    /// The OIDC provider host: from the `oidc-provider/` ARN, else from the condition keys' prefix.
    static func providerField(_ statement: Statement) -> Field<String> {
        if let arn = statement.federated.value {
            if let range = arn.range(of: "oidc-provider/") { return statement.federated.map { _ in String(arn[range.upperBound...]) } }
            return statement.federated
        }
        for condition in statement.conditions where !condition.keyUnresolved {
            if let colon = condition.key.lastIndex(of: ":"), Placeholder.detect(String(condition.key[..<colon])) == nil {
                let host = String(condition.key[..<colon])
                return .known(host, path: "Condition[\(condition.key)]", at: condition.keyLocation, display: host,
                              note: "provider read from the condition key; Principal.Federated is unresolved")
            }
        }
        return statement.federated
    }
}

/// An AWS IAM trust policy document (JSON, or a `.tpl` template of one).
public struct AWSTrustPolicyImporter: DocumentImporter {
    public let format = AWSTrustPolicyReader.format
    public init() {}

    public func recognizes(_ document: DocumentNode) -> Bool {
        document.isMapping && AWSTrustPolicyReader.isWebIdentityPolicy(PolicyTree(document))
    }

    public func importDocument(_ document: DocumentNode, into sink: ImportSink) {
        let tree = PolicyTree(document)
        let statements = AWSTrustPolicyReader.statements(of: tree)
        let name = SourceText.fileName(of: document.file)
        sink.estate.federationTrusts.append(
            contentsOf: AWSTrustPolicyReader.trusts(statements, name: name, anchor: document.location, maxSession: nil))
    }
}
