#!/usr/bin/env bash
# SwrKit build benchmark (docs/performance.md, budgets 1 and 2): builds tests/SwrKit.Benchmarks and runs its
# --build-bench mode (tests/SwrKit.Benchmarks/Build/BuildBench.cs, where the sections are described).
#
#   bash tools/bench/build-bench.sh
#   SECTIONS="consumer" RUNS=7 bash tools/bench/build-bench.sh
#
# Environment (all optional): RUNS NOREF_RUNS SPEC_RUNS WARMUP SECTIONS COMPILER_SERVER=on|off|inherit OUT WORK
# KEEP_WORK=1 BENCH_REBUILD=0 (skip building the benchmark project). Output: $OUT/build-bench.md, *.csv, logs/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DLL=$ROOT/tests/SwrKit.Benchmarks/bin/Release/net10.0/SwrKit.Benchmarks.dll
cd "$ROOT"
if [ ! -f "$BENCH_DLL" ] || [ "${BENCH_REBUILD:-1}" = 1 ]; then
  dotnet build tests/SwrKit.Benchmarks/SwrKit.Benchmarks.csproj -c Release -nologo -v quiet
fi

args=(--build-bench)
[ -n "${RUNS:-}" ] && args+=(--runs "$RUNS")
[ -n "${NOREF_RUNS:-}" ] && args+=(--noref-runs "$NOREF_RUNS")
[ -n "${SPEC_RUNS:-}" ] && args+=(--spec-runs "$SPEC_RUNS")
[ -n "${WARMUP:-}" ] && args+=(--warmup "$WARMUP")
[ -n "${SECTIONS:-}" ] && args+=(--sections "$SECTIONS")
[ -n "${COMPILER_SERVER:-}" ] && args+=(--compiler-server "$COMPILER_SERVER")
[ -n "${OUT:-}" ] && args+=(--out "$OUT")
[ -n "${WORK:-}" ] && args+=(--work "$WORK")
[ "${KEEP_WORK:-0}" = 1 ] && args+=(--keep-work)
exec dotnet "$BENCH_DLL" "${args[@]}"
