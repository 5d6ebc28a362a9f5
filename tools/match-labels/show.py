#!/usr/bin/env python3
"""View patients and trials for hand labelling (python3 stdlib only).

  show.py topic TOPIC            the patient's note
  show.py trial NCT              title, conditions, sex/age limits and criteria text of a trial we hold
  show.py pair TOPIC NCT         both
  show.py pool TOPIC             judged trials we hold for a topic (score, kind, source, title)
  show.py find REGEX [msc]       trials we hold whose title/conditions match REGEX (only MSC set with 'msc')
  show.py labels [TOPIC [NCT]]   labelled pairs in the fixture, optionally for one topic / pair
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trials  # noqa: E402

LABELS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "trialdex-ingest", "src", "test",
                      "resources", "match", "criterion-labels.json")


def show_topic(t):
    txt = trials.topics().get(t)
    if txt is None:
        sys.exit("no topic %s" % t)
    print("== %s ==\n%s\n" % (t, txt))


def show_trial(n):
    rs = trials.records().get(n)
    if not rs:
        sys.exit("no trial %s in the held records" % n)
    for r in rs:
        print("== %s [%s, %s] %s" % (n, r["source"], trials.trial_kind(rs), r["title"]))
        print("conditions: %s" % "; ".join(r["conditions"]))
        print("sex: %s  min age: %s  max age: %s" % (r["sex"] or "-", r["minAge"] or "-", r["maxAge"] or "-"))
        print("criteria:\n%s\n" % r["criteria"])


def main(a):
    if len(a) >= 2 and a[0] == "topic":
        show_topic(a[1])
    elif len(a) >= 2 and a[0] == "trial":
        show_trial(a[1])
    elif len(a) >= 3 and a[0] == "pair":
        show_topic(a[1])
        show_trial(a[2])
    elif len(a) >= 2 and a[0] == "pool":
        recs = trials.records()
        for n, s in sorted(trials.qrels().get(a[1], {}).items(), key=lambda x: (-x[1], x[0])):
            if n in recs:
                rs = recs[n]
                print("%s score=%d %-8s %-9s %s" % (n, s, trials.trial_kind(rs), rs[0]["source"], rs[0]["title"][:100]))
    elif len(a) >= 2 and a[0] == "find":
        rx = re.compile(a[1], re.I)
        for n, rs in sorted(trials.records().items()):
            if len(a) > 2 and a[2] == "msc" and trials.trial_kind(rs) != "MSC":
                continue
            r = rs[0]
            if rx.search(r["title"] + " " + " ".join(r["conditions"])):
                print("%s %-8s %s | %s" % (n, trials.trial_kind(rs), r["title"][:90], "; ".join(r["conditions"])[:80]))
    elif a and a[0] == "labels":
        with open(LABELS, encoding="utf-8") as f:
            pairs = json.load(f)["pairs"]
        for p in pairs:
            if (len(a) < 2 or p["topic"] == a[1]) and (len(a) < 3 or p["nctId"] == a[2]):
                print("%s %s %s %-14s %-10s %s\n    evidence: %s\n    reason: %s" % (
                    p["topic"], p["nctId"], p["section"][:3], p["verdict"], p["kind"],
                    p["criterion"].replace("\n", " ")[:110], p["evidence"], p["reason"]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
