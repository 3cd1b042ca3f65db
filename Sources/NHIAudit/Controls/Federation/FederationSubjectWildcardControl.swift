/// FED-SUB-002: a glob `sub` condition wide enough for other repositories, branches or namespaces.
public struct FederationSubjectWildcardControl: FederationControl {
    public static let id = "FED-SUB-002"
    public init() {}

    public func check(_ trust: FederationTrust, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        if let human = trust.humanLoginOutcome { return human }
        let subjects = trust.conditions(on: "sub")
        guard let first = subjects.first else {
            return .notApplicable("the trust has no sub condition (FED-SUB-001 judges that)", at: trust.anchorEvidence)
        }
        var worst: (severity: Severity, value: Field<String>, reason: String)?
        var unresolved: Field<String>?
        for condition in subjects where condition.match.value == "glob" {
            guard let values = condition.values.value else {
                unresolved = unresolved ?? condition.values.map { _ in condition.values.display ?? "" }
                continue
            }
            for value in values {
                guard let text = value.value else {
                    if case .placeholder = value.state, !(value.display ?? "").contains("*") {
                        unresolved = unresolved ?? value
                        continue
                    }
                    if let display = value.display, let (severity, reason) = Self.width(display),
                        severity > (worst?.severity ?? .info)
                    {
                        worst = (severity, value, reason)
                    }
                    continue
                }
                if let (severity, reason) = Self.width(text), severity > (worst?.severity ?? .info) {
                    worst = (severity, value, reason)
                }
            }
        }
        if let worst {
            return .fail(
                "sub \(worst.value.display ?? "?") matches \(worst.reason)", at: worst.value,
                severity: worst.severity == .high ? nil : worst.severity)
        }
        if let unresolved { return .unknown(unresolved, needed: "the sub pattern is a template") }
        return .pass("sub is pinned (\(first.values.display ?? "?"))", at: first.values)
    }

    /// How wide a glob subject is: `*`, `repo:*`, `repo:org/*` reach other repositories (high);
    /// `repo:org/repo:*` any branch, tag, environment or pull request of one repository (medium).
    static func width(_ pattern: String) -> (Severity, String)? {
        guard pattern.contains("*") || pattern.contains("?") else { return nil }
        let wild: (Substring) -> Bool = { $0.contains("*") || $0.contains("?") }
        let parts = pattern.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count >= 2, parts[0] == "repo" || parts[0] == "project_path" {
            if wild(parts[1]) { return (.high, "other repositories (the owner/repository part is a wildcard)") }
            return (.medium, "every branch, tag, environment and pull request of the repository")
        }
        if parts.count >= 4, parts[0] == "system", parts[1] == "serviceaccount" {
            if wild(parts[2]) { return (.high, "service accounts in other namespaces") }
            return (.medium, "every service account of the namespace")
        }
        if pattern == "*" { return (.high, "every subject the provider issues tokens for") }
        return (.medium, "subjects beyond a single workload")
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                    "Action": "sts:AssumeRoleWithWebIdentity",
                    "Condition": {
                      "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                      "StringLike": {"token.actions.githubusercontent.com:sub": ↓"repo:acme/*"}
                    }
                  }]
                }
                """, file: "trust.json"),
            ControlExample(
                """
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                    "Action": "sts:AssumeRoleWithWebIdentity",
                    "Condition": {
                      "StringLike": {"token.actions.githubusercontent.com:sub": ↓"repo:acme/infra:*"}
                    }
                  }]
                }
                """, file: "trust.json", severity: .medium),
        ],
        passing: [
            ControlExample(
                """
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                    "Action": "sts:AssumeRoleWithWebIdentity",
                    "Condition": {
                      "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/infra:environment:production"}
                    }
                  }]
                }
                """, file: "trust.json")
        ])
}
