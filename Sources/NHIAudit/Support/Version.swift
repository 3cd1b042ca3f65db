public enum NHIAuditVersion {
    public static let current = "0.1.0"
}
