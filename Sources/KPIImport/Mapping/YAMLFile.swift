import Foundation
import KPIModel
import Yams

/// A small YAML file (a mapping file or a profile) read within the bounds a hostile or
/// careless file needs before Yams sees it: a regular file, at most `maxBytes`, UTF-8, no
/// anchors or aliases (Yams expands every alias, and hashes aliased keys, so a few lines of
/// "billion laughs" take exponential time), and a mapping of keys at the top. Yams' own
/// errors become one line with their position.
public struct YAMLFile {
  /// Larger than any mapping file or profile a person writes by a wide margin.
  public static let maxBytes = 1 << 20

  /// The file's text.
  public let text: String
  /// The document's top-level mapping.
  public let root: Node

  /// Why a file could not be read as YAML: `isMissing` when it is absent or not a file one
  /// can read (exit 66), otherwise the file is there and unusable (exit 65).
  public struct Problem: Error, Sendable {
    public var isMissing: Bool
    public var english: String
    public var japanese: String
  }

  /// Reads and composes the file at `path`.
  public static func load(path: String) throws(Problem) -> YAMLFile {
    let data = try read(path)
    guard let text = String(validating: data, as: UTF8.self) else {
      let line = invalidUTF8Line(data)
      throw Problem(
        isMissing: false,
        english: "line \(line): is not UTF-8 text (saved as Shift_JIS?); save it as UTF-8",
        japanese: "\(line) 行目: UTF-8 のテキストではありません（Shift_JIS で保存されていませんか）。UTF-8 で保存してください")
    }
    if let line = AliasScan.firstAnchorOrAlias(in: Array(data)) {
      throw Problem(
        isMissing: false,
        english:
          "line \(line): YAML anchors (&) and aliases (*) are not accepted here; write the value out, or quote text that begins with & or *",
        japanese: "\(line) 行目: YAML のアンカー（&）とエイリアス（*）は使えません。値をそのまま書くか、& や * で始まる文字列は引用符で囲んでください")
    }
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      let (english, japanese) = describe(error)
      throw Problem(isMissing: false, english: english, japanese: japanese)
    }
    guard let node, node.mapping != nil else {
      let found = node.map(kind) ?? ("nothing", "空")
      throw Problem(
        isMissing: false, english: "is not a mapping of keys to values (it holds \(found.0))",
        japanese: "キーと値の組（マッピング）ではありません（中身: \(found.1)）")
    }
    return YAMLFile(text: text, root: node)
  }

  private static func read(_ path: String) throws(Problem) -> Data {
    var status = stat()
    guard stat(path, &status) == 0 else {
      throw Problem(isMissing: true, english: "no such file", japanese: "ファイルがありません")
    }
    // A FIFO or a device (/dev/zero) would block or never end; a folder has no text.
    guard status.st_mode & S_IFMT == S_IFREG else {
      throw Problem(
        isMissing: true, english: "is not a regular file", japanese: "通常のファイルではありません")
    }
    guard status.st_size <= maxBytes else {
      throw Problem(
        isMissing: false,
        english: "is \(status.st_size) bytes, more than the \(maxBytes) a YAML file here may have",
        japanese: "\(status.st_size) バイトあり、上限の \(maxBytes) バイトを超えています")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw Problem(isMissing: true, english: "cannot be read", japanese: "読み込めません")
    }
    defer { try? handle.close() }
    let data: Data
    do {
      // Nothing to read gives nil: an empty file.
      data = try handle.read(upToCount: maxBytes + 1) ?? Data()
    } catch {
      throw Problem(isMissing: true, english: "cannot be read", japanese: "読み込めません")
    }
    // The file may have grown since stat.
    guard data.count <= maxBytes else {
      throw Problem(
        isMissing: false, english: "is more than the \(maxBytes) bytes a YAML file here may have",
        japanese: "上限の \(maxBytes) バイトを超えています")
    }
    return data
  }

  /// The line of the first byte that is not UTF-8.
  private static func invalidUTF8Line(_ data: Data) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var bytes = data.makeIterator()
    var line = 1
    while true {
      switch parser.parseScalar(from: &bytes) {
      case .valid(let scalar):
        if scalar.count == 1, scalar.first == 0x0A { line += 1 }
      case .error, .emptyInput:
        return line
      }
    }
  }

  private static func kind(_ node: Node) -> (String, String) {
    switch node {
    case .sequence: ("a list", "リスト")
    case .scalar(let scalar) where scalar.string.isEmpty: ("nothing", "空")
    case .scalar: ("a single value", "値が 1 つだけ")
    case .mapping, .alias: ("a mapping", "マッピング")
    }
  }

  /// One line for a Yams error: its position and problem, never the quoted text of the file.
  private static func describe(_ error: any Error) -> (String, String) {
    var (place, problem): (Mark?, String) = (nil, "")
    switch error as? YamlError {
    case .scanner(_, let text, let mark, _), .parser(_, let text, let mark, _),
      .composer(_, let text, let mark, _):
      (place, problem) = (mark, text)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.sorted().joined(separator: ", ")
      return (
        "line \(context.mark.line): the key \(keys) is given twice",
        "\(context.mark.line) 行目: キー \(keys) が 2 回書かれています"
      )
    case .reader(let text, _, _, _):
      (place, problem) = (nil, text)
    default:
      (place, problem) = (nil, "\(error)")
    }
    // libyaml names its own function for the nesting limit; say what it means.
    if problem.contains("nesting level") { problem = "nested too deeply" }
    let at = place.map { "line \($0.line), column \($0.column): " } ?? ""
    let atJapanese = place.map { "\($0.line) 行 \($0.column) 列目: " } ?? ""
    return (
      "\(at)is not valid YAML (\(problem))", "\(atJapanese)YAML として読めません（\(problem)）"
    )
  }
}

/// Finds YAML anchors and aliases without parsing: an `&` or `*` where a node may begin (at a
/// line's start, after `- `, `? `, `: `, `[`, `{` or `,`), outside quotes and comments. It
/// errs towards finding one: text after `- ` inside a plain value counts too, which a
/// quoted value avoids.
enum AliasScan {
  /// The line of the first anchor or alias, or nil.
  static func firstAnchorOrAlias(in bytes: [UInt8]) -> Int? {
    var line = 1
    var index = 0
    var atNodeStart = true
    func isBlank(_ at: Int) -> Bool {
      at >= bytes.count || bytes[at] == 0x20 || bytes[at] == 0x09 || bytes[at] == 0x0A
        || bytes[at] == 0x0D
    }
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case 0x0A:
        line += 1
        atNodeStart = true
      case 0x20, 0x09, 0x0D:
        break
      case UInt8(ascii: "#") where index == 0 || isBlank(index - 1):
        while index + 1 < bytes.count, bytes[index + 1] != 0x0A { index += 1 }
      case UInt8(ascii: "&") where atNodeStart, UInt8(ascii: "*") where atNodeStart:
        return line
      case UInt8(ascii: "\"") where atNodeStart, UInt8(ascii: "'") where atNodeStart:
        index = skipQuoted(bytes, from: index, line: &line)
        atNodeStart = false
      case UInt8(ascii: "!") where atNodeStart:
        // A tag (`!!str`) may come before an anchor.
        while index + 1 < bytes.count, !isBlank(index + 1) { index += 1 }
      case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","):
        atNodeStart = true
      case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0x20
        atNodeStart = isBlank(index + 1) || next == UInt8(ascii: "&") || next == UInt8(ascii: "*")
      default:
        atNodeStart = false
      }
      index += 1
    }
    return nil
  }

  /// The index of the quote closing the one at `start` (or the end), counting lines.
  private static func skipQuoted(_ bytes: [UInt8], from start: Int, line: inout Int) -> Int {
    let quote = bytes[start]
    var index = start + 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A { line += 1 }
      if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if byte == quote {
        // '' inside single quotes is a quote, not the end.
        if quote == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == quote {
          index += 2
          continue
        }
        return index
      }
      index += 1
    }
    return index
  }
}
