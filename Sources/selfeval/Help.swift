/// The help texts, in the style of swift-argument-parser: OVERVIEW, USAGE, OPTIONS.
enum Help {
    static let version = "0.1.0"

    static let main = """
    OVERVIEW: Lint 项目支出绩效自评表 (project expenditure performance self-evaluation
    forms) for internal inconsistencies: weights that do not add up to 100, funding totals
    that differ from their parts, full marks next to missed targets, missing actual values,
    achieved-goal text copied from the planned goal, and more.

    USAGE: selfeval <subcommand> [options]

    SUBCOMMANDS:
      lint [PATH ...]         Check forms in files and folders (folders are searched
                              recursively for .txt .md .tsv .csv .html files). Default: .
      parse FILE              Show a file's forms as the linter reads them.
      explain [ID]            List the checks, or explain one with its examples.
      baseline prune FILE     Drop baseline entries that no longer match any finding.

    OPTIONS:
      -h, --help              Show help. 'selfeval lint --help' shows lint's options.
      --version               Show the version.

    EXAMPLES:
      selfeval lint Tests/Fixtures/seeds
      selfeval lint forms/ --format json --output report.json
      selfeval parse Tests/Fixtures/seeds/000_84adb1842e62a47c.txt
      selfeval explain funding-breakdown

    EXIT STATUS:
      0  no finding at or above --fail-on
      1  findings at or above --fail-on
      2  usage, configuration or I/O error (see the message on stderr)
    """

    static let lint = """
    OVERVIEW: Check forms for internal inconsistencies and report them compiler-style.

    USAGE: selfeval lint [PATH ...] [options]

    ARGUMENTS:
      PATH                    Files or folders of forms (default: the current folder),
                              or - for standard input (reported as <stdin>).
                              Folders are searched recursively for .txt .md .tsv .csv .html;
                              documents found there (.pdf .xlsx .xls .docx .doc .et .wps
                              .ofd) are reported as unreadable, with how to get their text.

    OPTIONS:
      -f, --format <format>   text (default), json, sarif (SARIF 2.1.0) or github
                              (workflow-command annotations).
      -o, --output <file>     Write the report to a file instead of standard output.
      -o, --output <format>:<file>
                              Also write a report in another format, e.g.
                              --output sarif:selfeval.sarif (repeatable); the main
                              report still goes to standard output.
      --baseline <file>       Accept the findings listed in this baseline: only new
                              ones are reported and fail the run; entries that match
                              nothing any more are reported as fixed.
      --write-baseline <file> Write this run's findings as a baseline (atomically;
                              entries of files not linted this time are kept).
      --strict-baseline       Also fail when a baseline entry is fixed, so the
                              baseline is kept up to date.
      --select <ids>          Run only these checks (comma-separated ids, repeatable).
      --ignore <ids>          Do not run these checks (comma-separated ids, repeatable).
      --fail-on <severity>    Exit 1 when a finding is at least this severe:
                              note, warning (default) or error.
      --config <file>         Configuration file (default: the nearest .selfeval.json in
                              the first PATH or a folder above it).
      --lang <en|zh>          Language of messages (default: from LANG).
      -j, --jobs <n>          Files linted in parallel (default: the number of cores).
                              The output does not depend on it.
      --max-file-size <size>  Report files larger than this instead of reading them
                              (bytes, or with K, M or G; default 256M).
      -h, --help              Show this help.

    CONFIGURATION (.selfeval.json):
      {
        "checks": { "weight-distribution": "on", "stale-year": "off", "missing-actual": "error" },
        "thresholds": { "goalSimilarity": 0.9, "lenientMargin": 1, "overshootRatio": 1.5,
                        "weightTolerance": 10, "expectedWeightTotal": 100, "staleYearWindow": 5,
                        "crossFormMinimumLength": 20 },
        "gradeBands": { "优": 90, "良": 80, "中": 60 },
        "weightGuideline": { "budget": 10, "output": 50, "effect": 30, "satisfaction": 10 },
        "shortfallWords": ["未完成", "未达到", "未达成", "未达标", "未能", "不足"]
      }
    Unknown keys and bad values stop the run with exit status 2, naming the file and key.

    Each finding reads 'file:line:column: severity: message [check-id]', followed by the
    source line with a caret under the value and notes that show the arithmetic.
    Run 'selfeval explain <check-id>' to learn what a check enforces and why.
    """

    static let parse = """
    OVERVIEW: Show the forms in a file as selfeval reads them: header, funding table,
    goals, every indicator row with its weight and score, the total, and what was skipped.

    USAGE: selfeval parse FILE [--format text|json] [--lang en|zh]

    OPTIONS:
      -f, --format <format>   text (default) or json.
      --lang <en|zh>          Language of messages (default: from LANG).
      -h, --help              Show this help.
    """

    static let baseline = """
    OVERVIEW: Maintain a baseline of accepted findings.

    USAGE: selfeval baseline prune FILE [PATH ...]

      Lints PATH (default: the files the baseline names) and removes the entries that no
      finding matches any more, and the entries of files that no longer exist. The file is
      rewritten atomically.
    """

    static let explain = """
    OVERVIEW: List the checks, or explain one: what it finds, the rule behind it, its
    default severity, and the examples it is tested on.

    USAGE: selfeval explain [ID] [--lang en|zh]
    """
}
