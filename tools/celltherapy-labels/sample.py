"""Prints the labelling sample: 100 NCT ids drawn reproducibly from the data set.

Sorted ids, random.Random(20261130).sample(ids, 100); label in printed order.
"""
import random
import sys

from common import load

def draw(records, n=100):
    ids = sorted(records)
    return random.Random(20261130).sample(ids, n)

if __name__ == "__main__":
    for i in draw(load()):
        print(i)
