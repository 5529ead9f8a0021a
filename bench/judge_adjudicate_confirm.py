"""Adjudicate the judge's sealed CONFIRM set: per behaviour, the majority of writer + ann-M + ann-N — the dev panel's
rule (bench.judge_adjudicate). Prints counts and kappas only, never an item; --write rewrites the confirm files' label
lines (`adjudication.write_relabels`).

    .venv/bin/python -m bench.judge_adjudicate_confirm [--write]

The panel (stop 38): tests/trainer/dialogue/confirm/annotations/ — items.yaml (id + text, in sha256("c38" + text)
order), key.yaml (the writers' labels before adjudication), ann-M.yaml and ann-N.yaml (two blind annotators who saw only
BRIEF.md and items.yaml).
"""
import sys
from pathlib import Path
from trainer.dialogue.corpus import read_sealed
from trainer.dialogue.agreement import read_annotations, read_key, majority, cohen_kappa
from trainer.dialogue.adjudication import relabels_by_text, write_relabels
from trainer.dialogue.behaviours import UTTERANCE_BEHAVIOURS
ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / 'tests/trainer/dialogue/confirm'
D = CONF / 'annotations'
writer, texts = read_key(D / 'key.yaml')
_, m = read_annotations(D / 'ann-M.yaml'); _, n = read_annotations(D / 'ann-N.yaml')
ids = sorted(writer)
assert set(m) >= set(ids) and set(n) >= set(ids), (len(m), len(n), len(ids))
shown = majority([writer, m, n], ids)
for b in UTTERANCE_BEHAVIOURS:
    w = sum(b in writer[i] for i in ids); a = sum(b in shown[i] for i in ids)
    print(f"{b:20s} writer {w:3d} adjudicated {a:3d} (+{sum(b in shown[i] and b not in writer[i] for i in ids)} / -{sum(b in writer[i] and b not in shown[i] for i in ids)})"
          f"  kappa M-N {cohen_kappa(m, n, b, ids):.2f} W-M {cohen_kappa(writer, m, b, ids):.2f} W-N {cohen_kappa(writer, n, b, ids):.2f}")
got = read_sealed(CONF); utts = got[0] if isinstance(got, tuple) else got
relabels = relabels_by_text(utts, {texts[i]: shown[i] for i in ids})
print('lines to change', sum(r.changed for r in relabels))
if '--write' in sys.argv:
    print('written', write_relabels(ROOT, relabels))
