/// The English and Japanese message for each diagnostic code.
///
/// Templates name their arguments in braces: `{text}`. A missing argument is left as
/// written, so a message never silently loses its meaning.
public enum DiagnosticCatalogue {
  /// The message for `code` in `language`; an unknown code gives the code itself and its
  /// arguments.
  public static func message(
    for code: DiagnosticCode, language: DiagnosticLanguage = .english,
    arguments: [String: String] = [:]
  ) -> String {
    guard let entry = entries[code] else {
      let details = arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      return ([code.rawValue] + details).joined(separator: " ")
    }
    return fill(language == .japanese ? entry.japanese : entry.english, with: arguments)
  }

  /// Whether the catalogue has messages for `code`.
  public static func knows(_ code: DiagnosticCode) -> Bool { entries[code] != nil }

  private static func fill(_ template: String, with arguments: [String: String]) -> String {
    guard template.contains("{") else { return template }
    var result = template
    for (name, value) in arguments {
      result = result.replacingPlaceholder("{\(name)}", with: value)
    }
    return result
  }

  private static let entries: [DiagnosticCode: (english: String, japanese: String)] = [
    .notANumber: (
      "\"{text}\" is not a number; enter a number, optionally with its unit (e.g. 8,016人)",
      "「{text}」は数値として読めません。数値（単位付きも可。例：8,016人）を入力してください"
    ),
    .twoValues: (
      "\"{text}\" holds two values; enter one value per cell",
      "「{text}」に二つの値が入っています。１つのセルには１つの値を入力してください"
    ),
    .unknownYear: (
      "\"{text}\" is not a fiscal year (expected e.g. 令和2年度, R2, 2020年度, 初年度, H28.3)",
      "「{text}」は年度として読めません（例：令和2年度、R2、2020年度、初年度、H28.3）"
    ),
    .qualifier: (
      "\"{text}\" carries the qualifier \"{qualifier}\"; the number {value} was used",
      "「{text}」には「{qualifier}」が付いています。数値 {value} として読みました"
    ),
    .noValues: (
      "KPI \"{kpi}\" has no target or actual value in any year",
      "KPI「{kpi}」にはどの年度にも目標値・実績値がありません"
    ),
    .actualWithoutTarget: (
      "KPI \"{kpi}\" has an actual value for FY{fiscalYear} but no target",
      "KPI「{kpi}」の{fiscalYear}年度は実績値がありますが目標値がありません"
    ),
    .yearOutsidePeriod: (
      "FY{fiscalYear} lies outside the project period FY{start}–FY{end}",
      "{fiscalYear}年度は事業期間（{start}年度～{end}年度）の外です"
    ),
    .relativeYearWithoutPeriod: (
      "\"{text}\" counts years from the project's start, but the project has no period",
      "「{text}」は事業開始からの年数ですが、事業期間がわかりません"
    ),
    .checkDigit: (
      "local-government code {code} has a wrong check digit (expected {expected})",
      "地方公共団体コード {code} の検査数字が正しくありません（正しくは {expected}）"
    ),
    .badCode: (
      "\"{text}\" is not a local-government code (5 or 6 digits)",
      "「{text}」は地方公共団体コード（5桁または6桁）ではありません"
    ),
    .mixedUnits: (
      "KPI \"{kpi}\" uses different units ({units}); use one unit for all its values",
      "KPI「{kpi}」で単位が混在しています（{units}）。単位を統一してください"
    ),
    .unknownEffect: (
      "\"{text}\" is none of the national 事業効果 categories (e.g. 地方創生に効果があった)",
      "「{text}」は事業効果の区分（例：地方創生に効果があった）のどれにも当たりません"
    ),
    .unknownPolicy: (
      "\"{text}\" is none of the national 今後の方針 categories (e.g. 事業の継続)",
      "「{text}」は今後の方針の区分（例：事業の継続）のどれにも当たりません"
    ),
    .repeatedValue: (
      "KPI \"{kpi}\" gives FY{fiscalYear} twice with the same values ({first} and {second}); the first was kept",
      "KPI「{kpi}」の{fiscalYear}年度が同じ値で二度あります（{first} と {second}）。最初の行を使いました"
    ),
    .conflictingRepeat: (
      "KPI \"{kpi}\" gives FY{fiscalYear} twice with different values: {first} says {firstValues}, {second} says {secondValues}; keep one",
      "KPI「{kpi}」の{fiscalYear}年度が異なる値で二度あります（{first} は {firstValues}、{second} は {secondValues}）。どちらか一方にしてください"
    ),
    .mappingContradictsHeader: (
      "the mapping file gives column {column} as {key}, but its header says \"{header}\"; check the mapping against this sheet",
      "マッピング ファイルでは {column} 列を {key} としていますが、見出しは「{header}」です。マッピングがこのシートに合っているか確認してください"
    ),
    .formulaWithoutValue: (
      "the cell holds a formula with no saved result (the program that wrote the file did not calculate it); open the file in Excel or LibreOffice and save it, then read it again",
      "数式の計算結果が保存されていません（ファイルを書き出したプログラムが計算していません）。Excel または LibreOffice で開いて保存してから、もう一度読み込んでください"
    ),
    .notYetKnown: (
      "\"{text}\" says the value is not known yet; it was read as no value (null)",
      "「{text}」は値が未確定であることを示しています。値なし（null）として読みました"
    ),
    .kpiNotSet: (
      "project \"{project}\" has no KPI (KPI未設定): its KPI cells are empty or '-'",
      "事業「{project}」には KPI が設定されていません（KPI未設定）。KPI のセルが空欄か「-」です"
    ),
    .valueTypedOverFormula: (
      "{value} was typed over the formula that showed {source} ({sourceValue}); the typed value was used: correct {source} so every sheet agrees",
      "数式の代わりに {value} が入力されています（数式は {source} の値 {sourceValue} を表示していました）。入力された値を使いました。すべてのシートがそろうよう {source} を直してください"
    ),
    .conflictingEdits: (
      "{first} says {firstValue} and {second} says {secondValue}, both typed over formulas showing {source}; correct {source} and restore the formulas",
      "{first} は {firstValue}、{second} は {secondValue} で、どちらも {source} を表示する数式の代わりに入力されています。{source} を直して数式を戻してください"
    ),
    .tableYearUnknown: (
      "the table {range} gives no fiscal year (no 年度 or 目標年月 column, none in a title); pass --fiscal-year",
      "表 {range} には年度がありません（年度・目標年月の列もタイトルの年度もありません）。--fiscal-year で指定してください"
    ),
    .blankProjectName: (
      "the project name is blank and there is no row above it to repeat; enter the project's name",
      "事業名が空欄で、上に同じ事業の行もありません。事業名を入力してください"
    ),
    .kpiNameIsMarker: (
      "the KPI name \"{text}\" is only a number or list mark, with values beside it; type the KPI's name (a KPI's number belongs in a column of its own)",
      "KPI 名「{text}」が番号（または記号）だけで、同じ行に値があります。KPI の名前を入力してください（KPI の番号は別の列に）"
    ),
    .rowNotRead: (
      "this row has values but was not read: {reason}",
      "この行には値がありますが、読み込みませんでした（{reasonJapanese}）"
    ),
    .valueNotRead: (
      "{value} in this table was not read: {reason}",
      "この表の {value} は読み込まれていません（{reasonJapanese}）"
    ),
    .moreOfTheSame: (
      "… and {count} more of the same ({code}); only the first {kept} are listed",
      "…ほかに同じ内容（{code}）が {count} 件あります（最初の {kept} 件のみ表示）"
    ),
    .errorValueAsText: (
      "the {field} is the error value {text} (a formula that failed); correct the formula or type the {field}",
      "{fieldJapanese}がエラー値 {text} です（数式のエラー）。数式を直すか、{fieldJapanese}を入力してください"
    ),
    .projectNamedAfterSheet: (
      "the table {range} names no project; it was named after its sheet \"{project}\"",
      "表 {range} には事業名がないため、シート名「{project}」を事業名としました"
    ),
    .eraAssumed: (
      "\"{text}\" names no era; it was read as {era}, FY{fiscalYear}, the era of {source}",
      "「{text}」には元号がないため、{source} の元号により{era}（{fiscalYear}年度）と読みました"
    ),
  ]
}

extension String {
  /// Replaces every occurrence of `placeholder`, without Foundation.
  fileprivate func replacingPlaceholder(_ placeholder: String, with value: String) -> String {
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: placeholder) {
      result += rest[..<range.lowerBound]
      result += value
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
