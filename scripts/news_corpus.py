#!/usr/bin/env python3
"""Writes the large news file the benches read through VITEXT_CORPUS.

Usage: python3 scripts/news_corpus.py [OUT] (default /tmp/news.txt)

It joins, one text after another: the bundled sample articles
(examples/data/), the held-out articles of every tests/fixtures/heldout*/
folder (heldout/, heldout2/, … in order), every `# text` line of the UD Vietnamese VTB treebank and the
documents of the legal corpus in ../shared/data/. Nothing is repeated, so a
scanner's branch predictor is not flattered. The shared data is read where
it lies and the file is written outside the repository: none of it goes
into the crate.
"""

import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")


def heldout_number(folder):
    """The number of a held-out folder: heldout/ is the first, heldout2/ the second, …"""
    return int(os.path.basename(folder)[len("heldout"):] or 1)


def texts():
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "data", "*.txt"))):
        yield open(path, encoding="utf-8").read()
    folders = glob.glob(os.path.join(ROOT, "tests", "fixtures", "heldout*"))
    for folder in sorted((f for f in folders if os.path.isdir(f)), key=heldout_number):
        for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
            yield open(path, encoding="utf-8").read()
    for path in sorted(glob.glob(os.path.join(SHARED, "ud_vtb", "*.conllu"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text = "):
                    yield line[len("# text = "):].rstrip("\n")
    for path in sorted(glob.glob(os.path.join(SHARED, "legal_corpus", "*.txt"))):
        yield open(path, encoding="utf-8", errors="replace").read()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/news.txt"
    if not os.path.isdir(SHARED):
        sys.exit(f"news_corpus.py: {SHARED} not found (the shared data sits beside the repository)")
    data = "\n".join(texts())
    with open(out, "w", encoding="utf-8") as f:
        f.write(data)
    print(f"{out}: {len(data.encode('utf-8')):,} bytes")


if __name__ == "__main__":
    main()
