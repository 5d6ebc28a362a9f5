#!/usr/bin/env python3
"""Assemble the hand-written labels (labels-src.txt) into the fixture JSON. Python3 stdlib only.

It decides nothing: every verdict, kind, reason, criterion and evidence is typed by hand in labels-src.txt.
It only expands the abbreviations and copies the criterion and evidence text exactly as they stand in the
trial record and the note (the hand-typed text may differ from the source in whitespace, e.g. where a legacy
record wraps a line; the fixture gets the source's own characters).

labels-src.txt format:
  # comment
  @ TOPIC NCT                      starts the pairs of one topic-trial
  S|V|KIND|criterion|evidence|reason
    S = I (inclusion) or E (exclusion); V = M (MET), N (NOT_MET), U (UNKNOWN), NA (NOT_APPLICABLE)
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trials  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "labels-src.txt")
OUT = os.path.join(HERE, "..", "..", "trialdex-ingest", "src", "test", "resources", "match", "criterion-labels.json")
ABOUT = (
    "Hand-labelled truth for criterion-level patient-trial matching. Each pair was judged by one labeller (a "
    "trialdex helper session) reading the patient note (TREC Clinical Trials 2021 topics and SIGIR 2016 queries, "
    "as shipped with TrialGPT) and the trial's eligibility text (legacy ClinicalTrials.gov XML, the 2022 MSC "
    "study-fields set, or the NSCLC API v2 set) like a careful clinical research coordinator; no script or "
    "heuristic produced any verdict, and no matcher code was consulted. The statement judged is the criterion "
    "text itself, whatever its section. MET: the statement is true of the patient on the evidence of the note "
    "(reasonable clinical reading allowed; consent, willingness and compliance items are MET by assumption, so "
    "marked in the reason); for an exclusion item MET means the exclusion applies. NOT_MET: the statement is "
    "false on the evidence (including what sex or age settles, and explicit negations in the note). UNKNOWN: the "
    "note does not settle it (absence of mention is UNKNOWN, except for facts any note would state, such as the "
    "main diagnosis). NOT_APPLICABLE: the criterion is conditional and its condition does not hold for this "
    "patient, or it is not about the patient (donor, caregiver, site). 'evidence' is the deciding words of the "
    "note copied exactly (empty when UNKNOWN); 'criterion' is one item copied exactly from the record's "
    "criteria text, without its bullet.")
SECTIONS = {"I": "inclusion", "E": "exclusion"}
VERDICTS = {"M": "MET", "N": "NOT_MET", "U": "UNKNOWN", "NA": "NOT_APPLICABLE"}


def find_exact(typed, text):
    """The exact substring of text that equals typed up to whitespace runs, or None."""
    if typed in text:
        return typed
    toks = typed.split()
    if not toks:
        return None
    m = re.search(r"\s+".join(re.escape(t) for t in toks), text)
    return m.group(0) if m else None


def main():
    topics = trials.topics()
    recs = trials.records()
    pairs, errors = [], []
    topic = nct = None
    with open(SRC, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("@"):
                _, topic, nct = line.split()
                if topic not in topics:
                    errors.append("%d: unknown topic %s" % (no, topic))
                if nct not in recs:
                    errors.append("%d: trial %s not held" % (no, nct))
                continue
            parts = line.split("|")
            if len(parts) < 6:
                errors.append("%d: expected 6 fields: %s" % (no, line))
                continue
            s, v, kind, crit, ev = [p.strip() for p in parts[:5]]
            reason = "|".join(parts[5:]).strip()
            exact = None
            for r in recs.get(nct, []):
                exact = find_exact(crit, r["criteria"])
                if exact:
                    break
            if not exact:
                errors.append("%d: criterion not found in %s: %s" % (no, nct, crit))
                continue
            evx = ""
            if ev:
                evx = find_exact(ev, topics.get(topic, ""))
                if not evx:
                    errors.append("%d: evidence not found in %s: %s" % (no, topic, ev))
                    continue
            if s not in SECTIONS or v not in VERDICTS:
                errors.append("%d: bad section/verdict %s/%s" % (no, s, v))
                continue
            pairs.append({"topic": topic, "nctId": nct, "section": SECTIONS[s], "criterion": exact,
                          "verdict": VERDICTS[v], "kind": kind, "evidence": evx, "reason": reason})
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"about": ABOUT, "pairs": pairs}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("wrote %d pairs to %s" % (len(pairs), os.path.relpath(OUT)))


if __name__ == "__main__":
    main()
