#!/usr/bin/env bash
# Coverage-guided fuzzing of the loaders (issue 12; docs/reliability.md): AFL++ drives the three targets of
# SecurityGuarantees.Fuzz, instrumented with SharpFuzz (our library, YamlDotNet and Parlot).
#
#   fuzz.sh ci   [seconds per target, default 40]    bounded run for CI: replays the corpus, then fuzzes each target;
#                                                    fails on any crash (an exception other than RuleLoadException /
#                                                    EvaluationException, a stack overflow) or any input over 2 s
#   fuzz.sh long [seconds in all, default 3600]      the same, an hour split over the targets; not for CI
#   FUZZ_TARGETS="rules expression" fuzz.sh ci       a subset
#
# Needs afl-fuzz (Debian package afl++; installed with apt-get when missing and running as root) and the SharpFuzz
# command-line tool (installed into the work folder). Work folder: $FUZZ_WORK, default artifacts/fuzz
# (findings/<target>/default/{crashes,hangs,queue}).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mode="${1:-ci}"
targets=(${FUZZ_TARGETS:-rules scenario expression})
case "$mode" in
  ci) seconds="${2:-40}" ;;
  long) seconds=$(( ${2:-3600} / ${#targets[@]} )) ;;
  *) echo "usage: fuzz.sh ci|long [seconds]" >&2; exit 2 ;;
esac
work="${FUZZ_WORK:-$root/artifacts/fuzz}"
out="$work/out"
mkdir -p "$work/findings"

if ! command -v afl-fuzz > /dev/null; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++) > "$work/apt.log" 2>&1 \
      || { echo "fuzz: installing afl++ failed"; tail -20 "$work/apt.log"; exit 1; }
  else
    echo "fuzz: afl-fuzz not found; install the afl++ package"; exit 1
  fi
fi
if [ ! -x "$work/tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" > "$work/tool.log" 2>&1 \
    || { echo "fuzz: installing SharpFuzz.CommandLine failed"; cat "$work/tool.log"; exit 1; }
fi

rm -rf "$out" "$work/plain"
dotnet publish "$here/SecurityGuarantees.Fuzz.csproj" -c Release -o "$out" > "$work/build.log" 2>&1 \
  || { echo "fuzz: build failed"; tail -30 "$work/build.log"; exit 1; }
cp -r "$out" "$work/plain"  # uninstrumented: instrumented code may only run under afl-fuzz

# 1. The corpus as it is checked in, uninstrumented and in process: every seed and every kept finding must load to a
#    diagnostic or a result, each within 2 s.
failed=0
for target in "${targets[@]}"; do
  dotnet "$work/plain/SecurityGuarantees.Fuzz.dll" "$target" --replay "$here/corpus/$target" || failed=1
done

# 2. Coverage-guided fuzzing. The target fails an input slower than 2 s itself (a crash; the first input of each
#    process, which pays for the JIT and the engine build, is exempt); -t 10000 catches an input that never ends (a
#    hang). Crashes and hangs fail the run.
for assembly in SecurityGuarantees.dll YamlDotNet.dll Parlot.dll; do
  "$work/tools/sharpfuzz" "$out/$assembly" > /dev/null || { echo "fuzz: instrumenting $assembly failed"; exit 1; }
done
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
for target in "${targets[@]}"; do
  findings="$work/findings/$target"
  rm -rf "$findings"
  timeout $((seconds + 120)) afl-fuzz -V "$seconds" -i "$here/corpus/$target" -o "$findings" -t 10000 -m none \
    -- dotnet "$out/SecurityGuarantees.Fuzz.dll" "$target" > "$work/afl-$target.log" 2>&1
  stats="$findings/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    echo "fuzz: $target: afl-fuzz did not start"; tail -30 "$work/afl-$target.log"; failed=1; continue
  fi
  value() { sed -n "s/^$1 *: //p" "$stats"; }
  crashes=$(value saved_crashes); hangs=$(value saved_hangs)
  echo "fuzz: $target: $(value run_time) s, $(value execs_done) executions, corpus $(value corpus_count), $crashes crashes, $hangs hangs"
  if [ "${crashes:-0}" != 0 ] || [ "${hangs:-0}" != 0 ]; then
    failed=1
    for input in "$findings"/default/crashes/id* "$findings"/default/hangs/id*; do
      [ -f "$input" ] || continue
      echo "  $input:"; od -c "$input" | head -5
      dotnet "$work/plain/SecurityGuarantees.Fuzz.dll" "$target" --replay "$(dirname "$input")" 2>&1 | tail -3
    done
  fi
done
exit "$failed"
