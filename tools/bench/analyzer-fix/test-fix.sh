#!/usr/bin/env bash
# Runs tests/SwrKit.Analyzers.Tests against the analyzer with the proposed change (apply-fix.py), in a temporary copy
# of the tree: the change must keep every analyzer and code-fix test green, except the shape test that pins
# GeneratedCodeAnalysisFlags.None (AnalyzerShapeTests.Without_a_SwrKit_reference_nothing_is_registered_or_reported),
# which changes with it. The repository is only read.
#   bash tools/bench/analyzer-fix/test-fix.sh
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/swrkit-analyzer-fix-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cp "$ROOT"/Directory.Build.props "$ROOT"/Directory.Packages.props "$ROOT"/global.json "$ROOT"/Generated.sln "$WORK/"
if [ -f "$ROOT/.editorconfig" ]; then cp "$ROOT/.editorconfig" "$WORK/"; fi
cp -r "$ROOT/spec" "$ROOT/docs" "$WORK/"
(cd "$ROOT" && find src tools/SwrKit.CodeGen tools/nswag tests/SwrKit.Analyzers.Tests tests/SwrKit.Analyzers.Consumer tests/Shared \( -name bin -o -name obj \) -prune -o -type f -print) | while read -r f; do
  mkdir -p "$WORK/$(dirname "$f")"
  cp "$ROOT/$f" "$WORK/$f"
done
# The tests read shared/vectors/names.tsv from a folder above the repository (cloned beside it).
for dir in "$ROOT" "$ROOT/.."; do
  if [ -f "$dir/shared/vectors/names.tsv" ]; then mkdir -p "$WORK/shared/vectors"; cp "$dir/shared/vectors/names.tsv" "$WORK/shared/vectors/"; break; fi
done
python3 "$HERE/apply-fix.py" "$WORK/src/SwrKit.Analyzers/SwrNameAnalyzer.cs"
dotnet test "$WORK/tests/SwrKit.Analyzers.Tests/SwrKit.Analyzers.Tests.csproj" -nologo "$@"
