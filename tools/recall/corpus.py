"""Reads the shared trial corpus into plain records: id, conditions, keywords, brief and official title.

Only these four text fields are read; MeSH-derived fields (condition_browse, ConditionMeshTerm,
derivedSection) are deliberately ignored so that relevance labels stay independent of them.
"""
import json
import os
import tarfile
import xml.etree.ElementTree as ET

LEGACY_TAR = "data/ctgov-legacy-xml-2023/allpublicxml-subset-2023-02-03.tar.gz"
MSC_JSONL = "data/msc-trials-2022/msc_studyfields_2022-10.jsonl"
V2_ARRAY = "data/ctgov-api-v2/nsclcbench-100/ctg-studies.json"
V2_SINGLE = "data/ctgov-api-v2/NCT02513394.v2.json"
SOURCES = [LEGACY_TAR, MSC_JSONL, V2_ARRAY, V2_SINGLE]


def _record(nct, conditions, keywords, brief, official, source):
  clean = lambda xs: [x.strip() for x in xs if x and x.strip()]
  return {"id": nct.strip(), "conditions": clean(conditions), "keywords": clean(keywords),
          "brief_title": (brief or "").strip(), "official_title": (official or "").strip(),
          "source": source}


def _legacy(shared):
  path = os.path.join(shared, LEGACY_TAR)
  with tarfile.open(path) as tar:
    for member in tar:
      if not (member.isfile() and member.name.endswith(".xml")):
        continue
      root = ET.parse(tar.extractfile(member)).getroot()
      nct = root.findtext("id_info/nct_id")
      if not nct:
        raise ValueError(f"{path}: {member.name} has no id_info/nct_id")
      yield _record(nct, [e.text for e in root.findall("condition")], [e.text for e in root.findall("keyword")],
                    root.findtext("brief_title"), root.findtext("official_title"), LEGACY_TAR)


def _msc(shared):
  path = os.path.join(shared, MSC_JSONL)
  with open(path, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
      if not line.strip():
        continue
      d = json.loads(line)
      if not d.get("NCTId"):
        raise ValueError(f"{path}:{n}: no NCTId")
      first = lambda k: (d.get(k) or [""])[0]
      yield _record(d["NCTId"][0], d.get("Condition") or [], d.get("Keyword") or [],
                    first("BriefTitle"), first("OfficialTitle"), MSC_JSONL)


def _v2(study, source):
  p = study["protocolSection"]
  ident = p["identificationModule"]
  cm = p.get("conditionsModule", {})
  return _record(ident["nctId"], cm.get("conditions", []), cm.get("keywords", []),
                 ident.get("briefTitle"), ident.get("officialTitle"), source)


def load(shared):
  """All records, deduplicated by NCT id. On a duplicate, the fields of all copies are merged
  (union of conditions and keywords; the first non-empty title), since every copy describes the
  same registered study."""
  out = {}
  streams = [_legacy(shared), _msc(shared)]
  with open(os.path.join(shared, V2_ARRAY), encoding="utf-8") as f:
    streams.append(_v2(s, V2_ARRAY) for s in json.load(f))
  with open(os.path.join(shared, V2_SINGLE), encoding="utf-8") as f:
    streams.append([_v2(json.load(f), V2_SINGLE)])
  raw = 0
  for stream in streams:
    for r in stream:
      raw += 1
      old = out.get(r["id"])
      if old is None:
        out[r["id"]] = r
        continue
      for k in ("conditions", "keywords"):
        old[k] += [x for x in r[k] if x not in old[k]]
      for k in ("brief_title", "official_title"):
        old[k] = old[k] or r[k]
      old["source"] += " + " + r["source"]
  return [out[k] for k in sorted(out)], raw
