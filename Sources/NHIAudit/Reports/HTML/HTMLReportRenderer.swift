import Foundation
import Mustache

/// `report.html`: one self-contained page rendered from `templates/report.html.mustache`. `report.css` and
/// `report.js` from the same folder are inlined, other `*.mustache` files there are partials, and findings are
/// embedded as a JSON block the script pages through, so the file works offline and stays fast at scale.
/// The template is rendered with a marker in place of the data block, and the block is streamed in its place.
public struct HTMLReportRenderer: StreamingReportRenderer {
    public let format = "html"
    public let fileName = "report.html"

    /// Most results the findings table lists (see `HTMLReportData`).
    public var rowLimit: Int

    public init(rowLimit: Int = HTMLReportData.rowLimit) { self.rowLimit = rowLimit }

    public func write(_ document: ResultDocument, resources: ReportResources, to output: ReportOutput) throws {
        ScriptSafeContentTypes.register()
        let folder = resources.templates
        func read(_ name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            do { return try String(contentsOf: url, encoding: .utf8) } catch {
                throw ReportError("cannot read template \(url.path): \(error.localizedDescription)")
            }
        }
        func template(_ name: String) throws -> MustacheTemplate {
            let source = try read(name)
            do { return try CompiledTemplates.shared.template(for: source) } catch {
                throw ReportError("template \(folder.appendingPathComponent(name).path) is invalid: \(error)")
            }
        }
        var library = MustacheLibrary()
        let partials = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in partials.sorted() where name.hasSuffix(".mustache") && name != "report.html.mustache" {
            library.register(try template(name), named: String(name.dropLast(".mustache".count)))
        }
        let data = HTMLReportData(document, rowLimit: rowLimit)
        // Stands for the data block in the rendered page: random, so no input value can forge it; it never
        // reaches the output, so the report stays byte-for-byte deterministic.
        let marker = "nhi-audit-report-data-\(UUID().uuidString)"
        let model = HTMLReportModel(
            document, assets: .init(css: try read("report.css"), js: try read("report.js")),
            data: marker, rowsOmitted: data.omittedCount, rowLimit: rowLimit)
        let page = try template("report.html.mustache").render(MustacheTree.build(model), library: library)
        for (index, part) in Self.split(Array(page.utf8), at: Array(marker.utf8)).enumerated() {
            if index > 0 { try data.write(document.results, to: output) }
            output.append(part)
        }
    }

    /// The page's bytes around each occurrence of `marker`. A byte search: Foundation's string search costs more
    /// than the whole rest of a small report.
    static func split(_ bytes: [UInt8], at marker: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var position = 0
        while let candidate = bytes[position...].firstIndex(of: marker[0]) {
            position = candidate + 1
            guard bytes[candidate...].starts(with: marker) else { continue }
            parts.append(bytes[start..<candidate])
            start = candidate + marker.count
            position = start
        }
        parts.append(bytes[start...])
        return parts
    }
}

/// Compiled templates by source text: a long-running caller (the fuzzer, a test suite) renders many reports
/// from the same files, and compiling them is most of a small report's cost. An edited file is a new key.
final class CompiledTemplates: @unchecked Sendable {
    static let shared = CompiledTemplates()
    private var templates: [String: MustacheTemplate] = [:]
    private let lock = NSLock()

    func template(for source: String) throws -> MustacheTemplate {
        lock.lock()
        defer { lock.unlock() }
        if let cached = templates[source] { return cached }
        let compiled = try MustacheTemplate(string: source)
        if templates.count > 32 { templates.removeAll() }
        templates[source] = compiled
        return compiled
    }
}
