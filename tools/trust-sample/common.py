"""Finds the shared data and reads one record's raw fields, without any trialdex code."""
import json
import os
import re
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def shared():
    given = os.environ.get("TRIALDEX_SHARED")
    if given:
        return Path(given)
    for p in [REPO, *REPO.parents]:
        if (p.parent / "shared" / "data").is_dir():
            return p.parent / "shared"
    raise SystemExit("shared data folder not found: set TRIALDEX_SHARED")


DATA = shared() / "data"
LEGACY = DATA / "ctgov-legacy-xml-2023/allpublicxml-subset-2023-02-03.tar.gz"
MSC = DATA / "msc-trials-2022/msc_studyfields_2022-10.jsonl"
V2 = DATA / "ctgov-api-v2/nsclcbench-100/ctg-studies.json"


def legacy_xml(nct):
    with tarfile.open(LEGACY) as t:
        for m in t:
            if m.isfile() and m.name.endswith(nct + ".xml"):
                return ET.fromstring(t.extractfile(m).read())
    raise KeyError(nct)


def msc(nct):
    with open(MSC) as f:
        for line in f:
            if '"NCTId": ["%s"]' % nct in line:
                return json.loads(line)
    raise KeyError(nct)


def v2(nct):
    data = json.load(open(V2))
    studies = data["studies"] if isinstance(data, dict) else data
    for s in studies:
        if s["protocolSection"]["identificationModule"]["nctId"] == nct:
            return s
    raise KeyError(nct)


def squash(s):
    return re.sub(r"\s+", " ", s or "").strip()
