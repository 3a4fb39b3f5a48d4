#!/usr/bin/env bash
# Before/after of the analyzer change proposed in docs/performance.md: copies src/SwrKit.Analyzers twice into a temp
# folder, applies apply-fix.py to the second copy (renamed namespace, so both load in one process), and runs both on
# the 200-file consumer, interleaved, with GetAnalyzerTelemetryInfoAsync. The repository is only read.
#   bash tools/bench/analyzer-fix/run.sh [RUNS]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
RUNS=${1:-5}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/swrkit-analyzer-fix.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
OUT=${OUT:-$ROOT/BenchmarkDotNet.Artifacts/analyzer-fix}
mkdir -p "$OUT" "$WORK/before" "$WORK/after"

cp "$ROOT"/src/SwrKit.Analyzers/*.cs "$ROOT/src/Shared/SwrNames.cs" "$WORK/before/"
cp "$ROOT"/src/SwrKit.Analyzers/*.cs "$ROOT/src/Shared/SwrNames.cs" "$WORK/after/"
python3 "$HERE/apply-fix.py" "$WORK/after/SwrNameAnalyzer.cs"
# Second copy in its own namespaces (SwrKitPatched, SwrKitPatched.Analyzers).
sed -i -E 's/^namespace SwrKit\.Analyzers;/namespace SwrKitPatched.Analyzers;/; s/^namespace SwrKit;/namespace SwrKitPatched;/' "$WORK"/after/*.cs
cp "$HERE/Program.cs" "$WORK/"
BENCH=$ROOT/tests/SwrKit.Benchmarks
SWRKIT_DLL=$BENCH/bin/Release/net10.0/SwrKit.dll
[ -f "$SWRKIT_DLL" ] || dotnet build "$BENCH/SwrKit.Benchmarks.csproj" -c Release -nologo -v q
cat > "$WORK/AnalyzerFix.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <LangVersion>latest</LangVersion>
    <DefineConstants>\$(DefineConstants);SWRKIT_ANALYZER</DefineConstants>
    <NoWarn>\$(NoWarn);CS0436;RS1001;RS1036;RS1038;RS2008;CS8632</NoWarn>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="5.12.0" />
    <Reference Include="$SWRKIT_DLL" />
    <Compile Include="Program.cs;before/*.cs;after/*.cs" />
    <Compile Include="$BENCH/Analyzer/ConsumerGenerator.cs;$BENCH/Analyzer/ConsumerCompilation.cs" />
  </ItemGroup>
</Project>
XML
dotnet build "$WORK/AnalyzerFix.csproj" -c Release -nologo -v q -o "$WORK/bin" > "$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log"; exit 1; }
dotnet "$WORK/bin/AnalyzerFix.dll" "$RUNS" | tee "$OUT/analyzer-fix.csv"
echo
echo "medians (analyzer ms / wall ms):"
median3() { sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f (min %.2f, max %.2f, n=%d)", m, v[1], v[NR], NR }'; }
for v in before after; do
  for s in consumer no-swrkit; do
    printf '  %-6s %-9s analyzer %s  compile %s\n' "$v" "$s" \
      "$(grep -E "^[0-9]+,$v,$s," "$OUT/analyzer-fix.csv" | cut -d, -f4 | median3)" \
      "$(grep -E "^[0-9]+,$v,$s," "$OUT/analyzer-fix.csv" | cut -d, -f5 | median3)"
  done
done | tee "$OUT/analyzer-fix-medians.txt"
