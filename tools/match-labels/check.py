#!/usr/bin/env python3
"""Validate the hand-labelled criterion fixture and print its counts (python3 stdlib only).

  check.py [path-to-criterion-labels.json]

Checks: every criterion is an exact substring of that trial's criteria text (in one of the records we hold
for it), every non-empty evidence is an exact substring of the topic's note, enums are valid, reasons are
present, and no (topic, nctId, criterion) repeats. Exits 1 on any failure.
"""
import collections
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trials  # noqa: E402

DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "trialdex-ingest", "src", "test",
                       "resources", "match", "criterion-labels.json")
SECTIONS = {"inclusion", "exclusion"}
VERDICTS = {"MET", "NOT_MET", "UNKNOWN", "NOT_APPLICABLE"}
KINDS = {"age", "sex", "condition", "stage", "lab", "organ", "performance", "pregnancy", "therapy", "infection",
         "comorbidity", "life-expectancy", "consent", "other"}
FIELDS = ["topic", "nctId", "section", "criterion", "verdict", "kind", "evidence", "reason"]


def main(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    topics, recs = trials.topics(), trials.records()
    errs = []
    if not isinstance(doc.get("about"), str) or not doc["about"].strip():
        errs.append("missing 'about'")
    pairs = doc.get("pairs")
    if not isinstance(pairs, list):
        sys.exit("%s: 'pairs' is not a list" % path)
    seen = set()
    counts = collections.defaultdict(collections.Counter)
    topic_set, per_pair = set(), collections.Counter()
    for i, p in enumerate(pairs):
        where = "pair %d (%s %s)" % (i, p.get("topic"), p.get("nctId"))
        if sorted(p) != sorted(FIELDS):
            errs.append("%s: fields %s, expected %s" % (where, sorted(p), FIELDS))
            continue
        t, n = p["topic"], p["nctId"]
        if t not in topics:
            errs.append("%s: unknown topic" % where)
        if n not in recs:
            errs.append("%s: trial not held" % where)
        elif not p["criterion"].strip() or not any(p["criterion"] in r["criteria"] for r in recs[n]):
            errs.append("%s: criterion is not an exact substring of the trial's criteria: %r" % (where, p["criterion"]))
        if p["evidence"] and p["evidence"] not in topics.get(t, ""):
            errs.append("%s: evidence is not an exact substring of the note: %r" % (where, p["evidence"]))
        if p["verdict"] == "UNKNOWN" and p["evidence"]:
            errs.append("%s: UNKNOWN with evidence" % where)
        if p["section"] not in SECTIONS:
            errs.append("%s: bad section %r" % (where, p["section"]))
        if p["verdict"] not in VERDICTS:
            errs.append("%s: bad verdict %r" % (where, p["verdict"]))
        if p["kind"] not in KINDS:
            errs.append("%s: bad kind %r" % (where, p["kind"]))
        if not p["reason"].strip():
            errs.append("%s: empty reason" % where)
        key = (t, n, p["criterion"])
        if key in seen:
            errs.append("%s: duplicate criterion %r" % (where, p["criterion"][:60]))
        seen.add(key)
        topic_set.add(t)
        per_pair[(t, n)] += 1
        counts["source"][t.split("-")[0]] += 1
        counts["trial kind"][trials.trial_kind(recs.get(n, []))] += 1
        counts["section"][p["section"]] += 1
        counts["verdict"][p["verdict"]] += 1
        counts["kind"][p["kind"]] += 1
        counts["verdict by section"]["%s/%s" % (p["section"], p["verdict"])] += 1
    print("pairs: %d  topics: %d  topic-trial pairs: %d  max per topic-trial: %d" % (
        len(pairs), len(topic_set), len(per_pair), max(per_pair.values() or [0])))
    for name in ["source", "trial kind", "section", "verdict", "verdict by section", "kind"]:
        print("%-18s %s" % (name + ":", ", ".join("%s %d" % kv for kv in counts[name].most_common())))
    if errs:
        print("\nFAILED (%d problems):" % len(errs))
        print("\n".join(errs))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT)
