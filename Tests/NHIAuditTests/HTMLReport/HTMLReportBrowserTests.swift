import Foundation
import NHIAudit
import Testing

/// The HTML report in a real headless Chromium: it loads without errors, its filters work, hostile input stays
/// text, 20,000 results stay usable, and the run leaves a screenshot in `.build/nhi-audit-artifacts/`.
/// Serialized: each test starts a browser, and two at once would starve a small machine.
@Suite(.serialized) struct HTMLReportBrowserTests {
    static let artifacts = Repository.root.appendingPathComponent(".build/nhi-audit-artifacts")

    /// Counts the rendered result rows and their severities after an optional change of one filter.
    static func rowsProbe(setting filter: String? = nil, to value: String = "") -> String {
        let change = filter.map {
            "var s = nhiAuditReport.controls.\($0); s.value = \"\(value)\"; s.dispatchEvent(new Event(\"change\"));"
        } ?? ""
        return """
            \(change)
            var rows = document.querySelectorAll("#findings-body tr.result");
            var severities = {};
            rows.forEach(function (r) { var t = r.querySelector(".badge").textContent; severities[t] = (severities[t] || 0) + 1; });
            return { rows: rows.length, severities: severities, count: document.getElementById("result-count").textContent,
                     domNodes: document.getElementsByTagName("*").length };
            """
    }

    @Test func loadsWithoutErrorsAndTheSeverityFilterChangesTheRows() throws {
        guard let chromium = Chromium.require() else { return }
        let document = HTMLReportFixtures.estate
        let report = try HTMLReportFixtures.render(document)
        let failures = document.results.filter { $0.status == .fail }
        let severity = try #require(
            Severity.allCases.first { level in
                let count = failures.filter { $0.severity == level }.count
                return count > 0 && count < failures.count
            }, "the fixture needs failures of at least two severities")

        let before = try chromium.probe(report: report, Self.rowsProbe())
        #expect(before.errors.isEmpty, "console errors: \(before.errors)")
        let initial = try #require(before.value as? [String: Any])
        #expect(initial["rows"] as? Int == min(failures.count, 50), "the default view lists failures")

        let after = try chromium.probe(report: report, Self.rowsProbe(setting: "severity", to: severity.rawValue))
        #expect(after.errors.isEmpty, "console errors: \(after.errors)")
        let filtered = try #require(after.value as? [String: Any])
        let expected = failures.filter { $0.severity == severity }.count
        #expect(filtered["rows"] as? Int == min(expected, 50))
        #expect((filtered["severities"] as? [String: Int]) == [severity.rawValue: min(expected, 50)])
        #expect(filtered["rows"] as? Int != initial["rows"] as? Int)
    }

    @Test func sortingByFileOrdersTheRowsByLocation() throws {
        guard let chromium = Chromium.require() else { return }
        let probe = """
            var c = nhiAuditReport.controls;
            c.status.value = ""; c.sort.value = "file"; c.sort.dispatchEvent(new Event("change"));
            var results = JSON.parse(document.getElementById("report-data").textContent).results;
            return Array.prototype.map.call(document.querySelectorAll("#findings-body tr.result"), function (row) {
              var r = results[Number(row.getAttribute("data-index"))];
              return r.file + ":" + r.line + ":" + r.column; });
            """
        let document = HTMLReportFixtures.large(count: 300)
        let outcome = try chromium.probe(report: try HTMLReportFixtures.render(document), probe)
        #expect(outcome.errors.isEmpty, "console errors: \(outcome.errors)")
        let shown = try #require(outcome.value as? [String])
        let expected = document.results.map(\.location)
            .sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
            .prefix(50).map { "\($0.file):\($0.line):\($0.column)" }
        #expect(shown == Array(expected))
    }

    @Test func aRequirementLinkShowsTheFindingsThatEvidenceIt() throws {
        guard let chromium = Chromium.require() else { return }
        let document = HTMLReportFixtures.estate
        let requirement = try #require(document.coverage["owasp-nhi-2025"]?.first { $0.status == .fail })
        let controls = Set(requirement.controls)
        let expected = document.results.filter { controls.contains($0.control) }.count
        let probe = """
            document.querySelector('a.drill[data-requirement="owasp-nhi-2025:\(requirement.id)"]').click();
            return { rows: document.querySelectorAll("#findings-body tr.result").length,
                     selected: nhiAuditReport.controls.requirement.value };
            """
        let outcome = try chromium.probe(report: try HTMLReportFixtures.render(document), probe)
        #expect(outcome.errors.isEmpty, "console errors: \(outcome.errors)")
        let value = try #require(outcome.value as? [String: Any])
        #expect(value["selected"] as? String == "owasp-nhi-2025:\(requirement.id)")
        #expect(value["rows"] as? Int == min(expected, 50))
    }

    @Test func hostileInputNeverExecutesOrBecomesMarkup() throws {
        guard let chromium = Chromium.require() else { return }
        let probe = """
            var s = nhiAuditReport.controls.status; s.value = ""; s.dispatchEvent(new Event("change"));
            for (var i = 0; i < 20; i++) { var b = document.querySelectorAll("#findings-body button.toggle[aria-expanded=false]")[0]; if (b) b.click(); }
            document.querySelectorAll("details").forEach(function (d) { d.open = true; });
            var hrefs = Array.prototype.map.call(document.querySelectorAll("[href]"), function (a) { return a.getAttribute("href"); });
            return { pwned: window.__pwned === undefined ? null : String(window.__pwned),
                     images: document.querySelectorAll("img, b, iframe, object, embed").length,
                     scripts: document.querySelectorAll("script").length,
                     foreignHrefs: hrefs.filter(function (h) { return h.charAt(0) !== "#"; }),
                     handlers: document.querySelectorAll("[onerror], [onload], [onclick]").length,
                     detailRows: document.querySelectorAll("#findings-body tr.detail").length,
                     shownAsText: document.body.textContent.indexOf("issuer/x<img src=x onerror=window.__pwned=1>") >= 0,
                     scriptTextShown: document.body.textContent.indexOf("<\\/script><script>window.__pwned=3<\\/script>") >= 0 };
            """
        let outcome = try chromium.probe(report: try HTMLReportFixtures.render(HTMLReportFixtures.hostile), probe)
        #expect(outcome.errors.isEmpty, "console errors: \(outcome.errors)")
        let value = try #require(outcome.value as? [String: Any])
        #expect(value["pwned"] is NSNull, "a payload ran: window.__pwned = \(value["pwned"] ?? "")")
        #expect(value["images"] as? Int == 0)
        #expect(value["handlers"] as? Int == 0)
        #expect(value["scripts"] as? Int == 4, "capture, data, report and probe scripts only")
        #expect((value["foreignHrefs"] as? [String]) == [])
        #expect((value["detailRows"] as? Int ?? 0) > 0, "evidence was rendered")
        #expect(value["shownAsText"] as? Bool == true)
        #expect(value["scriptTextShown"] as? Bool == true)
    }

    @Test func twentyThousandResultsRenderAndStayUsable() throws {
        guard let chromium = Chromium.require() else { return }
        let document = HTMLReportFixtures.large(count: 20_000)
        let renderStart = Date()
        let report = try HTMLReportFixtures.render(document)
        let renderSeconds = Date().timeIntervalSince(renderStart)
        let probe = """
            var loaded = window.__reportScriptDone;
            var s = nhiAuditReport.controls.severity; s.value = "critical"; s.dispatchEvent(new Event("change"));
            var q = nhiAuditReport.controls.search; q.value = "team-42/"; q.form.dispatchEvent(new Event("submit", {cancelable: true}));
            var rows = document.querySelectorAll("#findings-body tr.result").length;
            return { loadedMs: Math.round(loaded), rows: rows,
                     count: document.getElementById("result-count").textContent,
                     domNodes: document.getElementsByTagName("*").length };
            """
        let outcome = try chromium.probe(report: report, probe)
        #expect(outcome.errors.isEmpty, "console errors: \(outcome.errors)")
        let value = try #require(outcome.value as? [String: Any])
        let expected = document.results.filter {
            $0.status == .fail && $0.severity == .critical && $0.location.file.contains("team-42/")
        }.count
        #expect(value["rows"] as? Int == min(expected, 50))
        #expect((value["count"] as? String)?.contains("20000 in total") == true)
        #expect((value["domNodes"] as? Int ?? .max) < 5_000, "the DOM stays small")
        // The browser runs on virtual time, so in-page clocks are indicative; the wall-clock difference to a small
        // report is the cost a user feels.
        let small = try chromium.probe(report: try HTMLReportFixtures.render(HTMLReportFixtures.estate), "return 0;")
        print(
            "20,000 results: report \(report.count / 1024) KiB rendered in \(String(format: "%.2f", renderSeconds)) s; "
                + "browser run \(String(format: "%.2f", outcome.seconds)) s vs \(String(format: "%.2f", small.seconds)) s "
                + "for a 6-result report; report script done \(value["loadedMs"] ?? "?") ms after navigation; "
                + "\(value["domNodes"] ?? "?") DOM elements")
    }

    @Test func aReportWithHistoryDrawsTheTrendAndMarksNewAndWaivedResults() throws {
        guard let chromium = Chromium.require() else { return }
        let document = try HistoryReportFixtures.document()
        let newFailures = document.results.filter { $0.status == .fail && $0.isNew == true }.count
        let waived = document.results.filter { $0.status == .waived }.count
        let probe = """
            var c = nhiAuditReport.controls;
            function rows() { return document.querySelectorAll("#findings-body tr.result"); }
            var out = { trendColumns: document.querySelectorAll("#trend svg.trend-chart g.run").length,
                        trendDates: Array.prototype.map.call(document.querySelectorAll("#trend text.date"), function (t) { return t.textContent; }),
                        noTrendNote: document.querySelectorAll(".no-trend").length,
                        failRows: rows().length, newBadges: document.querySelectorAll("#findings-body .badge.new").length,
                        firstSeen: document.querySelectorAll("#findings-body .first-seen").length,
                        expiredRows: document.querySelectorAll("#findings-body tr.waiver-expired").length };
            c.newOnly.checked = true; c.newOnly.dispatchEvent(new Event("change"));
            out.newOnlyRows = rows().length;
            out.newOnlyAllNew = Array.prototype.every.call(rows(), function (r) { return r.querySelector(".badge.new") !== null; });
            c.newOnly.checked = false; c.status.value = "waived"; c.status.dispatchEvent(new Event("change"));
            out.waivedRows = rows().length;
            out.waivedLines = Array.prototype.map.call(document.querySelectorAll("#findings-body .waiver-line"), function (l) { return l.textContent; });
            var first = document.querySelector("#findings-body tr.status-waived");
            out.waivedBackground = first ? getComputedStyle(first.querySelector("td")).backgroundColor : "";
            out.waivedBadge = first ? getComputedStyle(first.querySelector(".badge.cov-waived")).color : "";
            var pass = document.createElement("span"); pass.className = "badge cov-pass"; document.body.appendChild(pass);
            out.passBadge = getComputedStyle(pass).color; pass.remove();
            document.querySelector("#findings-body button.toggle").click();
            out.waiverBox = document.querySelector("#findings-body .waiver-box") ? document.querySelector("#findings-body .waiver-box").textContent : "";
            out.waiverTable = document.querySelectorAll("table.waivers tbody tr").length;
            out.expiredInTable = document.querySelectorAll("table.waivers tr.waiver-expired").length;
            out.runDigest = document.querySelector(".run-digest") ? document.querySelector(".run-digest").textContent : "";
            out.baseline = document.querySelector(".runline.baseline") ? document.querySelector(".runline.baseline").textContent : "";
            return out;
            """
        let outcome = try chromium.probe(report: try HTMLReportFixtures.render(document), probe)
        #expect(outcome.errors.isEmpty, "console errors: \(outcome.errors)")
        let value = try #require(outcome.value as? [String: Any])
        #expect(value["trendColumns"] as? Int == 3)
        #expect((value["trendDates"] as? [String]) == document.history?.trend.map { String($0.generatedAt.prefix(10)) })
        #expect(value["noTrendNote"] as? Int == 0)
        let failures = document.results.filter { $0.status == .fail }.count
        #expect(value["failRows"] as? Int == min(failures, 50))
        #expect(newFailures > 0 && value["newBadges"] as? Int == newFailures)
        #expect(value["firstSeen"] as? Int == min(failures, 50), "every failure shows when it was first seen")
        #expect(value["expiredRows"] as? Int == 1)
        #expect(value["newOnlyRows"] as? Int == newFailures)
        #expect(value["newOnlyAllNew"] as? Bool == true)
        #expect(value["waivedRows"] as? Int == waived)
        #expect((value["waivedLines"] as? [String])?.first?.contains("Waived until 2026-12-31") == true)
        #expect(value["waivedBadge"] as? String != value["passBadge"] as? String, "waived is never styled as passing")
        let box = try #require(value["waiverBox"] as? String)
        for text in ["legacy-billing-ttl", "team-a", "ciso", "SEC-1", "2026-12-31", "vendor SDK cannot refresh tokens"] {
            #expect(box.contains(text), "the waiver box lacks \(text): \(box)")
        }
        #expect(value["waiverTable"] as? Int == 2)
        #expect(value["expiredInTable"] as? Int == 1)
        #expect(value["runDigest"] as? String == document.runDigest)
        #expect((value["baseline"] as? String)?.contains("nightly/baseline.json") == true)

        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        let html = Self.artifacts.appendingPathComponent("report-history.html")
        try HTMLReportFixtures.render(document).write(to: html)
        let png = Self.artifacts.appendingPathComponent("report-history.png")
        try? FileManager.default.removeItem(at: png)
        try chromium.screenshot(report: html, to: png)
        #expect(try Data(contentsOf: png).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        print("screenshot: \(png.path) (history, waivers and baseline)")
    }

    @Test func writesAScreenshotOfTheExampleReport() throws {
        guard let chromium = Chromium.require() else { return }
        var reports = [("report-fixture", HTMLReportFixtures.estate)]
        if let acme = HTMLReportFixtures.acme { reports.append(("report", acme)) } else { reports.append(("report", HTMLReportFixtures.estate)) }
        for (name, document) in reports {
            let html = Self.artifacts.appendingPathComponent("\(name).html")
            try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
            try HTMLReportFixtures.render(document).write(to: html)
            let png = Self.artifacts.appendingPathComponent("\(name).png")
            try? FileManager.default.removeItem(at: png)
            try chromium.screenshot(report: html, to: png)
            let bytes = try Data(contentsOf: png)
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(png.path) is a PNG")
            print("screenshot: \(png.path) (\(document.results.count) results, \(bytes.count / 1024) KiB)")
        }
    }
}
