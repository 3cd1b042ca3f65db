import Foundation

/// SHA-256 over everything a run judged: the input digest (paths and hashes of every input, waiver files
/// included), the catalog's control and framework files, and the waivers in force. Equal digests: the two runs
/// saw the same estate, the same rules and the same accepted risks.
public enum RunDigest {
    public static func compute(inputDigest: String, mappings: URL, waivers: [Waiver]) throws -> String {
        var text = "inputs \(inputDigest)\n"
        for file in try catalogFiles(in: mappings) {
            let data = try Data(contentsOf: file)
            text += "\(Fingerprint.hex(data))  \(file.path.dropFirst(mappings.path.count))\n"
        }
        for waiver in waivers.sorted(by: { $0.metadata.location < $1.metadata.location }) {
            let fields = [waiver.control, waiver.entity, waiver.file, waiver.environment, waiver.owner, waiver.approvedBy, waiver.ticket]
            text += "waiver \(waiver.metadata.name) \(fields.map { $0.value ?? "-" }.joined(separator: " ")) \(waiver.expires.value?.description ?? "-")\n"
        }
        return Fingerprint.hex(Data(text.utf8))
    }

    static func catalogFiles(in mappings: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: mappings, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        return walker.compactMap { $0 as? URL }.filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
