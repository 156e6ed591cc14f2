// kpisheet-bench: drives the libraries' public APIs for the benchmark harness
// (Benchmarks/bench.sh). Neither library nor this program imports Foundation, so the memory
// measured is the reader's or the writer's own.
import XLSXReader

#if canImport(Glibc)
  import Glibc
#endif

/// `kpisheet-bench read FILE [--threads N]`: every cell of every sheet as typed values;
/// prints the cell count and a checksum so the work cannot be optimised away. `--threads`
/// sets `readingThreads` (1: the calling thread alone).
func read(_ path: String, threads: Int?) throws {
  let workbook = try XLSXWorkbook(path: path, readingThreads: threads)
  var cells = 0
  var checksum: UInt64 = 0
  for sheet in workbook.sheets {
    try workbook.forEachRow(in: sheet) { row in
      // Borrow the row's cells in place rather than copying each one out.
      row.cells.withUnsafeBufferPointer { cellsOfRow in
        cells += cellsOfRow.count
        for index in cellsOfRow.indices {
          switch cellsOfRow[index].value {
          case .number(let number): checksum &+= number.bitPattern
          case .string(let text): checksum &+= UInt64(text.utf8.count)
          case .boolean(let flag): checksum &+= flag ? 1 : 0
          case .date(let date): checksum &+= UInt64(date.year * 400 + date.month * 32 + date.day)
          case .error: checksum &+= 7
          }
        }
      }
    }
  }
  print("cells \(cells) checksum \(checksum)")
}

let usage =
  "usage: kpisheet-bench read FILE [--threads N] | write ROWS FILE [--constant-memory]"
let arguments = CommandLine.arguments
do {
  switch arguments.dropFirst().first {
  case "read" where arguments.count == 3:
    try read(arguments[2], threads: nil)
  case "read" where arguments.count == 5 && arguments[3] == "--threads":
    guard let threads = Int(arguments[4]), threads >= 1 else {
      print(usage)
      exit(64)
    }
    try read(arguments[2], threads: threads)
  case "write" where arguments.count == 4 || arguments.count == 5:
    guard let rows = Int(arguments[2]), rows >= 0,
      arguments.count == 4 || arguments[4] == "--constant-memory"
    else {
      print(usage)
      exit(64)
    }
    try write(rows: rows, to: arguments[3], constantMemory: arguments.count == 5)
  default:
    print(usage)
    exit(64)
  }
} catch {
  print("\(error)")
  exit(65)
}
