#!/usr/bin/env bash
# Retrain every part of the FAQ search that is fitted on TUNE, then measure the app (issue #14): one command.
#
#   scripts/retrain_search.sh [/work/drafts/queries/w-NEW.yaml ...]
#
# 1. imports each writer draft into tests/kb/customer_queries (split.py; `split: tune` drafts go to TUNE only),
# 2. the query adapter (bench.train_adapter; ADAPTER_ARGS, e.g. "--keep" for the shipped l2 / epochs, no grid),
# 3. the re-ranker on cross-fitted adapters (bench.train_reranker; RERANK_ARGS, e.g. "--choose writer"),
# 4. the app with and without the learned gate on old / TUNE / DEV (bench.retrieval; DEV printed, never listed),
# 5. the learned gate's rows and refit on TUNE only (bench.faq_gate --fit; GATE_ARGS, e.g. "--target 0.967"),
#    printed, not written: the gate's constants live in kb/faq_gate.py and stay off unless adopted.
# The scope examples (content/scope.yaml) are content, written by hand for TUNE's answered negatives.
# Each step's output goes to $OUT (default data/bench/retrain-<time>) and to the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
OUT=${OUT:-data/bench/retrain-$(date -u +%Y%m%dT%H%M)}
mkdir -p "$OUT"
step() { local name=$1; shift; echo "== $name: $*"; /usr/bin/time -f "$name: %e s wall, %U s user" "$@" 2>&1 | tee "$OUT/$name.txt"; }
for draft in "$@"; do step "import-$(basename "$draft" .yaml)" $PY tests/kb/customer_queries/split.py "$draft"; done
step adapter $PY -m bench.train_adapter ${ADAPTER_ARGS:-}
step reranker $PY -m bench.train_reranker ${RERANK_ARGS:-}
step retrieval $PY -m bench.retrieval --only all,all+learned_gate
step gate $PY -m bench.faq_gate --rows "$OUT/gate_rows.pkl" --fit --without story,top_score,score_gap,scope_coverage ${GATE_ARGS:-}
echo "figures in $OUT"
