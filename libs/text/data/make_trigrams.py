#!/usr/bin/env python3
"""Prints the `trigrams` lines of languages.txt from data/training/<code>.txt.

Usage: make_trigrams.py CODE... (run in libs/text/data). Words are runs of
letters, lower-cased and padded with '_' on both sides; the most frequent
trigrams come first.
"""
import collections
import sys

TOP = 200

for code in sys.argv[1:]:
    counts = collections.Counter()
    with open(f"training/{code}.txt", encoding="utf-8") as f:
        text = f.read().lower()
    word = []
    for ch in text + " ":
        if ch.isalpha() or ch == "'":
            word.append(ch)
        elif word:
            padded = "_" + "".join(word).replace("'", "") + "_"
            for i in range(len(padded) - 2):
                counts[padded[i:i + 3]] += 1
            word = []
    top = [t for t, _ in counts.most_common(TOP)]
    print(f"{code}\ttrigrams\t{' '.join(top)}")
