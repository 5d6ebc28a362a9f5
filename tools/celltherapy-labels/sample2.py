"""Prints the held-out labelling sample: 50 more NCT ids drawn reproducibly from the data set.

All ids sorted, minus the 100 of sample.py, then random.Random(20261201).sample(rest, 50);
label in printed order.
"""
import random

from common import load
from sample import draw as draw_first

SEED = 20261201


def draw(records, n=50):
    first = set(draw_first(records))
    rest = [i for i in sorted(records) if i not in first]
    return random.Random(SEED).sample(rest, n)


if __name__ == "__main__":
    for i in draw(load()):
        print(i)
