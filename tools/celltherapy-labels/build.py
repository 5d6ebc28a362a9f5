"""Assembles the fixtures from the hand-written labels.

Reads labels-src.jsonl (one hand-written label per line), puts the labels in
sample order and writes trialdex-ingest/src/test/resources/celltherapy/profile-labels.json.
With --heldout it does the same for the held-out sample: labels2-src.jsonl in the order of
sample2.py, written to profile-labels-heldout.json. It copies; it decides nothing.
"""
import json
import os
import sys

import sample
import sample2
from common import HERE, REPO, load

FIXTURES = os.path.join(REPO, "trialdex-ingest", "src", "test", "resources", "celltherapy")
OUT = os.path.join(FIXTURES, "profile-labels.json")
OUT_HELDOUT = os.path.join(FIXTURES, "profile-labels-heldout.json")

# name -> (hand-written source, fixture, sample draw)
SETS = {"first": ("labels-src.jsonl", OUT, sample.draw),
        "heldout": ("labels2-src.jsonl", OUT_HELDOUT, sample2.draw)}


def build(which):
    src, out, draw = SETS[which]
    with open(os.path.join(HERE, src), encoding="utf-8") as f:
        labels = [json.loads(l) for l in f if l.strip()]
    order = {n: i for i, n in enumerate(draw(load()))}
    labels.sort(key=lambda l: order.get(l["nctId"], 10**6))
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(l, ensure_ascii=False) for l in labels) + "\n]\n")
    print(f"{len(labels)} labels -> {os.path.relpath(out, REPO)}")


if __name__ == "__main__":
    build("heldout" if "--heldout" in sys.argv[1:] else "first")
