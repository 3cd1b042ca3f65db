import Yams

/// The Yams resolver and constructor one worker parses with. Every node's tag keeps a reference to both, so
/// with one shared pair both cores would count references on the same two objects for every node; and
/// `Constructor.default` builds its tables anew on each use. Behaves as `Resolver.basic` and `.default`.
final class YAMLParserSetup {
    // `Resolver.basic` has no rules; removing the `str` rule it does not have gives an equal, unshared one.
    let resolver = Resolver.basic.removing(.str)
    let constructor = Constructor()
}
