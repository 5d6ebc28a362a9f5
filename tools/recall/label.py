#!/usr/bin/env python3
"""Makes the condition-search relevance fixture from hand-written per-concept rules.

Usage (from the repository root):
  python3 tools/recall/label.py [--shared ../shared] [--out PATH] [--review KEY] [--near KEY REGEX]

Reads only each record's conditions, keywords, brief title and official title (see corpus.py), applies the
rules in queries.py and the hand decisions in overrides.py, prints per query the count and a sample of
the texts that matched, and writes trialdex-app/src/test/resources/recall/condition-queries.json.
Output is deterministic: ids sorted, samples drawn with a fixed seed.
"""
import argparse
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402
import overrides as hand  # noqa: E402
from queries import CONCEPTS  # noqa: E402

FIELDS = ("conditions", "keywords", "brief_title", "official_title")
DEFAULT_OUT = "trialdex-app/src/test/resources/recall/condition-queries.json"
MIN_RELEVANT = 3


def _compile(patterns, where):
  out = []
  for p in patterns:
    try:
      out.append(re.compile(p, re.I | re.S))
    except re.error as e:
      raise SystemExit(f"bad regex in {where}: {p!r}: {e}")
  return out


def _texts(record):
  for f in FIELDS:
    values = record[f] if isinstance(record[f], list) else [record[f]]
    for v in values:
      if v:
        yield f, v


class Concept:
  def __init__(self, spec):
    self.spec = spec
    key = spec["key"]
    self.include = _compile(spec["include"], key + ".include")
    self.exclude = _compile(spec.get("exclude", []), key + ".exclude")
    self.all_of = [_compile(g, key + ".all_of") for g in spec.get("all_of", [])]
    self.weak = _compile(spec.get("weak", []), key + ".weak")
    self.weak_veto = _compile(spec.get("weak_veto", []), key + ".weak_veto")

  def field_hits(self, record):
    """(field, text) pairs that match an include pattern and no exclude pattern. A field matched only by a
    `weak` (ambiguous) pattern counts only when no field of the record matches a `weak_veto` pattern."""
    def ok(t):
      return not any(p.search(t) for p in self.exclude)
    hits = [(f, t) for f, t in _texts(record) if any(p.search(t) for p in self.include) and ok(t)]
    weak = [(f, t + "  [weak]") for f, t in _texts(record)
            if any(p.search(t) for p in self.weak) and ok(t) and (f, t) not in hits]
    if weak and not any(p.search(t) for _, t in _texts(record) for p in self.weak_veto):
      hits += weak
    return hits

  def all_of_hit(self, record):
    texts = [(f, t) for f, t in _texts(record) if not any(p.search(t) for p in self.exclude)]
    for group in self.all_of:
      found = []
      for p in group:
        hit = next(((f, t) for f, t in texts if p.search(t)), None)
        if hit is None:
          break
        found.append(hit)
      else:
        return found
    return None


def label(records):
  """Returns {concept key: {id: evidence}} where evidence lists the (field, text) pairs or a reason."""
  by_key = {c["key"]: c for c in CONCEPTS}
  matched = {}
  for spec in CONCEPTS:
    c = Concept(spec)
    m = {}
    for r in records:
      hits = c.field_hits(r)
      if not hits:
        combo = c.all_of_hit(r)
        if combo:
          hits = [(f, t + "  [all_of]") for f, t in combo]
      if hits:
        m[r["id"]] = hits
    matched[spec["key"]] = m
  ids = {r["id"] for r in records}
  final = {}
  for spec in CONCEPTS:  # overrides, then containment (narrow concepts are listed so that order works)
    key = spec["key"]
    m = dict(matched[key])
    for o in hand.OVERRIDES.get(key, []):
      if o["id"] not in ids:
        raise SystemExit(f"override for {key}: {o['id']} is not in the corpus")
      if o["relevant"]:
        m[o["id"]] = [("override", o["reason"])]
      else:
        m.pop(o["id"], None)
    final[key] = m
  changed = True
  while changed:
    changed = False
    for spec in CONCEPTS:
      for sub in spec.get("contains", []):
        if sub not in by_key:
          raise SystemExit(f"{spec['key']}.contains names unknown concept {sub}")
        for i, ev in final[sub].items():
          if i not in final[spec["key"]]:
            final[spec["key"]][i] = [("contains", f"relevant for narrower concept {sub}")] + ev
            changed = True
  return final


def report(spec, evidence, records_by_id, full):
  key = spec["key"]
  print(f"\n=== {key} ({' | '.join(spec['queries'])}): {len(evidence)} relevant")
  ids = sorted(evidence)
  rnd = random.Random(key)
  sample = ids if full or len(ids) < 60 else sorted(rnd.sample(ids, 40))
  title_only = [i for i in ids if all(f in ("brief_title", "official_title") for f, _ in evidence[i])]
  if not full and len(ids) >= 60:
    sample = sorted(set(sample) | set(title_only))
  for i in sample:
    texts = "; ".join(f"{f[:2]}:{t[:110]}" for f, t in evidence[i][:3])
    mark = " (title only)" if i in title_only else ""
    print(f"  {i}{mark}  {texts}")


def near_misses(records, evidence, regex):
  p = re.compile(regex, re.I | re.S)
  for r in records:
    if r["id"] in evidence:
      continue
    hits = [(f, t) for f, t in _texts(r) if p.search(t)]
    if hits:
      print(f"  MISS {r['id']}  " + "; ".join(f"{f[:2]}:{t[:110]}" for f, t in hits[:3]))


def fixture(records, raw_count, final):
  queries = []
  for spec in CONCEPTS:
    rel = sorted(final[spec["key"]])
    if len(rel) < MIN_RELEVANT:
      raise SystemExit(f"{spec['key']}: only {len(rel)} relevant records; drop or replace the query")
    for q in spec["queries"]:
      queries.append({
        "query": q, "group": spec["group"], "concept": spec["concept"], "scope": spec["scope"],
        "include": spec["include"], "exclude": spec.get("exclude", []),
        "weak": spec.get("weak", []), "weak_veto": spec.get("weak_veto", []),
        "all_of": spec.get("all_of", []), "contains": spec.get("contains", []),
        "overrides": hand.OVERRIDES.get(spec["key"], []),
        "notes": hand.NOTES.get(spec["key"], ""),
        "relevant": rel,
      })
  return {
    "corpus": (f"All records in ../shared/data, deduplicated by NCT id: {', '.join('../shared/' + s for s in corpus.SOURCES)}"
               f"; {raw_count} records read, {len(records)} after deduplication (duplicates merged)."),
    "method": ("Made by one labeller (an AI helper session, not the search code's author) from each record's "
               "conditions, keywords, brief title and official title only; trialdex's search code, synonym "
               "lists and MeSH mapping were not read and MeSH terms stored in records were not used. For each "
               "concept a scope was written from medical knowledge first; then include/exclude regular "
               "expressions (case-insensitive, applied to each field separately; all_of groups may span fields), "
               "reviewed by hand against matched texts and near misses, plus per-id overrides with reasons. "
               "'Relevant' means a searcher for the query would want the trial: the concept (or a narrower form "
               "of it) is a condition of the trial or the subject of its title. Regenerate with "
               "python3 tools/recall/label.py."),
    "queries": queries,
  }


def main():
  ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  ap.add_argument("--shared", default="../shared", help="shared directory holding data/ (default ../shared)")
  ap.add_argument("--out", default=DEFAULT_OUT)
  ap.add_argument("--review", metavar="KEY", help="print every match of one concept, write nothing")
  ap.add_argument("--near", nargs=2, metavar=("KEY", "REGEX"), help="print records matching REGEX not in KEY")
  ap.add_argument("--quiet", action="store_true", help="counts only")
  a = ap.parse_args()
  if not os.path.isdir(os.path.join(a.shared, "data")):
    raise SystemExit(f"--shared {a.shared!r} has no data/ directory; run from the repository root or pass --shared")
  records, raw = corpus.load(a.shared)
  final = label(records)
  by_id = {r["id"]: r for r in records}
  if a.near:
    near_misses(records, final[a.near[0]], a.near[1])
    return
  for spec in CONCEPTS:
    if a.review and spec["key"] != a.review:
      continue
    if a.quiet:
      print(f"{spec['key']:12} {len(final[spec['key']]):5}  {' | '.join(spec['queries'])}")
    else:
      report(spec, final[spec["key"]], by_id, full=bool(a.review))
  if a.review:
    return
  os.makedirs(os.path.dirname(a.out), exist_ok=True)
  with open(a.out, "w", encoding="utf-8") as f:
    json.dump(fixture(records, raw, final), f, indent=1, ensure_ascii=False)
    f.write("\n")
  print(f"\nwrote {a.out}: {sum(len(c['queries']) for c in CONCEPTS)} queries", file=sys.stderr)


if __name__ == "__main__":
  main()
