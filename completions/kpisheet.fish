function __kpisheet_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kpisheet_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __kpisheet_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __kpisheet_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __kpisheet_parse_tokens -S
    set -l unparsed_tokens (__kpisheet_tokens -pc)
    switch $unparsed_tokens[1]
    case 'kpisheet'
        __kpisheet_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'convert'
            __kpisheet_parse_subcommand -r 1 'o/output=' 'out-dir=' 'jobs=' 'skip-existing' 'summary-json=' 'q/quiet' 'v/verbose' 'fiscal-year=' 'mapping=' 'force' 'created=' 'profile=' 'municipality=' 'prefecture=' 'code=' 'department=' 'contact=' 'prefer-later' 'pdf' 'soffice=' 'max-archive-entries=' 'max-part-bytes=' 'max-total-bytes=' 'max-compression-ratio=' 'max-shared-string-bytes=' 'max-string-length=' 'max-cells-per-sheet=' 'max-nesting-depth=' 'version' 'h/help'
        case 'extract'
            __kpisheet_parse_subcommand 1 'sheet=' 'mapping=' 'o/output=' 'force' 'format=' 'encoding=' 'fiscal-year=' 'profile=' 'municipality=' 'prefecture=' 'code=' 'department=' 'contact=' 'max-archive-entries=' 'max-part-bytes=' 'max-total-bytes=' 'max-compression-ratio=' 'max-shared-string-bytes=' 'max-string-length=' 'max-cells-per-sheet=' 'max-nesting-depth=' 'version' 'h/help'
        case 'validate'
            __kpisheet_parse_subcommand -r 1 'format=' 'explain' 'fiscal-year=' 'submission' 'profile=' 'max-archive-entries=' 'max-part-bytes=' 'max-total-bytes=' 'max-compression-ratio=' 'max-shared-string-bytes=' 'max-string-length=' 'max-cells-per-sheet=' 'max-nesting-depth=' 'version' 'h/help'
        case 'template'
            __kpisheet_parse_subcommand 0 'o/output=' 'force' 'from=' 'version' 'h/help'
        case 'cells'
            __kpisheet_parse_subcommand 1 'sheet=' 'format=' 'fill-merged' 'max-archive-entries=' 'max-part-bytes=' 'max-total-bytes=' 'max-compression-ratio=' 'max-shared-string-bytes=' 'max-string-length=' 'max-cells-per-sheet=' 'max-nesting-depth=' 'version' 'h/help'
        case 'serve'
            __kpisheet_parse_subcommand 0 'host=' 'port=' 'profile=' 'max-upload=' 'max-archive-entries=' 'max-part-bytes=' 'max-total-bytes=' 'max-compression-ratio=' 'max-shared-string-bytes=' 'max-string-length=' 'max-cells-per-sheet=' 'max-nesting-depth=' 'version' 'h/help'
        case 'help'
            __kpisheet_parse_subcommand -r 1 'version'
        end
    end
end

function __kpisheet_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __kpisheet_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __kpisheet_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __kpisheet_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__kpisheet_tokens -p)
    if test -z "$(__kpisheet_tokens -t)"
        set -l index (count (__kpisheet_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'kpisheet' -f
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet" version' -l 'version' -d 'Show the version.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_positional "kpisheet" -eq 1' -fa 'convert' -d 'Write the national-format report (効果検証, KPI推移, 集計, データ) from departmental sheets.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_positional "kpisheet" -eq 1' -fa 'extract' -d 'Read a departmental KPI workbook into records JSON.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_positional "kpisheet" -eq 1' -fa 'validate' -d 'Check departmental workbooks: detected layout and every problem, with its cell.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_positional "kpisheet" -eq 1' -fa 'template' -d 'Write the departmental KPI sheet, with instructions and drop-down lists.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_positional "kpisheet" -eq 1' -fa 'cells' -d 'Dump the cells of a workbook as they are stored (for debugging a layout).'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_positional "kpisheet" -eq 1' -fa 'serve' -d 'Serve a web page that does the whole job in a browser: drop workbooks, check, download the report.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_positional "kpisheet" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" o output' -l 'output' -s 'o' -d 'The report to write (.xlsx), or - for standard output.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" out-dir' -l 'out-dir' -d 'Batch: write one report per input into this folder.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" jobs' -l 'jobs' -d 'Batch: how many inputs to convert at once (default: all cores); each reads a large workbook on its share of the cores.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" skip-existing' -l 'skip-existing' -d 'Batch: leave inputs whose report already exists alone (they count as skipped).'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" summary-json' -l 'summary-json' -d 'Batch: write each input\'s result as JSON to this file (- for standard output).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" q quiet' -l 'quiet' -s 'q' -d 'Only print errors.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" v verbose' -l 'verbose' -s 'v' -d 'Batch: also print a line for every input.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" fiscal-year' -l 'fiscal-year' -d 'The evaluation year of the 効果検証 sheet: 2022, R4, 令和4年度 or H30 (default: the latest year with an actual).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" mapping' -l 'mapping' -d 'A YAML mapping file for inputs the detector cannot read.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" force' -l 'force' -d 'Replace the output if it exists.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" created' -l 'created' -d 'A fixed creation time (ISO 8601, e.g. 2024-04-01T00:00:00Z): same input, same bytes.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" profile' -l 'profile' -d 'A YAML file with the municipality\'s facts (municipality, prefecture, code, department, contact).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" municipality' -l 'municipality' -d '市町村名 (over the sheets\', with a warning where they differ).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" prefecture' -l 'prefecture' -d '都道府県名 (over the sheets\', with a warning where they differ).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" code' -l 'code' -d '地方公共団体コード (5 digits, or 6 with a right check digit).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" department' -l 'department' -d '担当部局課名.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" contact' -l 'contact' -d '連絡先 (over the sheets\', with a warning where they differ).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" prefer-later' -l 'prefer-later' -d 'When inputs disagree on a value, use the later input\'s (each replacement is a warning).'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" pdf' -l 'pdf' -d 'Also print each report to PDF beside it (REPORT.pdf; DIR/<name>.pdf), with LibreOffice headless: 効果検証, KPI推移, 集計.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" soffice' -l 'soffice' -d 'The LibreOffice program for --pdf (default: soffice on PATH).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" max-archive-entries' -l 'max-archive-entries' -d 'Most entries in the zip archive.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" max-part-bytes' -l 'max-part-bytes' -d 'Most bytes inflated from one part.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" max-total-bytes' -l 'max-total-bytes' -d 'Most bytes inflated from the whole archive.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" max-compression-ratio' -l 'max-compression-ratio' -d 'Most inflated bytes per compressed byte of a part.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" max-shared-string-bytes' -l 'max-shared-string-bytes' -d 'Most bytes of text in the shared-string table (held in memory).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" max-string-length' -l 'max-string-length' -d 'Most bytes in one string or formula.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" max-cells-per-sheet' -l 'max-cells-per-sheet' -d 'Most non-empty cells in one sheet.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" max-nesting-depth' -l 'max-nesting-depth' -d 'Deepest nesting of XML elements.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" version' -l 'version' -d 'Show the version.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet convert" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" sheet' -l 'sheet' -d 'Only read this sheet.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" mapping' -l 'mapping' -d 'A YAML mapping file naming the table\'s sheet, rows and columns (see README).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" o output' -l 'output' -s 'o' -d 'Write the records to this file (- for standard output).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" force' -l 'force' -d 'Replace the output file if it exists.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" format' -l 'format' -d 'Output format: json (records) or csv (the flat table of the データ sheet).' -rfka 'json csv'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" encoding' -l 'encoding' -d 'CSV text encoding: utf-8, utf-8-bom or cp932 (Windows Shift_JIS; also shift_jis, sjis).' -rfka 'utf-8 utf-8-bom cp932'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" fiscal-year' -l 'fiscal-year' -d 'The year of a one-year table that states none (2022, R4, 令和4年度, H30).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" profile' -l 'profile' -d 'A YAML file with the municipality\'s facts (municipality, prefecture, code, department, contact), used where the sheets are silent.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" municipality' -l 'municipality' -d '市町村名 (over the sheets\', with a warning where they differ).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" prefecture' -l 'prefecture' -d '都道府県名 (over the sheets\', with a warning where they differ).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" code' -l 'code' -d '地方公共団体コード (5 digits, or 6 with a right check digit).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" department' -l 'department' -d '担当部局課名 of every project (over the sheets\', with a warning where they differ).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" contact' -l 'contact' -d '連絡先 (over the sheets\', with a warning where they differ).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" max-archive-entries' -l 'max-archive-entries' -d 'Most entries in the zip archive.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" max-part-bytes' -l 'max-part-bytes' -d 'Most bytes inflated from one part.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" max-total-bytes' -l 'max-total-bytes' -d 'Most bytes inflated from the whole archive.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" max-compression-ratio' -l 'max-compression-ratio' -d 'Most inflated bytes per compressed byte of a part.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" max-shared-string-bytes' -l 'max-shared-string-bytes' -d 'Most bytes of text in the shared-string table (held in memory).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" max-string-length' -l 'max-string-length' -d 'Most bytes in one string or formula.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" max-cells-per-sheet' -l 'max-cells-per-sheet' -d 'Most non-empty cells in one sheet.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" max-nesting-depth' -l 'max-nesting-depth' -d 'Deepest nesting of XML elements.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" version' -l 'version' -d 'Show the version.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet extract" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" format' -l 'format' -d 'Output format: text or json.' -rfka 'text json'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" explain' -l 'explain' -d 'Also show each table: its range, orientation, nearest layout and what every header was read as, and why a region that looked like a table was not read.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" fiscal-year' -l 'fiscal-year' -d 'The year of a one-year table that states none, and with --submission the evaluation year (2022, R4, 令和4年度, H30).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" submission' -l 'submission' -d 'Also check that the records are ready to submit: empty 事業効果, 今後の方針, 外部有識者からの意見, 実績額, 担当部局課名 or 連絡先, projects without KPIs, KPIs without an actual value in the evaluation year, a 事業効果 that contradicts the achievement (warnings).'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" profile' -l 'profile' -d 'With --submission: a YAML profile whose department and contact stand in for the records\'.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" max-archive-entries' -l 'max-archive-entries' -d 'Most entries in the zip archive.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" max-part-bytes' -l 'max-part-bytes' -d 'Most bytes inflated from one part.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" max-total-bytes' -l 'max-total-bytes' -d 'Most bytes inflated from the whole archive.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" max-compression-ratio' -l 'max-compression-ratio' -d 'Most inflated bytes per compressed byte of a part.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" max-shared-string-bytes' -l 'max-shared-string-bytes' -d 'Most bytes of text in the shared-string table (held in memory).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" max-string-length' -l 'max-string-length' -d 'Most bytes in one string or formula.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" max-cells-per-sheet' -l 'max-cells-per-sheet' -d 'Most non-empty cells in one sheet.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" max-nesting-depth' -l 'max-nesting-depth' -d 'Deepest nesting of XML elements.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" version' -l 'version' -d 'Show the version.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet validate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet template" o output' -l 'output' -s 'o' -d 'The workbook to write (.xlsx), or - for standard output.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet template" force' -l 'force' -d 'Replace the output if it exists.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet template" from' -l 'from' -d 'Prefill from this report, records .json or departmental workbook.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet template" version' -l 'version' -d 'Show the version.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet template" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" sheet' -l 'sheet' -d 'Only this sheet (CSV and TSV default to the first sheet).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" format' -l 'format' -d 'Output format: json, csv or tsv.' -rfka 'json csv tsv'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" fill-merged' -l 'fill-merged' -d 'Repeat each merged range\'s top-left value in every cell of the range.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" max-archive-entries' -l 'max-archive-entries' -d 'Most entries in the zip archive.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" max-part-bytes' -l 'max-part-bytes' -d 'Most bytes inflated from one part.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" max-total-bytes' -l 'max-total-bytes' -d 'Most bytes inflated from the whole archive.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" max-compression-ratio' -l 'max-compression-ratio' -d 'Most inflated bytes per compressed byte of a part.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" max-shared-string-bytes' -l 'max-shared-string-bytes' -d 'Most bytes of text in the shared-string table (held in memory).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" max-string-length' -l 'max-string-length' -d 'Most bytes in one string or formula.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" max-cells-per-sheet' -l 'max-cells-per-sheet' -d 'Most non-empty cells in one sheet.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" max-nesting-depth' -l 'max-nesting-depth' -d 'Deepest nesting of XML elements.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" version' -l 'version' -d 'Show the version.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet cells" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" host' -l 'host' -d 'The address to listen on: 127.0.0.1 (this computer only), or this computer\'s address or name for a whole office.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" port' -l 'port' -d 'The port to listen on (0: any free port).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" profile' -l 'profile' -d 'A YAML file with the municipality\'s facts (municipality, prefecture, code, department, contact) for every report.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" max-upload' -l 'max-upload' -d 'The largest request body accepted, in bytes.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" max-archive-entries' -l 'max-archive-entries' -d 'Most entries in the zip archive.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" max-part-bytes' -l 'max-part-bytes' -d 'Most bytes inflated from one part.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" max-total-bytes' -l 'max-total-bytes' -d 'Most bytes inflated from the whole archive.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" max-compression-ratio' -l 'max-compression-ratio' -d 'Most inflated bytes per compressed byte of a part.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" max-shared-string-bytes' -l 'max-shared-string-bytes' -d 'Most bytes of text in the shared-string table (held in memory).' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" max-string-length' -l 'max-string-length' -d 'Most bytes in one string or formula.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" max-cells-per-sheet' -l 'max-cells-per-sheet' -d 'Most non-empty cells in one sheet.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" max-nesting-depth' -l 'max-nesting-depth' -d 'Deepest nesting of XML elements.' -rfka ''
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" version' -l 'version' -d 'Show the version.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet serve" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'kpisheet' -n '__kpisheet_should_offer_completions_for_flags_or_options "kpisheet help" version' -l 'version' -d 'Show the version.'
