import Foundation
import Testing

/// Drives the system's headless Chromium (Debian package `chromium`) on a report file.
///
/// Interaction is scripted by a test-only page script appended to a copy of the report: it runs after the
/// report's own script, acts like a user (sets filters, clicks), and writes what it saw as JSON into
/// `<pre id="probe">`, which `--dump-dom` returns. A capture script placed first records `window.onerror`,
/// `console.error` and CSP violations.
struct Chromium {
    let executable: String

    /// The browser, or nil after recording why: a failure in CI, a `SKIPPED:` notice elsewhere.
    static func require() -> Chromium? {
        for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/local/bin/chromium"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return Chromium(executable: candidate)
        }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("chromium is not installed; the browser tests cannot run in CI (apt-get install chromium)")
        } else {
            print("SKIPPED: chromium not installed")
        }
        return nil
    }

    static let captureScript = """
        <script>
        window.__probeErrors = [];
        window.addEventListener("error", function (e) { window.__probeErrors.push("error: " + e.message); });
        window.addEventListener("unhandledrejection", function (e) { window.__probeErrors.push("rejection: " + e.reason); });
        document.addEventListener("securitypolicyviolation", function (e) { window.__probeErrors.push("csp: " + e.violatedDirective); });
        (function () { var original = console.error; console.error = function () {
          window.__probeErrors.push("console.error: " + Array.prototype.join.call(arguments, " "));
          return original.apply(console, arguments); }; })();
        </script>
        """

    /// Runs `probe` (a JS function body returning a JSON-serialisable value) shortly after the load event, so
    /// that asynchronous payloads (an image's onerror) have had their chance, and returns its value with the
    /// page's errors and the browser's wall time. `window.__reportScriptDone` is when the report's script ended.
    func probe(report: Data, _ probe: String) throws -> (value: Any, errors: [String], seconds: Double) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var html = String(decoding: report, as: UTF8.self)
        let probeScript = """
            <script>
            window.__reportScriptDone = performance.now();
            window.addEventListener("load", function () { setTimeout(function () {
              var out = document.createElement("pre"); out.id = "probe";
              var result;
              try { result = { ok: (function () { \(probe) })() }; } catch (e) { result = { exception: String(e) }; }
              result.errors = window.__probeErrors;
              out.textContent = JSON.stringify(result);
              document.body.appendChild(out);
            }, 100); });
            </script>
            """
        html = html.replacingOccurrences(of: "<head>", with: "<head>\n" + Self.captureScript)
        guard let end = html.range(of: "</body>", options: .backwards) else { throw ChromiumError("no </body>") }
        html.replaceSubrange(end, with: probeScript + "\n</body>")
        let file = directory.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: file)
        let started = Date()
        let dom = try run(["--dump-dom", file.absoluteString], profile: directory.appendingPathComponent("profile"))
        let seconds = Date().timeIntervalSince(started)
        guard let open = dom.range(of: "<pre id=\"probe\">"), let close = dom.range(of: "</pre>", range: open.upperBound..<dom.endIndex)
        else { throw ChromiumError("the probe did not run; DOM starts: \(dom.prefix(300))") }
        let text = String(dom[open.upperBound..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{a0}").replacingOccurrences(of: "&amp;", with: "&")
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        if let exception = object["exception"] { throw ChromiumError("the probe threw: \(exception)") }
        return (object["ok"] ?? NSNull(), object["errors"] as? [String] ?? [], seconds)
    }

    func screenshot(report: URL, to png: URL, width: Int = 1400, height: Int = 2000) throws {
        try FileManager.default.createDirectory(at: png.deletingLastPathComponent(), withIntermediateDirectories: true)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-shot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        _ = try run(
            ["--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars", report.absoluteString],
            profile: profile)
    }

    private func run(_ arguments: [String], profile: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-extensions", "--user-data-dir=\(profile.path)", "--virtual-time-budget=5000",
        ] + arguments
        let output = Pipe()
        let errors = FileHandle(forWritingAtPath: "/dev/null")
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 180, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        guard process.terminationStatus == 0 else {
            throw ChromiumError("chromium exited with \(process.terminationStatus) for \(arguments.joined(separator: " "))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct ChromiumError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
