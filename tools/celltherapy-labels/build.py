"""Assembles the fixture from the hand-written labels.

Reads labels-src.jsonl (one hand-written label per line), puts the labels in
sample order and writes trialdex-ingest/src/test/resources/celltherapy/profile-labels.json.
It copies; it decides nothing.
"""
import json
import os

from common import HERE, REPO, load
from sample import draw

OUT = os.path.join(REPO, "trialdex-ingest", "src", "test", "resources", "celltherapy",
                   "profile-labels.json")

if __name__ == "__main__":
    with open(os.path.join(HERE, "labels-src.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(l) for l in f if l.strip()]
    order = {n: i for i, n in enumerate(draw(load()))}
    labels.sort(key=lambda l: order.get(l["nctId"], 10**6))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(l, ensure_ascii=False) for l in labels) + "\n]\n")
    print(f"{len(labels)} labels -> {os.path.relpath(OUT, REPO)}")
