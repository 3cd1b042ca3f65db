// libyaml as Yams vendors and builds it (Yams' own C target): the same parser, so the same events and marks.
import CYaml
import Yams

/// Reads a file's YAML documents from libyaml's events straight into `YAMLTree`s, without Yams' node tree.
///
/// It takes only the plain case and leaves the rest to Yams, which stays the reference: any syntax error (so
/// every error message is Yams' own), an alias (Yams expands it; the expansion limit applies), an explicit tag,
/// and a mapping with a key that is not a scalar or a key written twice (Yams' duplicate-key error). What it
/// takes, it reads exactly as Yams composes it: the same texts, styles and marks (a test holds the two equal).
public enum YAMLEventReader {
    enum Outcome {
        case documents([YAMLTree])
        case leftToYams
    }

    static func documents(_ text: String, file: String) -> Outcome {
        var text = text
        return text.withUTF8 { bytes in
            // libyaml asserts a non-null input; an empty stream has no documents, as Yams composes it.
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return .documents([]) }
            return read(base, count: bytes.count, file: file)
        }
    }

    /// How many documents a scan parses from `text` (with Yams where the reader leaves it to Yams, no importing):
    /// the parse half of the benchmark's read-and-parse floor.
    public static func parsedDocumentCount(_ text: String) -> Int {
        if case .documents(let trees) = documents(text, file: "") { return trees.count }
        guard var documents = try? Yams.compose_all(yaml: text, .basic) else { return 0 }
        var count = 0
        while documents.next() != nil { count += 1 }
        return count
    }

    /// nil when the reader leaves `text` to Yams or reads it exactly as Yams composes it; else what differs.
    /// For the tests and the differential fuzz target (`yaml-tree`), which hold the reader to Yams.
    public static func differenceFromYams(_ text: String) -> String? {
        guard case .documents(let ours) = documents(text, file: "") else { return nil }
        let setup = YAMLParserSetup()
        var reference: [YAMLTree] = []
        do {
            var documents = try Yams.compose_all(yaml: text, setup.resolver, setup.constructor, .utf8)
            while let node = documents.next() {
                guard let tree = YAMLTree.fromYams(node, file: "", rootPath: "", shift: nil) else {
                    return "Yams' document \(reference.count + 1) expands past the node limit"
                }
                reference.append(tree)
            }
            if let error = documents.error { throw error }
        } catch {
            return "taken, but Yams rejects it: \(error)"
        }
        guard ours.count == reference.count else { return "\(ours.count) documents read, Yams composes \(reference.count)" }
        for (number, (mine, theirs)) in zip(ours, reference).enumerated() {
            if mine.entries != theirs.entries { return "document \(number + 1): nodes (kind, style, mark or shape) differ" }
            if mine.texts != theirs.texts { return "document \(number + 1): scalar texts differ" }
            if mine.members != theirs.members { return "document \(number + 1): members differ" }
        }
        return nil
    }

    private static func read(_ base: UnsafePointer<UInt8>, count: Int, file: String) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .leftToYams }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, base, count)
        var builder = YAMLTreeBuilder()
        var documents: [YAMLTree] = []
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .leftToYams }
            defer { yaml_event_delete(&event) }
            let line = event.start_mark.line + 1
            let column = event.start_mark.column + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.tag == nil, let style = YAMLTree.Style(rawValue: UInt8(truncatingIfNeeded: scalar.style.rawValue))
                else { return .leftToYams }
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                builder.scalar(text, style: style, line: line, column: column)
            case YAML_MAPPING_START_EVENT:
                guard event.data.mapping_start.tag == nil else { return .leftToYams }
                builder.openCollection(.mapping, line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                guard event.data.sequence_start.tag == nil else { return .leftToYams }
                builder.openCollection(.sequence, line: line, column: column)
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                guard builder.closeCollection() else { return .leftToYams }
            case YAML_DOCUMENT_END_EVENT:
                guard builder.isComplete else { return .leftToYams }
                documents.append(builder.finish(file: file, rootPath: "", shift: nil))
            case YAML_STREAM_END_EVENT:
                return .documents(documents)
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT:
                continue
            default:  // YAML_ALIAS_EVENT, and any event type this reader does not know
                return .leftToYams
            }
        }
    }
}
