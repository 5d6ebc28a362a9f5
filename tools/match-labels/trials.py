"""Read-only access to the shared patient topics, judgments and trial records (python3 stdlib only).

The shared data folder is found from the environment variable TRIALDEX_SHARED (the folder that holds
data/, or data/ itself); otherwise ../shared/data is tried upwards from this file.
A parsed copy of the trial records is cached in the system temp folder so later runs are fast.
"""
import gzip
import json
import os
import re
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET

LEGACY = "ctgov-legacy-xml-2023/allpublicxml-subset-2023-02-03.tar.gz"
MSC = "msc-trials-2022/msc_studyfields_2022-10.jsonl"
NSCLC = "ctgov-api-v2/nsclcbench-100/ctg-studies.json"
SOURCES = {"trec": "trialgpt/trec_2021", "sigir": "trialgpt/sigir"}


def data_dir():
    env = os.environ.get("TRIALDEX_SHARED")
    cands = []
    if env:
        cands += [os.path.join(env, "data"), env]
    here = os.path.abspath(os.path.dirname(__file__))
    d = here
    while True:
        cands.append(os.path.join(d, "shared", "data"))
        cands.append(os.path.join(d, "..", "shared", "data"))
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    for c in cands:
        if os.path.isfile(os.path.join(c, LEGACY)):
            return os.path.normpath(c)
    sys.exit("shared data not found: set TRIALDEX_SHARED to the folder holding data/ (tried %s)" % cands[:4])


def topics():
    """topic id -> note text, for TREC 2021 and SIGIR."""
    out = {}
    for rel in SOURCES.values():
        with open(os.path.join(data_dir(), rel, "queries.jsonl"), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    q = json.loads(line)
                    out[q["_id"]] = q["text"]
    return out


def qrels():
    """topic id -> {nct id: score}."""
    out = {}
    for rel in SOURCES.values():
        with open(os.path.join(data_dir(), rel, "qrels", "test.tsv"), encoding="utf-8") as f:
            next(f)
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 3:
                    out.setdefault(parts[0], {})[parts[1]] = int(parts[2])
    return out


def _text(el, path):
    x = el.find(path)
    return x.text if x is not None and x.text is not None else ""


def _load_records():
    """nct id -> list of records {source,title,conditions,sex,minAge,maxAge,criteria}."""
    recs = {}
    dd = data_dir()
    with tarfile.open(os.path.join(dd, LEGACY), "r:gz") as tf:
        for m in tf:
            if not m.isfile() or not m.name.endswith(".xml"):
                continue
            root = ET.fromstring(tf.extractfile(m).read())
            nct = _text(root, "id_info/nct_id")
            recs.setdefault(nct, []).append({
                "source": "legacy-xml",
                "title": _text(root, "brief_title"),
                "conditions": [c.text or "" for c in root.findall("condition")],
                "sex": _text(root, "eligibility/gender"),
                "minAge": _text(root, "eligibility/minimum_age"),
                "maxAge": _text(root, "eligibility/maximum_age"),
                "criteria": _text(root, "eligibility/criteria/textblock"),
            })
    with open(os.path.join(dd, MSC), encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            one = lambda k: "\n".join(d.get(k) or [])
            recs.setdefault(one("NCTId"), []).append({
                "source": "msc",
                "title": one("BriefTitle"),
                "conditions": list(d.get("Condition") or []),
                "sex": one("Gender"),
                "minAge": one("MinimumAge"),
                "maxAge": one("MaximumAge"),
                "criteria": one("EligibilityCriteria"),
            })
    with open(os.path.join(dd, NSCLC), encoding="utf-8") as f:
        for s in json.load(f):
            p = s["protocolSection"]
            e = p.get("eligibilityModule", {})
            recs.setdefault(p["identificationModule"]["nctId"], []).append({
                "source": "nsclc-v2",
                "title": p["identificationModule"].get("briefTitle", ""),
                "conditions": p.get("conditionsModule", {}).get("conditions", []),
                "sex": e.get("sex", ""),
                "minAge": e.get("minimumAge", ""),
                "maxAge": e.get("maximumAge", ""),
                "criteria": e.get("eligibilityCriteria", ""),
            })
    return recs


def records():
    cache = os.path.join(tempfile.gettempdir(), "trialdex-match-labels-records.json.gz")
    try:
        if os.path.getmtime(cache) >= os.path.getmtime(os.path.join(data_dir(), LEGACY)):
            with gzip.open(cache, "rt", encoding="utf-8") as f:
                return json.load(f)
    except OSError:
        pass
    recs = _load_records()
    try:
        with gzip.open(cache, "wt", encoding="utf-8") as f:
            json.dump(recs, f)
    except OSError:
        pass
    return recs


ONCO = re.compile(r"cancer|carcinom|tumou?r|neoplas|leukemi|leukaemi|lymphom|myelom|melanom|sarcom|glioma|"
                  r"astrocytom|glioblastom|blastoma|nsclc|malignan|metasta|myelodysplas|adenocarcinom|mesotheliom",
                  re.I)


def trial_kind(recs_for_trial):
    """'MSC' if the trial is in the MSC set, else 'oncology' when its conditions or title name a cancer, else 'other'."""
    if any(r["source"] == "msc" for r in recs_for_trial):
        return "MSC"
    if any(r["source"] == "nsclc-v2" for r in recs_for_trial):
        return "oncology"
    for r in recs_for_trial:
        if ONCO.search(" ".join(r["conditions"]) + " " + r["title"]):
            return "oncology"
    return "other"
