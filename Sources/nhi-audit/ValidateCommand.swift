import ArgumentParser
import NHIAudit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check input files only: syntax, schema and recognized formats. Exit 1 if any INP-001 or INP-003.")

    @Argument(help: "Files or folders to check.")
    var paths: [String]

    func run() throws {
        let loaded = EstateLoader().load(paths: paths)
        for diagnostic in loaded.diagnostics.sorted(by: { $0.location < $1.location }) {
            print(VisibleText.escape(diagnostic.oneLine))
        }
        let errors = loaded.diagnostics.filter { $0.code != .unrecognized }.count
        let entities = loaded.estate.allEntities.count
        print(
            "\(counted(loaded.inputs.count, "file")), \(counted(entities, "entity", plural: "entities")), "
                + "\(counted(errors, "error")), \(loaded.diagnostics.count - errors) unrecognized")
        if errors > 0 { throw ExitCode(1) }
    }
}
