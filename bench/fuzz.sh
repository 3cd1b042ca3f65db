#!/usr/bin/env bash
# Bounded libFuzzer run over every parser family. Usage: bench/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Targets (the file extension the input is loaded as): yaml json tf hcl conf properties cfg jwt; and yaml-tree,
# which holds the YAML event reader to Yams (any difference between the two is a crash).
# The corpus grows across runs in .build-fuzz/corpus/<target>/; crashes, timeouts and out-of-memory inputs are
# written to .build-fuzz/crashes/<target>/. Turn each into a regression seed in Tests/Fixtures/fuzz-seeds/
# (named <short-name>.<target>), which `swift test` replays (FuzzRegressionTests).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml yaml-tree json tf hcl conf properties cfg jwt)

# Our own fixtures per parser family (never third-party files), as find(1) name patterns.
seed_patterns() {
  case "$1" in
    yaml|yaml-tree) echo "*.yaml *.yml *.yaml.tmpl" ;;
    json) echo "*.json *.json.tpl openid-configuration templated-openid-configuration" ;;
    tf) echo "*.tf" ;;
    hcl) echo "*.hcl server-*.conf agent-*.conf" ;;   # SPIRE server/agent configs are HCL
    conf) echo "*.conf" ;;
    properties) echo "*.properties" ;;
    cfg) echo "*.cfg" ;;
    jwt) echo "*.jwt captured-tokens.txt" ;;
    *) echo "unknown fuzz target: $1" >&2; exit 2 ;;
  esac
}

scratch=.build-fuzz
# SwiftPM's own --sanitize=fuzzer links libFuzzer's driver; without libFuzzer in the toolchain this fails here.
# Optimised (-c release): about 4x the executions per second of a debug build. Swift keeps its runtime traps
# (overflow, bounds, force unwrap) in optimised code; only `assert` goes, and the parsers do not rely on it.
swift build -c release --scratch-path "$scratch" --product nhi-audit-fuzz --sanitize=fuzzer -Xswiftc -DFUZZING 2>&1 | tail -1
binary="$scratch/release/nhi-audit-fuzz"
status=0
for target in "${targets[@]}"; do
  corpus="$scratch/corpus/$target"; crashes="$scratch/crashes/$target"; log="$scratch/fuzz-$target.log"
  mkdir -p "$corpus" "$crashes"
  patterns=$(seed_patterns "$target"); set -f  # the patterns are for find(1), not the shell
  for pattern in $patterns; do
    find Tests/Fixtures examples -type f -name "$pattern" -size -64k -print0 |
      while IFS= read -r -d '' file; do cp "$file" "$corpus/seed-$(echo "$file" | tr '/' '_')"; done
  done; set +f
  echo "fuzzing $target for ${seconds}s ($(ls "$corpus" | wc -l) corpus inputs)"
  if ! NHI_FUZZ_TARGET="$target" NHI_AUDIT_HOME="$PWD" SWIFT_BACKTRACE=enable=no "$binary" "$corpus" \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1; then
    echo "CRASH in $target: see $crashes/ and $log"; grep -E "^==|ERROR|Fatal error" "$log" | head -5 || true
    status=1
  fi
  # A binary linked without the fuzzer runtime replays the corpus and exits: no coverage line means no fuzzing.
  if ! grep -q "cov:" "$log"; then echo "FAIL: $target did not fuzz (no libFuzzer coverage in $log)"; status=1; continue; fi
  runs=$(grep -oE "stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$" || echo "?")
  last=$(grep -E "^#[0-9]+.*cov:" "$log" | tail -1 | grep -oE "cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+" || true)
  echo "  $target: $runs runs, $last"
done
exit $status
