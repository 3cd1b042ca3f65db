/// The `runs.inputs` column: the run's input records as `FastJSON.compactString` writes them (keys sorted, one
/// line), written field by field. The generic encoder builds a tree of boxes for every record first, and the
/// run row waits for it while the scan's reports wait for the run row: 10,000 inputs cost it 60 ms.
enum InputsColumn {
    static func json(_ inputs: [InputRecord]) -> String {
        var output: [UInt8] = [0x5B]
        output.reserveCapacity(inputs.count * 256)
        for (index, input) in inputs.enumerated() {
            if index > 0 { output.append(0x2C) }
            output.append(contentsOf: #"{"bytes":"#.utf8)
            ByteWords.appendDecimal(input.bytes, into: &output)
            output.append(contentsOf: #","entities":"#.utf8)
            ByteWords.appendDecimal(input.entities, into: &output)
            output.append(contentsOf: #","format":"#.utf8)
            FastJSON.writeString(input.format, into: &output)
            output.append(contentsOf: #","notes":["#.utf8)
            for (position, note) in input.notes.enumerated() {
                if position > 0 { output.append(0x2C) }
                FastJSON.writeString(note, into: &output)
            }
            output.append(contentsOf: #"],"path":"#.utf8)
            FastJSON.writeString(input.path, into: &output)
            output.append(contentsOf: #","sha256":"#.utf8)
            FastJSON.writeString(input.sha256, into: &output)
            output.append(contentsOf: #","status":"#.utf8)
            FastJSON.writeString(input.status.rawValue, into: &output)
            output.append(0x7D)
        }
        output.append(0x5D)
        return String(decoding: output, as: UTF8.self)
    }
}
