import CLibXML2
import Foundation

/// A thin Swift face over libxml2's xmlTextWriter, streaming into a `ReportOutput`. libxml2 escapes markup in
/// text and attributes; characters XML 1.0 forbids (section 2.2, e.g. C0 controls) are replaced with U+FFFD
/// first, because libxml2 would write them through and produce a document no parser accepts.
final class XMLTextWriter {
    private let writer: xmlTextWriterPtr
    private let sink: Sink

    /// Receives libxml2's output buffer as it fills; keeps the first write error for `finish`.
    private final class Sink {
        let output: ReportOutput
        var error: (any Error)?
        init(_ output: ReportOutput) { self.output = output }
    }

    /// `declaration: false` writes a fragment: no XML declaration (see `fragment`).
    init(output: ReportOutput, declaration: Bool = true) throws {
        let sink = Sink(output)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let write: xmlOutputWriteCallback = { context, bytes, length in
            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
            guard let bytes, length > 0 else { return 0 }
            sink.output.pending.append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: Int(length)))
            do { try sink.output.flushIfFull() } catch {
                sink.error = error
                return -1
            }
            return length
        }
        guard let buffer = xmlOutputBufferCreateIO(write, nil, context, nil) else {
            throw ReportError("libxml2: cannot allocate an output buffer")
        }
        guard let writer = xmlNewTextWriter(buffer) else {
            xmlOutputBufferClose(buffer)
            throw ReportError("libxml2: cannot create a writer")
        }
        self.sink = sink
        self.writer = writer
        xmlTextWriterSetIndent(writer, 1)
        try Self.call("  ") { xmlTextWriterSetIndentString(writer, $0) }
        if declaration { try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start document") }
    }

    /// Elements written by `body` on one line, escaped by libxml2 as everywhere else, as text to `raw` into
    /// a document many times (a control's title and mappings, the same in all its results).
    static func fragment(_ body: (XMLTextWriter) throws -> Void) throws -> String {
        let fragment = try XMLTextWriter(output: ReportOutput(), declaration: false)
        fragment.setIndent(false)
        try body(fragment)
        try fragment.check(xmlTextWriterFlush(fragment.writer), "flush")
        return String(decoding: try fragment.sink.output.data, as: UTF8.self)
    }

    /// Writes `text` as is: only text made by `fragment`.
    func raw(_ text: String) throws {
        try Self.call(text) { xmlTextWriterWriteRaw(writer, $0) }
    }

    deinit {
        xmlFreeTextWriter(writer)
    }

    /// Indents children on their own lines (the default), or writes them on one line: one result per line
    /// keeps a report of hundreds of thousands of results half the size and still greppable.
    func setIndent(_ indent: Bool) {
        xmlTextWriterSetIndent(writer, indent ? 1 : 0)
    }

    func start(_ name: String) throws {
        try Self.call(name) { xmlTextWriterStartElement(writer, $0) }
    }

    func end() throws {
        try check(xmlTextWriterEndElement(writer), "end element")
    }

    func attribute(_ name: String, _ value: String) throws {
        try Self.call(name) { name in
            Self.withXMLString(Self.clean(value)) { xmlTextWriterWriteAttribute(writer, name, $0) }
        }
    }

    /// Writes the attribute only when there is a value.
    func attribute(_ name: String, _ value: String?) throws {
        if let value { try attribute(name, value) }
    }

    func text(_ value: String) throws {
        try Self.call(Self.clean(value)) { xmlTextWriterWriteString(writer, $0) }
    }

    /// `<name>text</name>`.
    func element(_ name: String, _ value: String) throws {
        try start(name)
        try text(value)
        try end()
    }

    func element(_ name: String, attributes: KeyValuePairs<String, String?> = [:], body: () throws -> Void) throws {
        try start(name)
        for (key, value) in attributes { try attribute(key, value) }
        try body()
        try end()
    }

    /// Hands what libxml2 has buffered to the output, so the caller can append to it directly.
    func flush() throws {
        try check(xmlTextWriterFlush(writer), "flush")
    }

    /// Ends the document and flushes libxml2's buffer into the output.
    func finish() throws {
        try check(xmlTextWriterEndDocument(writer), "end document")
        try check(xmlTextWriterFlush(writer), "flush")
    }

    private func check(_ code: Int32, _ what: String) throws {
        if let error = sink.error { throw error }
        if code < 0 { throw ReportError("libxml2 writer failed to \(what)") }
    }

    private static func call(_ value: String, _ body: (UnsafePointer<xmlChar>) -> Int32) throws {
        if withXMLString(value, body) < 0 { throw ReportError("libxml2 writer failed at '\(value.prefix(40))'") }
    }

    private static func withXMLString(_ value: String, _ body: (UnsafePointer<xmlChar>) -> Int32) -> Int32 {
        value.withCString { chars in
            chars.withMemoryRebound(to: xmlChar.self, capacity: 1, body)
        }
    }

    /// XML 1.0 section 2.2 `Char`: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF.
    static func clean(_ value: String) -> String {
        // Fast path: no C0 control but tab/LF/CR, and no EF BF BE/BF (U+FFFE, U+FFFF); Swift strings hold no surrogates.
        var scan = value
        let plain = scan.withUTF8 { bytes in
            !bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } && !bytes.contains(0xEF)
        }
        if plain { return value }
        guard value.unicodeScalars.contains(where: { !isXMLChar($0) }) else { return value }
        return String(String.UnicodeScalarView(value.unicodeScalars.map { isXMLChar($0) ? $0 : "\u{FFFD}" }))
    }

    private static func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
