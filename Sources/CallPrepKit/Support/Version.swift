/// The version `callprep --version` prints.
public enum CallPrepVersion {
    public static let current = "0.1.0"
}
