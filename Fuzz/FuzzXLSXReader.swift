// libFuzzer entry point over XLSXReader, compiled together with the reader's sources (so
// that single parts reach the same internal parsers real files do). Built and run by
// Fuzz/run.sh. The first input byte picks what the rest is: a whole workbook (zip bytes) or
// one part (shared strings, sheet, styles, workbook, relationships, custom properties).

#if canImport(Glibc)
  import Glibc
#endif

private let temporaryPath: String = {
  let folder = getenv("KPISHEET_FUZZ_TMP").map { String(cString: $0) } ?? "/tmp"
  return "\(folder)/kpisheet-fuzz-\(getpid()).xlsx"
}()

private var fuzzLimits: ReaderLimits {
  var limits = ReaderLimits()
  limits.partBytes = 8 << 20
  limits.totalBytes = 32 << 20
  limits.sharedStringBytes = 4 << 20
  limits.cellsPerSheet = 200_000
  return limits
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 1 else { return 0 }
  let body = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
  let limits = fuzzLimits
  switch data[0] % 8 {
  case 0: readWorkbook(body, limits: limits)
  case 7: compareWholeAndCut(body, limits: limits)
  case 1:
    parsePart(body, SharedStringsParser(limits: limits, fileName: "fuzz", partName: "sst"), limits)
  case 2: parseSheet(body, limits: limits)
  case 3: parsePart(body, StylesParser(), limits)
  case 4: parsePart(body, WorkbookParser(), limits)
  case 5: parsePart(body, RelationshipsParser(), limits)
  default: parsePart(body, CustomPropertiesParser(), limits)
  }
  return 0
}

/// Writes `bytes` to the temporary workbook path, runs `body`, then removes the file.
private func withTemporaryWorkbook(_ bytes: UnsafeRawBufferPointer, _ body: () -> Void) {
  guard let file = fopen(temporaryPath, "wb") else { return }
  fwrite(bytes.baseAddress, 1, bytes.count, file)
  fclose(file)
  defer { unlink(temporaryPath) }
  body()
}

/// A whole workbook, through the public API: open, then read every sheet.
private func readWorkbook(_ bytes: UnsafeRawBufferPointer, limits: ReaderLimits) {
  withTemporaryWorkbook(bytes) { readWholeWorkbook(limits: limits) }
}

private func readWholeWorkbook(limits: ReaderLimits) {
  do {
    let workbook = try XLSXWorkbook(path: temporaryPath, displayName: "fuzz.xlsx", limits: limits)
    for sheet in workbook.sheets {
      try workbook.forEachRow(in: sheet) { row in
        for cell in row.cells {
          _ = cell.format?.kind
          _ = "\(cell.value)"
        }
      }
    }
  } catch {
    _ = "\(error)"  // every error must render as a message
  }
}

/// A whole workbook read twice, its shared strings and each sheet whole on one thread and cut
/// into small fragments parsed on two (CutRead): any difference in strings, rows, scan or
/// error is a crash.
private func compareWholeAndCut(_ bytes: UnsafeRawBufferPointer, limits: ReaderLimits) {
  withTemporaryWorkbook(bytes) { compareReads(cutFrom: bytes.count, limits: limits) }
}

private func compareReads(cutFrom size: Int, limits: ReaderLimits) {
  func read(_ tuning: CutTuning) -> [String] {
    var lines: [String] = []
    do {
      let workbook = try XLSXWorkbook(
        path: temporaryPath, displayName: "fuzz.xlsx", limits: limits, tuning: tuning)
      for index in 0..<workbook.sharedStrings.count {
        lines.append("string \(workbook.sharedStrings.string(at: index) ?? "-")")
      }
      for sheet in workbook.sheets {
        do {
          let scan = try workbook.forEachRow(in: sheet) { row in
            lines.append("\(row.index) \(row.cells)")
          }
          lines.append("scan \(scan)")
        } catch {
          lines.append("error \(error)")
        }
      }
    } catch {
      lines.append("open \(error)")
    }
    return lines
  }
  let whole = read(.init(threadCount: 1))
  let cut = read(.init(fragmentBytes: 16 + size % 300, threadCount: 2))
  if whole != cut {
    let index = zip(whole, cut).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? 0
    let first = index < whole.count ? whole[index] : "(none)"
    let second = index < cut.count ? cut[index] : "(none)"
    fputs("whole and cut reads differ at line \(index):\n\(first)\n\(second)\n", stderr)
    abort()
  }
}

private func parsePart(
  _ bytes: UnsafeRawBufferPointer, _ handler: some SAXHandler, _ limits: ReaderLimits
) {
  do {
    try SAXParser.parse(
      bytes: bytes, fileName: "fuzz", partName: "part", handler: handler, limits: limits)
  } catch {
    _ = "\(error)"
  }
  if let styles = handler as? StylesParser { _ = styles.formats() }
}

private func parseSheet(_ bytes: UnsafeRawBufferPointer, limits: ReaderLimits) {
  var strings = SharedStringTable()
  for text in ["共通", "観光客数", "_x000D_"] {
    var copy = text
    copy.withUTF8 { strings.append($0) }
    strings.finishString()
  }
  let formats: [NumberFormat?] = [
    nil, NumberFormat.builtIn(14), NumberFormat(id: 164, code: "#,##0\"人\""),
  ]
  let parser = WorksheetParser(
    sharedStrings: strings, formats: formats, uses1904: bytes.count % 2 == 0, limits: limits,
    fileName: "fuzz", sheetName: "KPI"
  ) { row in _ = row.cells.count }
  parsePart(bytes, parser, limits)
}
