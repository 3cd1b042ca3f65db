import Foundation
import Mustache

/// `report.html`: one self-contained page rendered from `templates/report.html.mustache`. `report.css` and
/// `report.js` from the same folder are inlined, other `*.mustache` files there are partials, and findings are
/// embedded as a JSON block the script pages through, so the file works offline and stays fast at scale.
public struct HTMLReportRenderer: ReportRenderer {
    public let format = "html"
    public let fileName = "report.html"

    public init() {}

    public func render(_ document: ResultDocument, resources: ReportResources) throws -> Data {
        ScriptSafeContentTypes.register()
        let folder = resources.templates
        func read(_ name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            do { return try String(contentsOf: url, encoding: .utf8) } catch {
                throw ReportError("cannot read template \(url.path): \(error.localizedDescription)")
            }
        }
        func template(_ name: String) throws -> MustacheTemplate {
            do { return try MustacheTemplate(string: try read(name)) } catch let error as ReportError { throw error } catch {
                throw ReportError("template \(folder.appendingPathComponent(name).path) is invalid: \(error)")
            }
        }
        var library = MustacheLibrary()
        let partials = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in partials.sorted() where name.hasSuffix(".mustache") && name != "report.html.mustache" {
            library.register(try template(name), named: String(name.dropLast(".mustache".count)))
        }
        let model = HTMLReportModel(
            document, assets: .init(css: try read("report.css"), js: try read("report.js")),
            data: try HTMLReportData(document).json())
        return Data(try template("report.html.mustache").render(model, library: library).utf8)
    }
}
