internal import CXLSXWriter

/// An RGB colour, `0xRRGGBB`.
public struct RGBColor: Hashable, Sendable {
  public var rgb: UInt32

  public init(rgb: UInt32) {
    self.rgb = rgb & 0xFF_FFFF
  }

  public static let black = RGBColor(rgb: 0x00_0000)
  public static let white = RGBColor(rgb: 0xFF_FFFF)
  public static let red = RGBColor(rgb: 0xFF_0000)

  /// The value libxlsxwriter expects.
  ///
  /// libxlsxwriter reads `0x000000` as "no colour" (`LXW_COLOR_UNSET`), so black is passed as
  /// its own constant `LXW_COLOR_BLACK`.
  var cValue: lxw_color_t {
    rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(rgb)
  }
}

/// A cell border style, the same on all four sides.
public enum BorderStyle: Hashable, Sendable {
  case thin
  case medium

  var cValue: UInt8 {
    switch self {
    case .thin: UInt8(LXW_BORDER_THIN.rawValue)
    case .medium: UInt8(LXW_BORDER_MEDIUM.rawValue)
    }
  }
}

/// Horizontal alignment within a cell.
public enum HorizontalAlignment: Hashable, Sendable {
  case left, center, right, fill, justify, centerAcross, distributed

  var cValue: UInt8 {
    let value: lxw_format_alignments
    switch self {
    case .left: value = LXW_ALIGN_LEFT
    case .center: value = LXW_ALIGN_CENTER
    case .right: value = LXW_ALIGN_RIGHT
    case .fill: value = LXW_ALIGN_FILL
    case .justify: value = LXW_ALIGN_JUSTIFY
    case .centerAcross: value = LXW_ALIGN_CENTER_ACROSS
    case .distributed: value = LXW_ALIGN_DISTRIBUTED
    }
    return UInt8(value.rawValue)
  }
}

/// Vertical alignment within a cell.
public enum VerticalAlignment: Hashable, Sendable {
  case top, center, bottom, justify, distributed

  var cValue: UInt8 {
    let value: lxw_format_alignments
    switch self {
    case .top: value = LXW_ALIGN_VERTICAL_TOP
    case .center: value = LXW_ALIGN_VERTICAL_CENTER
    case .bottom: value = LXW_ALIGN_VERTICAL_BOTTOM
    case .justify: value = LXW_ALIGN_VERTICAL_JUSTIFY
    case .distributed: value = LXW_ALIGN_VERTICAL_DISTRIBUTED
    }
    return UInt8(value.rawValue)
  }
}

/// What a cell looks like: a value type, so equal specs share one format in the file.
///
/// Pass a spec to any write call; the workbook keeps one `lxw_format` per distinct spec
/// (`XLSXDocument.formatCount`), so callers never create duplicate formats.
public struct FormatSpec: Hashable, Sendable {
  /// The font's name as stored in the file, e.g. `游ゴシック`.
  public var fontName: String?
  /// The font size in points (1...409).
  public var fontSize: Double?
  public var bold: Bool
  public var italic: Bool
  public var fontColor: RGBColor?
  /// A solid background fill.
  public var fillColor: RGBColor?
  public var border: BorderStyle?
  public var horizontal: HorizontalAlignment?
  public var vertical: VerticalAlignment?
  public var wrap: Bool
  /// Indentation level (0...15 in Excel's dialog; up to 250 accepted).
  public var indent: Int
  /// An Excel number format such as `#,##0`, `0.0"%"` or `yyyy/mm/dd`.
  public var numberFormat: String?

  public init(
    fontName: String? = nil, fontSize: Double? = nil, bold: Bool = false, italic: Bool = false,
    fontColor: RGBColor? = nil, fillColor: RGBColor? = nil, border: BorderStyle? = nil,
    horizontal: HorizontalAlignment? = nil, vertical: VerticalAlignment? = nil,
    wrap: Bool = false, indent: Int = 0, numberFormat: String? = nil
  ) {
    self.fontName = fontName
    self.fontSize = fontSize
    self.bold = bold
    self.italic = italic
    self.fontColor = fontColor
    self.fillColor = fillColor
    self.border = border
    self.horizontal = horizontal
    self.vertical = vertical
    self.wrap = wrap
    self.indent = indent
    self.numberFormat = numberFormat
  }

  /// Checks values libxlsxwriter would silently ignore or truncate.
  func validate() throws {
    if let fontName, fontName.isEmpty || fontName.unicodeScalars.count > 31 {
      throw XLSXWriterError.invalid(
        "font name must have 1 to 31 characters, got \"\(fontName)\"",
        function: "format_set_font_name")
    }
    if let fontSize, !(fontSize >= 1 && fontSize <= LXW_MAX_FONT_SIZE) {
      throw XLSXWriterError.invalid(
        "font size must lie in 1...409 points, got \(fontSize)", function: "format_set_font_size")
    }
    if !(0...250).contains(indent) {
      throw XLSXWriterError.invalid(
        "indent must lie in 0...250, got \(indent)", function: "format_set_indent")
    }
    if let numberFormat, numberFormat.isEmpty || numberFormat.utf8.count > 255 {
      throw XLSXWriterError.invalid(
        "number format must have 1 to 255 bytes", function: "format_set_num_format")
    }
  }
}

extension FormatSpec {
  /// Whether `other` equals this spec field for field, strings counted as different outright
  /// when their UTF-8 lengths differ. A match implies `==`, so `FormatCache` can trust it
  /// and leave everything else to its dictionary; it costs far less than hashing (which
  /// normalises the strings). Compare every stored property here.
  func isIdentical(to other: FormatSpec) -> Bool {
    FormatSpec.sameBytes(numberFormat, other.numberFormat) && bold == other.bold
      && italic == other.italic && wrap == other.wrap && indent == other.indent
      && fontSize == other.fontSize && fontColor == other.fontColor
      && fillColor == other.fillColor && border == other.border
      && horizontal == other.horizontal && vertical == other.vertical
      && FormatSpec.sameBytes(fontName, other.fontName)
  }

  private static func sameBytes(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?): a.utf8.count == b.utf8.count && a == b
    default: false
    }
  }
}

/// One `lxw_format` per distinct `FormatSpec`, owned by the workbook.
///
/// The formats themselves belong to the C workbook (freed by `workbook_close` or
/// `lxw_workbook_free`); the cache only remembers them.
struct FormatCache {
  private var formats: [FormatSpec: UnsafeMutablePointer<lxw_format>] = [:]
  /// The last few formats looked up, checked before the dictionary. A sheet written row by
  /// row cycles through a handful of formats, and hashing a spec for every cell was a large
  /// share of the wrapper's own instructions.
  private var recent: [(spec: FormatSpec, format: UnsafeMutablePointer<lxw_format>)] = []
  private var nextRecent = 0
  private static let recentCapacity = 8

  var count: Int { formats.count }

  mutating func format(
    for spec: FormatSpec, in workbook: UnsafeMutablePointer<lxw_workbook>
  ) throws -> UnsafeMutablePointer<lxw_format> {
    for entry in recent where entry.spec.isIdentical(to: spec) {
      return entry.format
    }
    let format = try registeredFormat(for: spec, in: workbook)
    // Replace the slots in turn, so a sheet using more formats than slots still finds the
    // ones it uses most often there most of the time.
    if recent.count < FormatCache.recentCapacity {
      recent.append((spec, format))
    } else {
      recent[nextRecent] = (spec, format)
      nextRecent = (nextRecent + 1) % FormatCache.recentCapacity
    }
    return format
  }

  private mutating func registeredFormat(
    for spec: FormatSpec, in workbook: UnsafeMutablePointer<lxw_workbook>
  ) throws -> UnsafeMutablePointer<lxw_format> {
    if let format = formats[spec] { return format }
    try spec.validate()
    guard let format = workbook_add_format(workbook) else {
      throw XLSXWriterError.library(LXW_ERROR_MEMORY_MALLOC_FAILED, function: "workbook_add_format")
    }
    if let name = spec.fontName { format_set_font_name(format, name) }
    if let size = spec.fontSize { format_set_font_size(format, size) }
    if spec.bold { format_set_bold(format) }
    if spec.italic { format_set_italic(format) }
    if let color = spec.fontColor { format_set_font_color(format, color.cValue) }
    if let fill = spec.fillColor {
      format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(format, fill.cValue)
    }
    if let border = spec.border { format_set_border(format, border.cValue) }
    if let horizontal = spec.horizontal { format_set_align(format, horizontal.cValue) }
    if let vertical = spec.vertical { format_set_align(format, vertical.cValue) }
    if spec.wrap { format_set_text_wrap(format) }
    if spec.indent > 0, let indent = UInt8(exactly: spec.indent) {
      format_set_indent(format, indent)
    }
    if let numberFormat = spec.numberFormat { format_set_num_format(format, numberFormat) }
    formats[spec] = format
    return format
  }
}
