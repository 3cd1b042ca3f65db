/// The history, baseline and waiver parts of `report.xml`: present only when the run had them.
extension XMLReportRenderer {
    func writeHistory(_ history: HistoryInfo, _ xml: XMLTextWriter) throws {
        try xml.element(
            "history",
            attributes: [
                "run": String(history.run), "previousRun": history.previousRun.map(String.init),
                "previousGeneratedAt": history.previousGeneratedAt, "newFindings": String(history.newFindings),
                "resolvedFindings": String(history.resolvedFindings),
            ]
        ) {
            for point in history.trend {
                try xml.element(
                    "point",
                    attributes: [
                        "run": String(point.run), "generatedAt": point.generatedAt, "fail": String(point.fail),
                        "pass": String(point.pass), "indeterminate": String(point.indeterminate),
                        "waived": String(point.waived), "notApplicable": String(point.notApplicable),
                    ]
                ) {
                    for (name, count) in point.bySeverity.sorted(by: { $0.key < $1.key }) {
                        try xml.element("severity", attributes: ["name": name, "count": String(count)]) {}
                    }
                }
            }
        }
    }

    func writeBaseline(_ baseline: BaselineInfo, _ xml: XMLTextWriter) throws {
        try xml.element(
            "baseline",
            attributes: [
                "source": baseline.source, "findings": String(baseline.findings),
                "newFindings": String(baseline.newFindings),
            ]) {}
    }

    func writeWaiver(_ waiver: WaiverRecord, _ xml: XMLTextWriter) throws {
        try xml.element(
            "waiver",
            attributes: [
                "name": waiver.name, "owner": waiver.owner, "approvedBy": waiver.approvedBy, "ticket": waiver.ticket,
                "expires": waiver.expires, "expired": String(waiver.expired), "source": waiver.source,
            ]
        ) { try xml.element("justification", waiver.justification) }
    }
}
