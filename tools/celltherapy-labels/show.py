"""Prints the fields a cell-therapy label may quote, for one trial: show.py NCTID"""
import sys
import textwrap

from common import FIELDS, load

if __name__ == "__main__":
    r = load()[sys.argv[1]]
    for f in FIELDS:
        for i, v in enumerate(r.get(f, [])):
            print(f"[{f}{'' if len(r[f]) == 1 else ' ' + str(i)}] {v}")
