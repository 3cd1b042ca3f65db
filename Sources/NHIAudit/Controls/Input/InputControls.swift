/// INP-001, INP-002 and INP-003 turn input diagnostics into results, one per problem, on the file.
public protocol InputControl: Control {
    static var code: InputDiagnostic.Code { get }
}

extension InputControl {
    public static var id: String { code.rawValue }

    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        context.diagnostics.filter { $0.code == Self.code }.map { diagnostic in
            let source = Field<String>(.absent, path: diagnostic.field ?? "", location: diagnostic.location)
            return EntityOutcome(
                entity: EntityRef(kind: .file, name: diagnostic.location.file), anchor: diagnostic.location,
                policy: nil,
                outcome: Outcome(
                    status: .fail, message: diagnostic.message, sources: [source], severity: diagnostic.severity),
                discriminator: "\(diagnostic.field ?? ""):\(diagnostic.message)")
        }
    }
}

public struct UnreadableInputControl: InputControl {
    public static let code = InputDiagnostic.Code.unreadable
    public init() {}
    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata:
                  name: broken
                spec:
                  tokens: [unclosed
                ↓
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: typo}
                spec:
                  tokens:
                    ↓maxTtl: 1h
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: fine}
                spec:
                  tokens: {maxTTL: 1h}
                """)
        ])
}

public struct UnrecognizedInputControl: InputControl {
    public static let code = InputDiagnostic.Code.unrecognized
    public init() {}
    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                ↓apiVersion: v1
                kind: ConfigMap
                metadata: {name: unrelated}
                data: {color: blue}
                """, file: "unrelated.yaml")
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Policy
                metadata: {name: org}
                spec: {maxTokenTTL: 1h}
                """)
        ])
}

public struct DuplicateKeyControl: InputControl {
    public static let code = InputDiagnostic.Code.duplicateKey
    public init() {}
    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: twice}
                spec:
                  tokens:
                    ↓maxTTL: 1h
                    maxTTL: 30d
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: once}
                spec:
                  tokens:
                    maxTTL: 1h
                """)
        ])
}
