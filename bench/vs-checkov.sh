#!/usr/bin/env bash
# Side by side with Checkov on the same Istio RequestAuthentication corpus and three equivalent checks:
#   audiences present (VER-AUD-001), jwksUri https (VER-JWKS-001), forwardOriginalToken not true (VER-FWD-001).
# Checkov is installed from PyPI into a throwaway virtual environment: a benchmark tool, never a dependency.
# Usage: bench/vs-checkov.sh [FILES] [ROUNDS]     (defaults: 10000 files, 3 alternating rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
files="${1:-10000}"; rounds="${2:-3}"
work="${NHI_BENCH_DIR:-.build/vs-checkov}"
venv="$work/venv"
mkdir -p "$work"

if [ ! -x "$venv/bin/checkov" ]; then
  echo "installing checkov into $venv (PyPI)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q checkov
fi
echo "checkov $("$venv/bin/checkov" --version)"

swift build -c release --product nhi-audit >/dev/null
swift build -c release --product nhi-audit-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"
corpus="$work/istio-$files"
rm -f "$corpus/.complete"  # markers now live beside the corpus, never in it (both tools would scan it)
if [ ! -f "$corpus.complete" ]; then
  rm -rf "$corpus"
  "$bin/nhi-audit-bench" generate-istio "$files" "$corpus" | tee "$work/expected.txt"
  touch "$corpus.complete"
fi

run_checkov() {
  "$venv/bin/checkov" -d "$corpus" --framework kubernetes --external-checks-dir bench/checkov-policies \
    --check CKV2_NHIBENCH_1,CKV2_NHIBENCH_2,CKV2_NHIBENCH_3 -o json --quiet --compact >"$work/checkov.json" 2>"$work/checkov.err" || true
}
run_nhi() {
  SOURCE_DATE_EPOCH=1795000000 "$bin/nhi-audit" scan "$corpus" --out "$work/nhi-report" --format json --fail-on none \
    --history "$work/history.sqlite" >/dev/null
}
now() { date +%s.%N; }

# A fresh history per invocation: rounds 2.. then compare with the previous round, as a nightly run does, and
# the figure does not drift with how many times the script ran before.
rm -f "$work/history.sqlite" "$work/history.sqlite-wal" "$work/history.sqlite-shm" "$work/history.sqlite.lock"

checkov_times=(); nhi_times=()
for round in $(seq 1 "$rounds"); do
  start=$(now); run_checkov; checkov_times+=("$(echo "$(now) - $start" | bc)")
  start=$(now); run_nhi; nhi_times+=("$(echo "$(now) - $start" | bc)")
  echo "round $round: checkov ${checkov_times[-1]} s, nhi-audit ${nhi_times[-1]} s"
done

python3 - "$work/checkov.json" "$work/nhi-report/report.json" "${checkov_times[*]}" "${nhi_times[*]}" <<'PY'
import json, statistics, sys
checkov_doc = json.load(open(sys.argv[1]))
if isinstance(checkov_doc, list):
    checkov_doc = next((d for d in checkov_doc if d.get("check_type") == "kubernetes"), checkov_doc[0])
failed = checkov_doc.get("results", {}).get("failed_checks", [])
ck = {}
for item in failed:
    ck[item["check_id"]] = ck.get(item["check_id"], 0) + 1
nhi = {}
for result in json.load(open(sys.argv[2]))["results"]:
    if result["status"] == "fail":
        nhi[result["control"]] = nhi.get(result["control"], 0) + 1
pairs = [("CKV2_NHIBENCH_1", "VER-AUD-001", "audiences present"),
         ("CKV2_NHIBENCH_2", "VER-JWKS-001", "jwksUri https"),
         ("CKV2_NHIBENCH_3", "VER-FWD-001", "forwardOriginalToken not true")]
same = True
for ck_id, nhi_id, label in pairs:
    a, b = ck.get(ck_id, 0), nhi.get(nhi_id, 0)
    same &= a == b
    print(f"{label:32s} checkov {a:6d} failures   nhi-audit {b:6d} failures   {'same' if a == b else 'DIFFERENT'}")
ct = statistics.median(float(x) for x in sys.argv[3].split())
nt = statistics.median(float(x) for x in sys.argv[4].split())
print(f"median wall time: checkov {ct:.2f} s, nhi-audit {nt:.3f} s: nhi-audit is {ct / nt:.1f}x faster")
sys.exit(0 if same else 1)
PY
