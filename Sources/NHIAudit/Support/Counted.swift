/// `count` with its noun, singular for one ("1 file", "2 files"): for every count a person reads.
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
}
