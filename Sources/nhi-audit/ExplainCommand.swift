import ArgumentParser
import NHIAudit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Print one control: rationale, remediation, references and mappings.")

    @Argument(help: "A control id, e.g. VER-AUD-001.")
    var id: String

    @OptionGroup var homeOptions: HomeOptions

    func run() throws {
        try exitForToolError {
            let catalog = try homeOptions.catalog()
            guard let control = catalog.control(id.uppercased()) else {
                throw ToolError("no control '\(id)'; `nhi-audit controls` lists them")
            }
            var lines = ["\(control.id)  \(control.title)", "severity: \(control.severity.rawValue)", "applies to: \(control.appliesTo)", ""]
            lines += ["Why it matters:", "  \(control.rationale)", "", "Remediation:", "  \(control.remediation)", ""]
            lines.append("References:")
            lines += control.references.map { "  - \($0.title)\($0.url.map { " <\($0)>" } ?? "")" }
            lines.append("")
            lines.append("Framework mappings:")
            for frameworkID in FrameworkCatalog.order {
                guard let framework = catalog.framework(frameworkID) else { continue }
                let ids = control.requirements(in: frameworkID)
                if ids.isEmpty {
                    lines.append("  \(framework.title): none")
                    continue
                }
                lines.append("  \(framework.title) \(framework.version):")
                lines += ids.map { "    \($0)  \(framework.requirement($0)?.title ?? "")" }
            }
            print(lines.joined(separator: "\n"))
        }
    }
}
