import Foundation
import NHIAudit
import Testing

/// Every machine-readable format of the example estate (`examples/`, written in parallel by others) is valid
/// against its schema. Skips with a notice while `examples/` or `../shared/schemas` is absent.
@Suite struct ReportsExampleEstateTests {
    @Test func everyFormatOfTheExampleEstateIsSchemaValid() throws {
        guard FileManager.default.fileExists(atPath: Repository.examples.path) else {
            print("SKIPPED: \(Repository.examples.path) is absent")
            return
        }
        let loaded = EstateLoader().load(paths: [Repository.examples.path], excluding: [])
        let document = Evaluator(catalog: Repository.catalog).evaluate(loaded, clock: Harness.clock)
        #expect(!document.results.isEmpty)

        let xml = try ReportEstate.render("xml", document)
        let reportSchema = Repository.templates.appendingPathComponent("report.xsd")
        #expect(try XMLSchemaValidator(schema: reportSchema).validate(xml, name: "report.xml").isEmpty)

        if let junitSchema = SharedSchemas.file("junit.xsd") {
            let issues = try XMLSchemaValidator(schema: junitSchema).validate(try ReportEstate.render("junit", document))
            #expect(issues.isEmpty, "\(issues)")
        }
        for (format, schemaName) in [("sarif", "sarif-2.1.0.json"), ("oscal", "oscal-1.1.2-assessment-results.json")] {
            guard let schema = SharedSchemas.file(schemaName) else { continue }
            let errors = try SharedSchemas.jsonSchemaErrors(
                schema: schema, document: try ReportEstate.render(format, document), name: "report.\(format).json")
            #expect(errors.isEmpty, "\(format): \(errors.prefix(5))")
        }
    }
}
