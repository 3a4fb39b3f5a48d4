#!/usr/bin/env bash
# SwrKit build benchmark (docs/performance.md, budgets 1 and 2). Needs only bash, coreutils and the .NET SDK
# (hyperfine is not required). Everything is built in a temporary folder; the repository is only read.
#
#   bash tools/bench/build-bench.sh                 # all sections
#   SECTIONS="consumer" RUNS=7 bash tools/bench/build-bench.sh
#
# Sections:
#   consumer  the generated 200-file / ~100k-line consumer, built with `dotnet build -p:ReportAnalyzer=true -bl`
#             with and without SwrKit's analyzer (interleaved A/B, RUNS each), plus the same code against look-alike
#             types that do not reference SwrKit (NOREF_RUNS each), after WARMUP builds. Analyzer share from the
#             ReportAnalyzer output; compile cost also as the compiler server's CPU time per build.
#   noop      no-op `dotnet build` of src/SwrKit (generated client) vs the same project with the generated file
#             checked in (interleaved, RUNS each); asserts NSwag never runs.
#   spec      a spec change: next build minus the no-op build (SPEC_RUNS), and the same edit made to the checked-in
#             generated file (the compile that any client change costs), to isolate the generator's own share.
#
# COMPILER_SERVER=on|off|inherit (default on: the SDK's default on a developer machine; see below).
# Output: $OUT/build-bench.md (tables), $OUT/*.csv (raw seconds), $OUT/logs (detailed logs and binlogs).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${RUNS:-5}
NOREF_RUNS=${NOREF_RUNS:-3}
SPEC_RUNS=${SPEC_RUNS:-3}
WARMUP=${WARMUP:-4}
SECTIONS=${SECTIONS:-"consumer noop spec"}
OUT=${OUT:-$ROOT/BenchmarkDotNet.Artifacts/build-bench}
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/swrkit-build-bench.XXXXXX")}
KEEP_WORK=${KEEP_WORK:-0}
BENCH_PROJECT=$ROOT/tests/SwrKit.Benchmarks/SwrKit.Benchmarks.csproj
BENCH_DLL=$ROOT/tests/SwrKit.Benchmarks/bin/Release/net10.0/SwrKit.Benchmarks.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-0}
# On a developer machine `dotnet build` uses the compiler server (VBCSCompiler): Roslyn stays loaded and JIT-compiled
# between builds. This sandbox, like many CI systems, turns it off in the environment (UseSharedCompilation=false),
# which makes every Csc call a cold start (~2 s here). COMPILER_SERVER=on (default) measures the SDK's default,
# off the cold compiler, inherit whatever the environment says. The report records the mode.
COMPILER_SERVER=${COMPILER_SERVER:-on}
case $COMPILER_SERVER in
  on) export UseSharedCompilation=true ;;
  off) export UseSharedCompilation=false ;;
  inherit) ;;
  *) echo "COMPILER_SERVER must be on, off or inherit" >&2; exit 2 ;;
esac

mkdir -p "$OUT/logs"
REPORT=$OUT/build-bench.md
: > "$REPORT"
cleanup() {
  if [ "$COMPILER_SERVER" = on ]; then dotnet build-server shutdown --vbcscompiler > /dev/null 2>&1 || true; fi
  if [ "$KEEP_WORK" != 1 ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

log() { printf '[build-bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
md() { printf '%s\n' "$*" >> "$REPORT"; }
now_ns() { date +%s%N; }

# dotnet build with a retry when another build holds a file lock (other engineers build in the same tree).
build() {
  local logfile=$1; shift
  local attempt
  for attempt in 1 2 3 4 5 6; do
    if dotnet build "$@" > "$logfile" 2>&1; then
      return 0
    fi
    if grep -qE 'being used by another process|MSB3021|MSB3026|MSB3027|lock' "$logfile"; then
      log "file lock (another build?), retry $attempt in 20 s"
      sleep 20
      continue
    fi
    log "build failed: dotnet build $*"; tail -30 "$logfile" >&2
    return 1
  done
  return 1
}

# Timed build: prints elapsed seconds (3 decimals).
timed_build() {
  local logfile=$1; shift
  local start end
  start=$(now_ns)
  build "$logfile" "$@" || return 1
  end=$(now_ns)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) / 1e9 }'
}

# Statistics of a list of numbers: median, min, max, spread = (max - min) / median.
stats() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END {
  if (NR == 0) { print "n/a n/a n/a n/a"; exit }
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  printf "%.3f %.3f %.3f %.1f%%\n", m, v[1], v[NR], (m > 0 ? 100 * (v[NR] - v[1]) / m : 0) }'; }
median() { stats | awk '{ print $1 }'; }
# One table row from a label and the output of stats: "| label | median | min | max | spread |".
stats_row() { md "| $1 | $(echo "$2" | awk '{ print $1 " | " $2 " | " $3 " | " $4 }') |"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }

# Seconds reported by csc's /reportanalyzer for one analyzer assembly ("<0.001" counts as 0.0005).
analyzer_seconds() { # file, assembly name
  grep -E "^[[:space:]]*<?[0-9.]+[[:space:]]+<?[0-9]+[[:space:]]+$2, Version=" "$1" | head -1 | awk '{ v = $1; sub("<", "", v); if ($1 ~ /^</) v = v / 2; print v }'
}
total_analyzer_seconds() { grep -m1 'Total analyzer execution time:' "$1" | sed -E 's/.*time: ([0-9.]+).*/\1/'; }
# Milliseconds of a target or task in the performance summary.
# CPU milliseconds (user + system) the compiler server has used so far; empty when no server runs (COMPILER_SERVER=off).
# Per build, the difference is the CPU the compile and its analyzers took: far less noisy than wall time on a shared
# 2-core machine, and it is where an analyzer's cost shows up.
server_cpu_ms() {
  local pid
  pid=$(pgrep -f 'VBCSCompiler' | head -1 || true)
  if [ -z "$pid" ] || [ ! -r "/proc/$pid/stat" ]; then return 0; fi
  awk -v tck="$(getconf CLK_TCK)" -v pid="$pid" '{ sub(/^.*\) /, ""); printf "%s:%d\n", pid, ($12 + $13) * 1000 / tck }' "/proc/$pid/stat"
}
cpu_delta_ms() { # before after (pid:ms), empty unless the same server process served the build
  if [ -z "$1" ] || [ -z "$2" ] || [ "${1%%:*}" != "${2%%:*}" ]; then echo ""; return; fi
  echo $(( ${2##*:} - ${1##*:} ))
}

perf_ms() { grep -E "^[[:space:]]+[0-9]+ ms[[:space:]]+$2[[:space:]]+[0-9]+ calls" "$1" | awk '{ s += $1 } END { print s + 0 }'; }

machine() {
  md "## Machine"
  md ""
  md '```'
  md "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  md "nproc: $(nproc)"
  lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|Socket|Hypervisor)' | sed 's/  */ /g' >> "$REPORT" || true
  md "memory: $(free -g | awk '/Mem:/ { print $2 " GiB" }')"
  md "os: $(. /etc/os-release && echo "$PRETTY_NAME") $(uname -r)"
  md "dotnet: $(dotnet --version) (runtime $(dotnet --list-runtimes | awk '/NETCore.App/ { v = $2 } END { print v }'))"
  md "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  md '```'
  md ""
}

ensure_bench_built() {
  if [ ! -f "$BENCH_DLL" ] || [ "${BENCH_REBUILD:-1}" = 1 ]; then
    log "building tests/SwrKit.Benchmarks (Release)"
    build "$OUT/logs/bench-build.log" "$BENCH_PROJECT" -c Release -nologo || return 1
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# (a) consumer: with vs without the analyzer
# ---------------------------------------------------------------------------------------------------------------
write_consumer() { # dir, --no-swrkit?
  local dir=$1; shift
  mkdir -p "$dir/lib" "$dir/analyzers"
  dotnet "$BENCH_DLL" --write-consumer "$dir/src" "$@" > "$dir/stats.txt" || return 1
  cp "$(dirname "$BENCH_DLL")/SwrKit.dll" "$dir/lib/"
  cp "$(dirname "$BENCH_DLL")/SwrKit.Analyzers.dll" "$dir/analyzers/"
  # The package ships the code fix next to the analyzer; the compiler loads both.
  local codefix
  codefix=$(ls "$ROOT"/src/SwrKit.CodeFixes/bin/Release/netstandard2.0/SwrKit.CodeFixes.dll 2>/dev/null | head -1 || true)
  if [ -n "$codefix" ]; then cp "$codefix" "$dir/analyzers/"; fi
  cat > "$dir/Consumer.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <NoWarn>$(NoWarn);CS0612;CS0618;CS1998</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="src/**/*.cs" />
  </ItemGroup>
  <ItemGroup Condition="'$(ReferenceSwrKit)' != 'false'">
    <Reference Include="lib/SwrKit.dll" />
  </ItemGroup>
  <!-- What the SwrKit package adds (analyzers/dotnet/roslyn4.8/cs/). -->
  <ItemGroup Condition="'$(SwrKitAnalyzer)' == 'true'">
    <Analyzer Include="analyzers/*.dll" />
  </ItemGroup>
</Project>
EOF
}

consumer_ab() { # name, dir, runs, extra props
  local name=$1 dir=$2 runs=$3; shift 3
  local csv=$OUT/$name.csv
  echo "run,variant,wall_s,csc_ms,corecompile_ms,total_analyzer_s,swrkit_analyzer_s,swr_warnings,server_cpu_ms" > "$csv"
  log "$name: restore + $WARMUP warm-up builds"
  build "$OUT/logs/$name-restore.log" "$dir/Consumer.csproj" -nologo "$@" -p:SwrKitAnalyzer=true || return 1
  # The compiler server needs a few compilations of this size before its JIT reaches steady state (its CPU per
  # build fell from 19 s to 7 s over the first three builds here); both variants warm up.
  local w
  for w in $(seq 1 "$WARMUP"); do
    touch "$dir/src/Module000/Service000.cs"
    build "$OUT/logs/$name-warmup-$w.log" "$dir/Consumer.csproj" --no-restore -nologo "$@" -p:SwrKitAnalyzer=$([ $((w % 2)) = 0 ] && echo true || echo false) || return 1
  done
  local i variant wall file
  for i in $(seq 1 "$runs"); do
    # Interleaved; the order alternates so neither variant always runs first.
    local order="false true"
    if [ $((i % 2)) = 0 ]; then order="true false"; fi
    for variant in $order; do
      touch "$dir/src/Module000/Service000.cs" # an edit: CoreCompile must run
      file=$OUT/logs/$name-$variant-$i.log
      local cpu_before cpu_after server_cpu
      cpu_before=$(server_cpu_ms)
      wall=$(timed_build "$file.console" "$dir/Consumer.csproj" --no-restore -nologo "$@" \
        -p:SwrKitAnalyzer=$variant -p:ReportAnalyzer=true -bl:"$OUT/logs/$name-$variant-$i.binlog" \
        -fl "-flp:verbosity=detailed;performancesummary;logfile=$file") || return 1
      cpu_after=$(server_cpu_ms)
      server_cpu=$(cpu_delta_ms "$cpu_before" "$cpu_after")
      local csc core total swr warnings
      csc=$(perf_ms "$file" Csc)
      core=$(perf_ms "$file" CoreCompile)
      total=$(total_analyzer_seconds "$file")
      swr=$(analyzer_seconds "$file" SwrKit.Analyzers)
      warnings=$(grep -oE '[^ ]+\([0-9]+,[0-9]+\): warning SWR00[123]' "$file.console" | sort -u | wc -l || true)
      echo "$i,$variant,$wall,$csc,$core,${total:-0},${swr:-},${warnings:-0},${server_cpu}" >> "$csv"
      log "$name run $i analyzer=$variant: ${wall}s (Csc ${csc} ms, compiler server CPU ${server_cpu:-n/a} ms, analyzers ${total:-0}s, SwrKit ${swr:-none}s, SWR warnings ${warnings:-0})"
    done
  done

  local off on off_csc on_csc swr_on share
  off=$(awk -F, '$2 == "false" { print $3 }' "$csv" | stats)
  on=$(awk -F, '$2 == "true" { print $3 }' "$csv" | stats)
  off_csc=$(awk -F, '$2 == "false" { print $4 / 1000 }' "$csv" | stats)
  on_csc=$(awk -F, '$2 == "true" { print $4 / 1000 }' "$csv" | stats)
  swr_on=$(awk -F, '$2 == "true" && $7 != "" { print $7 }' "$csv" | stats)
  share=$(awk -F, '$2 == "true" && $4 > 0 && $7 != "" { printf "%.4f\n", 100 * $7 / ($4 / 1000) }' "$csv" | stats)
  md "### $name ($(cat "$dir/stats.txt"))"
  md ""
  md "| | median s | min s | max s | spread |"
  md "|---|---:|---:|---:|---:|"
  stats_row "build, no SwrKit analyzer" "$off"
  stats_row "build, with SwrKit analyzer" "$on"
  stats_row "Csc task, no SwrKit analyzer" "$off_csc"
  stats_row "Csc task, with SwrKit analyzer" "$on_csc"
  stats_row "SwrKit.Analyzers time (ReportAnalyzer)" "$swr_on"
  stats_row "SwrKit.Analyzers share of Csc, %" "$share"
  local off_cpu on_cpu cpu_line=""
  off_cpu=$(awk -F, '$2 == "false" && $9 != "" { print $9 / 1000 }' "$csv" | stats)
  on_cpu=$(awk -F, '$2 == "true" && $9 != "" { print $9 / 1000 }' "$csv" | stats)
  if [ -n "$off_cpu" ] && [ -n "$on_cpu" ]; then
    stats_row "compiler server CPU s, no SwrKit analyzer" "$off_cpu"
    stats_row "compiler server CPU s, with SwrKit analyzer" "$on_cpu"
    cpu_line=" Compiler server CPU ratio with/without (medians): **$(ratio "$(echo "$on_cpu" | awk '{ print $1 }')" "$(echo "$off_cpu" | awk '{ print $1 }')")**; per pair: $(awk -F, '$9 != "" { c[$1","$2] = $9 } END { for (k in c) { split(k, p, ","); if (p[2] == "true" && (p[1]",false") in c) printf "%d %.3f\n", p[1], c[k] / c[p[1]",false"] } }' "$csv" | sort -n | awk '{ printf "%s ", $2 }')."
  fi
  md ""
  md "Build ratio with/without (medians): **$(ratio "$(echo "$on" | awk '{ print $1 }')" "$(echo "$off" | awk '{ print $1 }')")**; Csc ratio: **$(ratio "$(echo "$on_csc" | awk '{ print $1 }')" "$(echo "$off_csc" | awk '{ print $1 }')")**.$cpu_line Raw: \`$(basename "$csv")\`."
  md ""
  # Paired ratios (each run's with/without pair), a spread estimate that does not mix runs.
  md "Per-pair build ratios (with/without): $(awk -F, '{ w[$1","$2] = $3 } END { for (k in w) { split(k, p, ","); if (p[2] == "true") printf "%d %.3f\n", p[1], w[k] / w[p[1]",false"] } }' "$csv" | sort -n | awk '{ printf "%s ", $2 }')"
  md ""
  local last_on
  last_on=$(ls "$OUT"/logs/"$name"-true-*.log 2>/dev/null | grep -v console | tail -1)
  if [ -n "$last_on" ]; then
    md "ReportAnalyzer output of the last run with the analyzer (top lines):"
    md ""
    md '```'
    grep -A8 'Total analyzer execution time' "$last_on" | sed -E 's/^[[:space:]]{0,8}//' | head -10 >> "$REPORT" || true
    md "..."
    grep -E '^[[:space:]]+<?[0-9.]+[[:space:]]+<?[0-9]+[[:space:]]+SwrKit' "$last_on" | sed -E 's/^[[:space:]]{0,8}//' | head -4 >> "$REPORT" || true
    md '```'
    md ""
  fi
}

section_consumer() {
  ensure_bench_built || return 1
  md "## Budget 1: analyzer in a real build (consumer)"
  md ""
  md "Command per run (variant = true/false, interleaved, a touched source file forces CoreCompile):"
  md ""
  md '```'
  md "dotnet build Consumer.csproj --no-restore -p:SwrKitAnalyzer=<variant> -p:ReportAnalyzer=true -bl -fl -flp:verbosity=detailed;performancesummary"
  md '```'
  md ""
  if [ "$RUNS" -gt 0 ]; then
    write_consumer "$WORK/consumer" || return 1
    consumer_ab consumer "$WORK/consumer" "$RUNS"
  fi
  if [ "$NOREF_RUNS" -gt 0 ]; then
    write_consumer "$WORK/consumer-noref" --no-swrkit || return 1
    consumer_ab consumer-noref "$WORK/consumer-noref" "$NOREF_RUNS" -p:ReferenceSwrKit=false
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# (b) no-op build: generated vs checked-in;  (c) spec change
# ---------------------------------------------------------------------------------------------------------------
copy_tree() { # destination
  local dest=$1
  mkdir -p "$dest"
  cp "$ROOT"/Directory.Build.props "$ROOT"/Directory.Packages.props "$ROOT"/global.json "$dest/"
  if [ -f "$ROOT/.editorconfig" ]; then cp "$ROOT/.editorconfig" "$dest/"; fi
  cp -r "$ROOT/spec" "$dest/"
  # src (the generator host included) without bin/obj; NSwag comes from the NuGet cache.
  (cd "$ROOT" && find src \( -name bin -o -name obj \) -prune -o -type f -print) | while read -r f; do
    mkdir -p "$dest/$(dirname "$f")"
    cp "$ROOT/$f" "$dest/$f"
  done
}

GEN=""
CHECKED=""
prepare_copies() {
  GEN=$WORK/generated
  CHECKED=$WORK/checked-in
  if [ -d "$GEN" ] && [ -d "$CHECKED" ]; then return 0; fi
  log "copying src/SwrKit + spec + tools + props to $GEN"
  copy_tree "$GEN"
  log "first build of the generated copy (restore, generator host, NSwag)"
  local t
  t=$(timed_build "$OUT/logs/generated-first.log" "$GEN/src/SwrKit/SwrKit.csproj" -nologo) || return 1
  grep -q 'SwrKit: generating the client' "$OUT/logs/generated-first.log" || { log "first build did not generate the client"; return 1; }
  md "First (clean) build of the generated copy, NSwag included: ${t} s."
  log "making the checked-in copy"
  copy_tree "$CHECKED"
  mkdir -p "$CHECKED/src/SwrKit/Generated"
  cp "$GEN/src/SwrKit/obj/codegen/SwrKitClient.g.cs" "$CHECKED/src/SwrKit/Generated/SwrKitClient.g.cs"
  # Drop the generation import: the generated file becomes a normal Compile item (default glob).
  sed -i '/Generation\/ClientGeneration.targets/d' "$CHECKED/src/SwrKit/SwrKit.csproj"
  grep -q ClientGeneration "$CHECKED/src/SwrKit/SwrKit.csproj" && { log "could not drop the generation import"; return 1; }
  t=$(timed_build "$OUT/logs/checked-in-first.log" "$CHECKED/src/SwrKit/SwrKit.csproj" -nologo) || return 1
  md "First (clean) build of the checked-in copy: ${t} s."
  md ""
  # One no-op each to settle (restore caches, build servers).
  build "$OUT/logs/generated-settle.log" "$GEN/src/SwrKit/SwrKit.csproj" -nologo
  build "$OUT/logs/checked-in-settle.log" "$CHECKED/src/SwrKit/SwrKit.csproj" -nologo
}

NOOP_GEN_MEDIAN=""
NOOP_CHECKED_MEDIAN=""
section_noop() {
  md "## Budget 2: no-op build of src/SwrKit, generated vs checked-in"
  md ""
  md "Copies of src/ (without bin/obj), spec/ and the props in \`$WORK\`; the checked-in copy has obj/codegen/SwrKitClient.g.cs as src/SwrKit/Generated/SwrKitClient.g.cs and no ClientGeneration.targets import. Command (both, interleaved, alternating order): \`dotnet build src/SwrKit/SwrKit.csproj -nologo\` (Debug, implicit restore, both target frameworks)."
  md ""
  prepare_copies || return 1
  local csv=$OUT/noop.csv i variant wall file nswag_runs=0
  echo "run,variant,wall_s" > "$csv"
  for i in $(seq 1 "$RUNS"); do
    local order="generated checked-in"
    if [ $((i % 2)) = 0 ]; then order="checked-in generated"; fi
    for variant in $order; do
      local dir=$GEN
      if [ "$variant" = checked-in ]; then dir=$CHECKED; fi
      file=$OUT/logs/noop-$variant-$i.log
      wall=$(timed_build "$file" "$dir/src/SwrKit/SwrKit.csproj" -nologo) || return 1
      if grep -qE 'SwrKit: (generating the client|building the generator host|installing)' "$file"; then
        nswag_runs=$((nswag_runs + 1))
        log "ASSERTION FAILED: the no-op build ran the generator ($file)"
      fi
      echo "$i,$variant,$wall" >> "$csv"
      log "no-op run $i $variant: ${wall}s"
    done
  done
  local gen checked
  gen=$(awk -F, '$2 == "generated" { print $3 }' "$csv" | stats)
  checked=$(awk -F, '$2 == "checked-in" { print $3 }' "$csv" | stats)
  NOOP_GEN_MEDIAN=$(echo "$gen" | awk '{ print $1 }')
  NOOP_CHECKED_MEDIAN=$(echo "$checked" | awk '{ print $1 }')
  md "| no-op build | median s | min s | max s | spread |"
  md "|---|---:|---:|---:|---:|"
  stats_row "generated (ClientGeneration.targets)" "$gen"
  stats_row "checked-in SwrKitClient.g.cs" "$checked"
  md ""
  md "Per-run ratios generated/checked-in: $(awk -F, '{ w[$1","$2] = $3 } END { for (k in w) { split(k, p, ","); if (p[2] == "generated") printf "%d %.3f\n", p[1], w[k] / w[p[1]",checked-in"] } }' "$csv" | sort -n | awk '{ printf "%s ", $2 }')"
  md ""
  md "Ratio generated/checked-in (medians): **$(ratio "$NOOP_GEN_MEDIAN" "$NOOP_CHECKED_MEDIAN")**. NSwag ran in **$nswag_runs** of $RUNS no-op builds (\"SwrKit: generating the client\" absent from every log = never). Raw: \`noop.csv\`."
  md ""
  if [ "$nswag_runs" != 0 ]; then return 1; fi
}

section_spec() {
  md "## Budget 2: a spec change"
  md ""
  prepare_copies || return 1
  if [ -z "$NOOP_GEN_MEDIAN" ]; then
    # No no-op section in this run: measure the no-op medians here (3 each).
    local g="" c="" i
    for i in 1 2 3; do
      g="$g $(timed_build "$OUT/logs/spec-noop-generated-$i.log" "$GEN/src/SwrKit/SwrKit.csproj" -nologo)"
      c="$c $(timed_build "$OUT/logs/spec-noop-checked-$i.log" "$CHECKED/src/SwrKit/SwrKit.csproj" -nologo)"
    done
    NOOP_GEN_MEDIAN=$(echo "$g" | median)
    NOOP_CHECKED_MEDIAN=$(echo "$c" | median)
  fi
  local csv=$OUT/spec.csv i wall file gen_ms compile_ms
  echo "run,variant,wall_s,delta_s,generator_ms,corecompile_ms" > "$csv"
  local spec=$GEN/spec/swrkit.yaml generated=$CHECKED/src/SwrKit/Generated/SwrKitClient.g.cs
  grep -q 'summary: Deleting an Image Retention Policy$' "$spec" || { log "spec anchor not found"; return 1; }
  for i in $(seq 1 "$SPEC_RUNS"); do
    # The same documentation edit, in the spec (generated copy) and in the generated code (checked-in copy).
    sed -i -E "s/(summary: Deleting an Image Retention Policy).*/\1 (edit $i)/" "$spec"
    file=$OUT/logs/spec-generated-$i.log
    wall=$(timed_build "$file" "$GEN/src/SwrKit/SwrKit.csproj" -nologo "-flp:performancesummary;verbosity=normal;logfile=$file.perf" -fl) || return 1
    grep -q 'SwrKit: generating the client' "$file" || { log "ASSERTION FAILED: the spec change did not regenerate"; return 1; }
    gen_ms=$(perf_ms "$file.perf" _SwrKitRunGenerator)
    compile_ms=$(perf_ms "$file.perf" CoreCompile)
    echo "$i,spec-change,$wall,$(awk -v a="$wall" -v b="$NOOP_GEN_MEDIAN" 'BEGIN { printf "%.3f", a - b }'),$gen_ms,$compile_ms" >> "$csv"
    log "spec change $i: ${wall}s (generator ${gen_ms} ms, CoreCompile ${compile_ms} ms)"

    sed -i -E "s|(/// Deleting an Image Retention Policy).*|\1 (edit $i)|" "$generated"
    file=$OUT/logs/spec-checked-in-$i.log
    wall=$(timed_build "$file" "$CHECKED/src/SwrKit/SwrKit.csproj" -nologo "-flp:performancesummary;verbosity=normal;logfile=$file.perf" -fl) || return 1
    compile_ms=$(perf_ms "$file.perf" CoreCompile)
    echo "$i,generated-file-edit,$wall,$(awk -v a="$wall" -v b="$NOOP_CHECKED_MEDIAN" 'BEGIN { printf "%.3f", a - b }'),0,$compile_ms" >> "$csv"
    log "checked-in edit $i: ${wall}s (CoreCompile ${compile_ms} ms)"
  done
  local d_spec d_edit gen
  d_spec=$(awk -F, '$2 == "spec-change" { print $4 }' "$csv" | stats)
  d_edit=$(awk -F, '$2 == "generated-file-edit" { print $4 }' "$csv" | stats)
  gen=$(awk -F, '$2 == "spec-change" { print $5 / 1000 }' "$csv" | stats)
  md "Edit: an operation summary in spec/swrkit.yaml (generated copy) and the same text in the checked-in SwrKitClient.g.cs (control: the recompilation any client change costs). Build command as above; delta = next build minus the median no-op build of the same copy ($NOOP_GEN_MEDIAN s / $NOOP_CHECKED_MEDIAN s)."
  md ""
  md "| | median s | min s | max s | spread |"
  md "|---|---:|---:|---:|---:|"
  stats_row "spec change: added to the next build" "$d_spec"
  stats_row "of which _SwrKitRunGenerator (NSwag)" "$gen"
  stats_row "control: same edit in the checked-in .g.cs" "$d_edit"
  md ""
  md "Raw: \`spec.csv\`."
  md ""
}

# ---------------------------------------------------------------------------------------------------------------
md "# SwrKit build benchmark"
md ""
md "\`bash tools/bench/build-bench.sh\` (RUNS=$RUNS, NOREF_RUNS=$NOREF_RUNS, SPEC_RUNS=$SPEC_RUNS, WARMUP=$WARMUP, SECTIONS=\"$SECTIONS\", COMPILER_SERVER=$COMPILER_SERVER: UseSharedCompilation=${UseSharedCompilation:-unset}), work folder \`$WORK\`."
md ""
machine
status=0
for section in $SECTIONS; do
  log "section $section"
  "section_$section" || { status=1; log "section $section FAILED"; }
done
md "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)."
log "report: $REPORT"
cat "$REPORT"
exit $status
