"""Writes the hand verdicts (verdicts-src.py) as the test fixture, in sample.py's order. Copies; decides nothing."""
import json
import runpy
from pathlib import Path

from common import REPO

src = runpy.run_path(str(Path(__file__).with_name("verdicts-src.py")))
records, verdicts = src["RECORDS"], src["VERDICTS"]
out = []
for nct, kind, present, reason in verdicts:
    s, cell, why = records[nct]
    out.append({"nctId": nct, "set": s, "kind": kind, "present": present, "cellTherapy": cell,
                "cellTherapyReason": why, "reason": reason})
target = REPO / "trialdex-ingest/src/test/resources/trust/trust-sample.json"
doc = {"asOf": "2026-11-30",
       "about": "Trust signals checked by hand on a seeded sample (tools/trust-sample/README.md): for each record, "
                "whether each kind is present as of asOf, read from the record itself; cellTherapy is the "
                "reader's judgement whether the trial gives a stem-cell or other cell product.",
       "verdicts": out}
target.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
print("wrote", target, len(out), "verdicts over", len({v['nctId'] for v in out}), "records")
