import ArgumentParser
import NHIAudit

struct ControlsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controls", abstract: "List the control catalog.")

    @Option(help: "Only controls mapped to this framework (owasp-nhi-2025, nist-csf-2.0, nist-sp-800-207).")
    var framework: String?

    @OptionGroup var homeOptions: HomeOptions

    func run() throws {
        try exitForToolError {
            let catalog = try homeOptions.catalog()
            if let framework, catalog.framework(framework) == nil {
                throw ToolError("unknown framework '\(framework)'; use \(FrameworkCatalog.order.joined(separator: ", "))")
            }
            print("catalog \(catalog.version): \(catalog.controls.count) controls")
            for control in catalog.controls {
                if let framework, control.requirements(in: framework).isEmpty { continue }
                let mappings = FrameworkCatalog.order.compactMap { id -> String? in
                    let ids = control.requirements(in: id)
                    return ids.isEmpty ? nil : ids.joined(separator: ",")
                }.joined(separator: " | ")
                let padded = control.id.padding(toLength: 13, withPad: " ", startingAt: 0)
                let severity = control.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                print("\(padded)\(severity)\(control.title)\(mappings.isEmpty ? "" : "  [\(mappings)]")")
            }
        }
    }
}
