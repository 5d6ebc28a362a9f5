"""sample.py RECORDS.tsv: draws the hand-checked sample of trust signals, reproducibly.

RECORDS.tsv is TrustSignalCount's --records output (signals as of 2026-11-30). With
random.Random(20261130): for each kind in order, 6 of the records flagged with it (all when fewer),
drawn from the sorted ids (for pay, first one record per distinct quoted cue, then the rest at random); then 12 records flagged with nothing (6 legacy-xml, 4 classic-msc,
2 v2-sample); then 4 "hard negatives" for pay: unflagged records whose text has a money word, found
by the regex in show.py over the MSC set. Seed pages are left out (no shared reader here).
Prints: set, id, the kind drawn for ("all" for unflagged records)."""
import csv
import json
import random
import re
import sys

from common import MSC
from show import MONEY

KINDS = ["pay", "single-site-company", "us-no-fda-flag", "results-overdue", "status-unverified"]

rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t") if r["set"] != "seeds"]
rnd = random.Random(20261130)
picked, out = set(), []
QUOTE = re.compile("says participants pay: \u201c([^\u201d]*)\u201d")
for k in KINDS:
    flagged = sorted((r["set"], r["id"]) for r in rows if k in r["kinds"].split(","))
    first = []
    if k == "pay":
        # one record per distinct quoted cue first, so that rare phrasings are read too
        by_cue = {}
        for r in sorted(rows, key=lambda r: (r["set"], r["id"])):
            m = QUOTE.search(r["statements"])
            if m:
                by_cue.setdefault(m.group(1).lower(), []).append((r["set"], r["id"]))
        first = [rnd.choice(by_cue[c]) for c in sorted(by_cue)]
    rest = [f for f in flagged if f not in first]
    for s, i in first + rnd.sample(rest, max(0, min(6, len(flagged)) - len(first))):
        if (s, i) not in picked:
            picked.add((s, i))
            out.append((s, i, k))
for s, n in [("legacy-xml", 6), ("classic-msc", 4), ("v2-sample", 2)]:
    clean = sorted(r["id"] for r in rows if r["set"] == s and not r["kinds"])
    for i in rnd.sample(clean, n):
        picked.add((s, i))
        out.append((s, i, "all"))
pay_flagged = {r["id"] for r in rows if "pay" in r["kinds"].split(",")}
money = []
with open(MSC) as f:
    for line in f:
        r = json.loads(line)
        nct = r["NCTId"][0]
        text = " ".join(v for k in ["BriefSummary", "DetailedDescription", "EligibilityCriteria"] for v in r.get(k, []))
        if nct not in pay_flagged and re.search(r"\b(pay|paid|charge[ds]?|fees?|out[- ]of[- ]pocket)\b", text, re.I):
            money.append(nct)
for i in rnd.sample(sorted(money), 4):
    if ("classic-msc", i) not in picked:
        picked.add(("classic-msc", i))
        out.append(("classic-msc", i, "pay"))
for s, i, k in out:
    print(s, i, k, sep="\t")
