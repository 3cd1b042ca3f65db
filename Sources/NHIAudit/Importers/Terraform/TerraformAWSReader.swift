
/// AWS OIDC trusts written in Terraform: `aws_iam_role.assume_role_policy` and `data "aws_iam_policy_document"`.
enum TerraformAWSReader {
    /// AWS IAM default for `max_session_duration`: 3600 seconds (Terraform aws_iam_role docs; IAM API
    /// CreateRole MaxSessionDuration).
    static let defaultSessionSeconds = 3600

    static func read(resources: [HCLBlock], data: [HCLBlock], sink: ImportSink) {
        let documents = data.filter { $0.labels[0] == "aws_iam_policy_document" }
        var referencedDocuments: [String: (role: String, session: Field<Int>)] = [:]
        for role in resources where role.labels[0] == "aws_iam_role" {
            let address = "aws_iam_role.\(role.labels[1])"
            let reader = HCLFieldReader(role, path: address, sink: sink.diagnostics)
            var session = reader.duration("max_session_duration")
            if session.isAbsent {
                session = .productDefault(defaultSessionSeconds, path: session.path, at: role.location,
                                          note: "AWS default: max_session_duration 3600s (IAM CreateRole)")
            }
            guard let policy = reader.value("assume_role_policy") else { continue }
            if case .expression(let text) = policy.kind, text.hasPrefix("data.aws_iam_policy_document.") {
                let name = text.split(separator: ".").dropFirst(2).first.map(String.init) ?? ""
                referencedDocuments[name] = (address, session)
                continue
            }
            guard let tree = policyTree(policy, path: "\(address).assume_role_policy", sink: sink) else {
                if let unresolved = policy.unresolvedText {
                    sink.report(
                        .init(.unreadable, at: policy.location, field: "\(address).assume_role_policy",
                              "trust policy is computed (\(unresolved)); it cannot be assessed without evaluating Terraform",
                              severity: .low))
                }
                continue
            }
            guard AWSTrustPolicyReader.isWebIdentityPolicy(tree) else { continue }
            sink.estate.federationTrusts.append(
                contentsOf: AWSTrustPolicyReader.trusts(
                    AWSTrustPolicyReader.statements(of: tree), name: address, anchor: role.location, maxSession: session))
        }
        for document in documents {
            let address = "data.aws_iam_policy_document.\(document.labels[1])"
            let statements = statements(of: document, address: address, sink: sink)
            guard !statements.isEmpty else { continue }
            let reference = referencedDocuments[document.labels[1]]
            let name = reference.map { "\($0.role) (\(address))" } ?? address
            sink.estate.federationTrusts.append(
                contentsOf: AWSTrustPolicyReader.trusts(statements, name: name, anchor: document.location,
                                                        maxSession: reference?.session))
        }
    }

    /// `jsonencode({...})` as a tree; a heredoc or string holding JSON parsed with its file lines.
    private static func policyTree(_ value: HCLValue, path: String, sink: ImportSink) -> PolicyTree? {
        if case .call("jsonencode", let arguments) = value.kind, arguments.count == 1 {
            return PolicyTree(arguments[0], path: path)
        }
        guard case .string(let text, _) = value.kind else { return nil }
        let isQuoted = value.source.hasPrefix("\"")
        // A heredoc's body starts on the line after its marker; a quoted string at its opening quote.
        let shift = isQuoted
            ? DocumentNode.Shift(lines: value.location.line - 1, firstLineColumns: value.location.column)
            : DocumentNode.Shift(lines: value.location.line, firstLineColumns: 0)
        guard let tree = YAMLTree.single(isQuoted ? text : value.source, file: value.location.file, rootPath: path, shift: shift)
        else {
            sink.report(.init(.unreadable, at: value.location, field: path, "assume_role_policy is not valid JSON"))
            return nil
        }
        return PolicyTree(DocumentNode(tree: tree))
    }

    /// `statement { effect, actions, principals { type, identifiers }, condition { test, variable, values } }`.
    private static func statements(of document: HCLBlock, address: String, sink: ImportSink) -> [AWSTrustPolicyReader.Statement] {
        document.body.blocks("statement").enumerated().compactMap { index, statement in
            let path = "\(address).statement[\(index)]"
            let reader = HCLFieldReader(statement, path: path, sink: sink.diagnostics)
            guard reader.string("effect").value != "Deny" else { return nil }
            let actions = reader.stringList("actions").knownItems
            guard let principals = statement.body.blocks("principals").first(where: {
                HCLFieldReader($0, path: path, sink: DiagnosticSink()).string("type").value == "Federated"
            }) else { return nil }
            guard actions.isEmpty || actions.contains(AWSTrustPolicyReader.webIdentityAction) else { return nil }
            let identifiers = HCLFieldReader(principals, path: "\(path).principals", sink: sink.diagnostics)
                .stringList("identifiers")
            let federated = identifiers.value?.first
                ?? Field(.placeholder(identifiers.display ?? "identifiers"), path: identifiers.path,
                         location: identifiers.location, display: identifiers.display)
            let conditions = statement.body.blocks("condition").map { condition in
                let conditionReader = HCLFieldReader(condition, path: "\(path).condition", sink: sink.diagnostics)
                let variable = condition.body.attribute("variable")?.value
                return (operator: conditionReader.string("test").value ?? "?",
                        key: variable.map { $0.literalText ?? $0.source } ?? "?",
                        keyUnresolved: variable?.unresolvedText != nil,
                        keyLocation: variable?.location ?? condition.location,
                        values: conditionReader.stringList("values"))
            }
            return AWSTrustPolicyReader.Statement(
                federated: federated, conditions: conditions, location: statement.location, index: index, sid: nil)
        }
    }
}
