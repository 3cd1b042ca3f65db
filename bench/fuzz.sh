#!/usr/bin/env bash
# Bounded libFuzzer run over every parser family. Usage: bench/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Crashes are written to .build/fuzz/crashes/<target>/; turn each into a regression seed in
# Tests/Fixtures/fuzz-seeds/ (named *.<target>), which `swift test` replays (FuzzRegressionTests).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml json tf conf properties jwt)

scratch=.build-fuzz
swift build --scratch-path "$scratch" --product nhi-audit-fuzz --sanitize=fuzzer -Xswiftc -DFUZZING 2>&1 | tail -1
binary="$scratch/debug/nhi-audit-fuzz"
status=0
for target in "${targets[@]}"; do
  corpus=".build/fuzz/corpus/$target"; crashes=".build/fuzz/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  # Seeds: our own fixtures of this family (never third-party files).
  find Tests/Fixtures examples -type f \( -name "*.$target" -o -name "*.$target.tmpl" \) -size -64k -exec cp {} "$corpus/" \; 2>/dev/null || true
  [ "$target" = yaml ] && find Tests/Fixtures examples -type f -name '*.yml' -size -64k -exec cp {} "$corpus/" \; 2>/dev/null || true
  echo "fuzzing $target for ${seconds}s ($(ls "$corpus" | wc -l) seeds)"
  if ! NHI_FUZZ_TARGET="$target" SWIFT_BACKTRACE=enable=no "$binary" "$corpus" \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$crashes/" -print_final_stats=1 2>".build/fuzz/$target.log"; then
    echo "CRASH in $target: see $crashes and .build/fuzz/$target.log"; status=1
  fi
  grep -E "stat::number_of_executed_runs|cov:" ".build/fuzz/$target.log" | tail -2 || true
done
exit $status
