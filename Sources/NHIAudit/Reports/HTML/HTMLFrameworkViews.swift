/// One framework as the report shows it: requirements under their groups (CSF: function, then category),
/// each with its coverage status and a link to the findings that evidence it.
struct FrameworkView {
    struct Requirement {
        var id: String
        var title: String
        var status: String
        var statusLabel: String
        var controls: String
        var fail: Int
        var pass: Int
        var indeterminate: Int
        var waived: Int
        var filterKey: String
        var hasResults: Bool
        var hasControls: Bool
    }

    /// Names differ from `Requirement`'s on purpose: Mustache looks a missing key up in enclosing objects.
    struct Category {
        var categoryID: String
        var categoryTitle: String
        var hasCategory: Bool
        /// Categories with no automated control are folded, so the view leads with what was assessed.
        var allManual: Bool
        var requirements: [Requirement]
    }

    struct Section {
        var function: String
        var hasFunction: Bool
        var categories: [Category]
        var summary: String
    }

    var id: String
    var title: String
    var shortTitle: String
    var version: String
    var source: String
    var score: FrameworkScore
    var sections: [Section]

    static let shortTitles = [
        "owasp-nhi-2025": "OWASP NHI Top 10", "nist-csf-2.0": "CSF 2.0", "nist-sp-800-207": "SP 800-207",
    ]

    static func statusLabel(_ status: ResultDocument.CoverageItem.Status) -> String {
        switch status {
        case .fail: "Fail"
        case .pass: "Pass"
        case .indeterminate: "Indeterminate"
        case .waived: "Waived"
        case .notAssessed: "Not assessed"
        case .manual: "Manual evidence needed"
        }
    }

    init(framework: ResultDocument.CatalogInfo.Framework, items: [ResultDocument.CoverageItem], groups: [FrameworkCatalog.Group]) {
        id = framework.id
        title = framework.title
        shortTitle = Self.shortTitles[framework.id] ?? framework.title
        version = framework.version
        source = framework.source
        score = FrameworkScore(title: framework.title, id: framework.id, items: items)
        func requirement(_ item: ResultDocument.CoverageItem) -> Requirement {
            let fail = item.counts[ResultStatus.fail.rawValue, default: 0]
            let pass = item.counts[ResultStatus.pass.rawValue, default: 0]
            let indeterminate = item.counts[ResultStatus.indeterminate.rawValue, default: 0]
            let waived = item.counts[ResultStatus.waived.rawValue, default: 0]
            return Requirement(
                id: item.id, title: item.title, status: item.status.rawValue, statusLabel: Self.statusLabel(item.status),
                controls: item.controls.joined(separator: ", "), fail: fail, pass: pass, indeterminate: indeterminate,
                waived: waived, filterKey: "\(framework.id):\(item.id)", hasResults: fail + pass + indeterminate + waived > 0,
                hasControls: !item.controls.isEmpty)
        }
        guard !groups.isEmpty else {
            let all = Category(
                categoryID: "", categoryTitle: "", hasCategory: false, allManual: false, requirements: items.map(requirement))
            sections = [Section(function: "", hasFunction: false, categories: [all], summary: "")]
            return
        }
        var functions: [String] = []
        for group in groups where !functions.contains(group.function ?? "") { functions.append(group.function ?? "") }
        sections = functions.map { function in
            let categories = groups.filter { ($0.function ?? "") == function }.map { group in
                let members = items.filter { $0.group == group.id }
                return Category(
                    categoryID: group.id, categoryTitle: group.title, hasCategory: true,
                    allManual: members.allSatisfy { $0.status == .manual }, requirements: members.map(requirement))
            }
            let inSection = items.filter { item in categories.contains { $0.categoryID == item.group } }
            return Section(
                function: function, hasFunction: !function.isEmpty, categories: categories,
                summary: FrameworkScore(title: function, id: function, items: inSection).sentence)
        }
    }
}

/// Requirement counts with an honest denominator: passing requirements out of those automatically assessed,
/// next to those not assessed and those needing manual evidence.
struct FrameworkScore {
    var title: String
    var id: String
    var total: Int
    var assessed: Int
    var pass: Int
    var fail: Int
    var indeterminate: Int
    var waived: Int
    var notAssessed: Int
    var manual: Int
    var bar: StackedBar
    var sentence: String

    init(title: String, id: String, items: [ResultDocument.CoverageItem]) {
        func count(_ status: ResultDocument.CoverageItem.Status) -> Int { items.filter { $0.status == status }.count }
        self.title = title
        self.id = id
        total = items.count
        pass = count(.pass)
        fail = count(.fail)
        indeterminate = count(.indeterminate)
        waived = count(.waived)
        notAssessed = count(.notAssessed)
        manual = count(.manual)
        assessed = pass + fail + indeterminate + waived
        bar = StackedBar([
            ("fail", "Fail", fail), ("waived", "Waived", waived), ("indeterminate", "Indeterminate", indeterminate),
            ("pass", "Pass", pass),
            ("not-assessed", "Not assessed", notAssessed), ("manual", "Manual evidence needed", manual),
        ])
        let outcome = assessed == 0 ? "none assessed automatically"
            : "\(pass) of \(assessed) assessed requirements pass" + (waived > 0 ? " (\(waived) waived, not passing)" : "")
        sentence = "\(outcome); \(assessed) of \(total) assessed automatically, "
            + "\(notAssessed) not assessed (nothing in scope), \(manual) need manual evidence"
    }
}
