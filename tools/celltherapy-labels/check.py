"""Validates the cell-therapy profile fixture against the data set; exit 1 on any problem.

Checks: every id is in the data set and in the sample, no duplicates, the
labels are a prefix of the sample order, enum values, dose shapes, every
evidence snippet occurs in the record's text fields (whitespace-normalized,
case-insensitive), and a fact with evidence is stated. Prints counts per fact.

check.py [FILE] checks the first 100 (sample.py); check.py --heldout [FILE] checks the
held-out 50 (sample2.py), which also must not share any id with the first sample.
"""
import json
import re
import sys
from collections import Counter

import sample
import sample2
from build import OUT, OUT_HELDOUT
from common import FIELDS, load

CELL = {"MSC", "HSC", "CAR_T", "NK", "TREG", "DENDRITIC", "EXOSOMES_SECRETOME",
        "OTHER_CELLS", "NONE"}
SOURCE = {"BONE_MARROW", "UMBILICAL_CORD", "CORD_BLOOD", "ADIPOSE", "PLACENTA", "AMNION",
          "DENTAL_PULP", "MENSTRUAL_BLOOD", "FETAL", "IPSC", "ESC", "OTHER", "UNKNOWN"}
DONOR = {"AUTOLOGOUS", "ALLOGENEIC", "UNKNOWN"}
ROUTE = {"INTRAVENOUS", "INTRA_ARTERIAL", "INTRATHECAL", "INTRAMUSCULAR", "INTRA_ARTICULAR",
         "INTRADISCAL", "TRANSENDOCARDIAL", "SUBCONJUNCTIVAL", "TOPICAL", "LOCAL_INJECTION",
         "OTHER", "UNKNOWN"}
DOSE_KEYS = {"perKg", "perKgMin", "perKgMax", "total", "totalMin", "totalMax"}
KEYS = {"nctId", "cellType", "source", "whartonsJelly", "donor", "dose", "schedule", "route",
        "routeDetail", "products", "evidence", "reason"}


def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()


def check(labels, records, sample):
    problems = []
    seen = set()
    for i, l in enumerate(labels):
        n = l.get("nctId")
        p = lambda m: problems.append(f"{n}: {m}")
        if n not in records:
            p("not in the data set"); continue
        if n in seen:
            p("duplicate")
        seen.add(n)
        if i >= len(sample) or sample[i] != n:
            p(f"label {i} is not sample item {i}")
        for k in set(l) - KEYS:
            p(f"unknown key {k}")
        cells = l.get("cellType") or []
        if not cells or set(cells) - CELL:
            p(f"bad cellType {cells}")
        none = cells == ["NONE"]
        if "NONE" in cells and not none:
            p("NONE mixed with cell types")
        src = l.get("source")
        if not isinstance(src, list) or set(src) - SOURCE or (not none and not src):
            p(f"bad source {src}")
        if "UNKNOWN" in (src or []) and len(src) > 1:
            p("UNKNOWN source mixed with others")
        if l.get("whartonsJelly") and "UMBILICAL_CORD" not in src:
            p("whartonsJelly without UMBILICAL_CORD")
        donor = l.get("donor")
        if not isinstance(donor, dict) or donor.get("type") not in DONOR:
            p(f"bad donor {donor}")
        dose = l.get("dose")
        if dose != "UNKNOWN":
            if not isinstance(dose, list) or not dose:
                p(f"bad dose {dose}")
            else:
                for d in dose:
                    vals = {k: v for k, v in d.items() if k in DOSE_KEYS}
                    if not vals or not all(isinstance(v, (int, float)) and v > 0 for v in vals.values()):
                        p(f"bad dose entry {d}")
                    for lo, hi in (("perKgMin", "perKgMax"), ("totalMin", "totalMax")):
                        if (lo in d) != (hi in d) or (lo in d and d[lo] >= d[hi]):
                            p(f"bad range in {d}")
                    for k in set(d) - DOSE_KEYS - {"perInfusion", "arm", "upTo", "unit"}:
                        p(f"unknown dose key {k}")
                    if d.get("unit", "cells") not in ("cells", "EVs", "ug"):
                        p(f"bad dose unit in {d}")
                    if d.get("perInfusion") not in (True, False, "unknown"):
                        p(f"perInfusion missing in {d}")
        route = l.get("route")
        if not isinstance(route, list) or set(route) - ROUTE or (not none and not route):
            p(f"bad route {route}")
        if "OTHER" in (route or []) and not l.get("routeDetail"):
            p("route OTHER without routeDetail")
        if not isinstance(l.get("products"), list) or not isinstance(l.get("schedule"), str):
            p("products must be a list and schedule a string")
        text = norm(" ".join(v for f in FIELDS for v in records[n].get(f, []) if isinstance(v, str)))
        ev = l.get("evidence") or {}
        stated = {"source": src and "UNKNOWN" not in src,
                  "donor": donor and donor.get("type") != "UNKNOWN",
                  "dose": dose != "UNKNOWN",
                  "route": route and "UNKNOWN" not in route}
        for fact, is_stated in stated.items():
            if is_stated and not ev.get(fact):
                p(f"{fact} stated without evidence")
            if not is_stated and ev.get(fact) and not l.get("reason"):
                p(f"{fact} UNKNOWN with evidence but no reason saying why")
        if none and not ev.get("cellType"):
            p("NONE without cellType evidence")
        if none and not l.get("reason"):
            p("NONE without a reason")
        bare = text.replace("™", "").replace("®", "")
        for prod in l.get("products") or []:
            if norm(prod) not in bare:
                p(f"product not found in the record: {prod!r}")
        for fact, snip in ev.items():
            if snip and norm(snip) not in text:
                p(f"evidence for {fact} not found verbatim: {snip!r}")
    return problems


def counts(labels):
    c = Counter()
    for l in labels:
        c["trials labelled"] += 1
        for t in l["cellType"]:
            c["cellType " + t] += 1
        if l["cellType"] == ["NONE"]:
            continue
        c["trials with a cell product"] += 1
        for fact in ("source", "donor", "dose", "route"):
            v = l[fact]
            unknown = (v == "UNKNOWN" or (isinstance(v, list) and "UNKNOWN" in v)
                       or (isinstance(v, dict) and v["type"] == "UNKNOWN"))
            c[f"fact {fact}: {'UNKNOWN' if unknown else 'stated'}"] += 1
        for s in l["source"]:
            c["source " + s] += 1
        c["donor " + l["donor"]["type"]] += 1
        for r in l["route"]:
            c["route " + r] += 1
        if l["products"]:
            c["fact products: named"] += 1
        if l["schedule"] != "UNKNOWN":
            c["fact schedule: stated"] += 1
    return c


if __name__ == "__main__":
    args = sys.argv[1:]
    heldout = "--heldout" in args
    args = [a for a in args if a != "--heldout"]
    records = load()
    with open(args[0] if args else (OUT_HELDOUT if heldout else OUT), encoding="utf-8") as f:
        labels = json.load(f)
    if heldout:
        problems = check(labels, records, sample2.draw(records))
        first = set(sample.draw(records))
        problems += [f"{l.get('nctId')}: also in the first sample of 100"
                     for l in labels if l.get("nctId") in first]
    else:
        problems = check(labels, records, sample.draw(records))
    for k, v in sorted(counts(labels).items()):
        print(f"{k:28} {v}")
    for pr in problems:
        print("PROBLEM", pr)
    sys.exit(1 if problems else 0)
