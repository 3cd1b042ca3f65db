import ArgumentParser
import Foundation
import NHIAudit

@main
struct NHIAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhi-audit",
        abstract: "Audit how machine tokens are minted, accepted and governed.",
        discussion: """
            Reads issuers, verifiers and policies, evaluates controls mapped to OWASP NHI Top 10 (2025), \
            NIST CSF 2.0 and NIST SP 800-207, and writes reports.

            Exit codes: 0 no failure at or above --fail-on; 1 a failure at or above it; 2 usage or tool error; \
            3 an expired waiver or coverage below --min-coverage.
            """,
        version: NHIAuditVersion.current,
        subcommands: [ScanCommand.self, ControlsCommand.self, ExplainCommand.self, ValidateCommand.self, HistoryCommand.self, DiffCommand.self, BaselineCommand.self])
}

/// Options every command that reads the catalog shares.
struct HomeOptions: ParsableArguments {
    @Option(help: "Folder holding mappings/ and templates/ (default: found next to the executable, or $NHI_AUDIT_HOME).")
    var home: String?

    func resolve() throws -> URL {
        if let home {
            let url = URL(fileURLWithPath: home)
            guard ResourceLocator.isHome(url) else { throw ToolError("\(home) holds no mappings/catalog.yaml and templates/") }
            return url
        }
        guard let url = ResourceLocator.home() else {
            throw ToolError("cannot find mappings/ and templates/; pass --home or set NHI_AUDIT_HOME")
        }
        return url
    }

    func catalog() throws -> Catalog {
        do {
            return try Catalog.load(from: try resolve().appendingPathComponent("mappings"))
        } catch let error as Catalog.LoadError {
            throw ToolError(error.description)
        }
    }
}

/// A tool or usage error: printed on one line, exit code 2.
struct ToolError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Errors whose description is written for the person running the command.
protocol DescribedError: Error, CustomStringConvertible {}
extension ToolError: DescribedError {}
extension ReportError: DescribedError {}
extension Catalog.LoadError: DescribedError {}

func exitForToolError(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        // Every other error is a tool error (2): left to ArgumentParser it would exit 1, which a pipeline reads
        // as "failures at or above the threshold".
        let message = (error as? any DescribedError)?.description ?? (error as NSError).localizedDescription
        FileHandle.standardError.write(Data("nhi-audit: error: \(message)\n".utf8))
        throw ExitCode(2)
    }
}
