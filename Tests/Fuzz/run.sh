#!/usr/bin/env bash
# Builds the libFuzzer target over the whole pipeline and fuzzes it for SECONDS (default 120).
# Usage: Tests/Fuzz/run.sh [SECONDS]. Fails (exit 1) on any crash; the input is left in fuzz-out/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-120}"
work="$(mktemp -d)"
mkdir -p "$work/src" fuzz-out/corpus
# One module: the library, the checks (without their `import SelfEval`) and the entry point.
find Sources/SelfEval -name '*.swift' -exec cp {} "$work/src/" \;
for f in Checks/*.swift; do sed '/^import SelfEval$/d' "$f" > "$work/src/Check_$(basename "$f")"; done
cp Tests/Fuzz/FuzzEntry.swift "$work/src/"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name SelfEvalFuzz "$work"/src/*.swift -o "$work/fuzz"
# Seed corpus: the fixtures, and a few forms in every layout the bench writes (a flattened
# paragraph among them: a hang in cutting one into pseudo-lines went unfound without it).
cp Tests/Fixtures/seeds/*.txt Tests/Fixtures/variants/* Tests/Fixtures/sichuan/*.t* fuzz-out/corpus/ 2>/dev/null || true
if swift run selfeval-bench --forms 14 --per-file 2 --out "$work/bench" --generate-only > /dev/null 2>&1; then
    cp "$work/bench"/*.txt fuzz-out/corpus/
fi
"$work/fuzz" fuzz-out/corpus -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix=fuzz-out/ -print_final_stats=1 2>&1 | tail -n 25
