#!/usr/bin/env bash
# The analyzer in a real language server, while typing: installs csharp-ls 0.28.0 (dotnet tool, into a tool path
# outside the repository), builds SwrKit, the analyzer and the code fixes, and runs csharp_ls_check.py, which opens a
# throwaway consumer over LSP, types a partly constant repository name and waits for SWR003/SWR002.
#
#   bash tools/lsp/check-csharp-ls.sh              # exit 0 when the diagnostics appear at the expected positions
#   TIMEOUT=600 KEEP=1 bash tools/lsp/check-csharp-ls.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CONFIGURATION=${CONFIGURATION:-Debug}
TOOL_DIR=${CSHARP_LS_DIR:-${TMPDIR:-/tmp}/swrkit-csharp-ls}
TIMEOUT=${TIMEOUT:-400}

if [[ ! -x "$TOOL_DIR/csharp-ls" ]]; then
  dotnet tool install --tool-path "$TOOL_DIR" csharp-ls --version 0.28.0
fi

dotnet build "$ROOT/src/SwrKit.CodeFixes/SwrKit.CodeFixes.csproj" -c "$CONFIGURATION" -nologo -v q
dotnet build "$ROOT/src/SwrKit/SwrKit.csproj" -c "$CONFIGURATION" -f net8.0 -nologo -v q

STAGE=$(mktemp -d "${TMPDIR:-/tmp}/swrkit-lsp-bin.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
cp "$ROOT/src/SwrKit/bin/$CONFIGURATION/net8.0/SwrKit.dll" \
   "$ROOT/src/SwrKit.Analyzers/bin/$CONFIGURATION/netstandard2.0/SwrKit.Analyzers.dll" \
   "$ROOT/src/SwrKit.CodeFixes/bin/$CONFIGURATION/netstandard2.0/SwrKit.CodeFixes.dll" "$STAGE/"

python3 "$ROOT/tools/lsp/csharp_ls_check.py" --server "$TOOL_DIR/csharp-ls" --bin "$STAGE" --timeout "$TIMEOUT" ${KEEP:+--keep}
