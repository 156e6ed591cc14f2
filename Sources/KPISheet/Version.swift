/// The tool's version, shown by `kpisheet --version`.
public enum KPISheetVersion {
  public static let current = "0.1.0"
}
