import XLSXWriter

/// `kpisheet-bench write ROWS FILE [--constant-memory]`: the benchmark sheet through
/// XLSXWriter's public API, the same calls Benchmarks/write.c makes on libxlsxwriter.
func write(rows: Int, to path: String, constantMemory: Bool) throws {
  // The fixed creation time write.c sets, so the two files can be compared byte for byte.
  let options = XLSXDocumentOptions(constantMemory: constantMemory, created: 1_711_929_600)
  let document = try XLSXDocument(temporaryIn: folder(of: path), options: options)
  let sheet = try document.addWorksheet(named: "data")
  let content = BenchmarkSheet()
  for row in 0..<rows {
    try content.write(row: row, to: sheet)
  }
  try document.save(to: path)
}

/// The folder part of a path ("." for a bare file name), where the temporary file goes.
func folder(of path: String) -> String {
  guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
  if slash == path.utf8.startIndex { return "/" }
  return String(path[..<slash])
}
