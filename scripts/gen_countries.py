#!/usr/bin/env python3
"""Generate src/data/countries.txt: Vietnamese names of countries, territories
and world regions from Unicode CLDR, read through babel.

How to run (from the repository root, Python 3.11):

    pip install babel==2.19.0
    python3 scripts/gen_countries.py            # writes src/data/countries.txt
    python3 scripts/gen_countries.py --check    # exits 1 if the file is stale

The committed file was produced with babel 2.19.0, which carries CLDR 49.
Another babel version may change names; the header records the versions used.

What it writes, one line each (tab-separated): `level`, `code`, `name`.
- `region`: CLDR's numeric UN M.49 region codes (001, 002, 019, 035, 142, 150, ...).
- `country`: two-letter territory codes (ISO 3166-1 and CLDR's few extra real
  territories such as XK Kosovo, AC Ascension, IC Canary Islands), less the
  codes that name no place (see SKIP).
Names are NFC and written in the traditional tone placement that Vietnamese
news uses (`Hòa`, not `Hoà`; see `traditional_tone`).

babel's compiled locale data keeps only CLDR's default territory names: its
CLDR importer drops the `alt="short"` / `alt="variant"` forms, so none are
available here (the news forms such as `Mỹ` or `Hồng Kông` are curated by hand
in src/data/places.txt). If a babel release exposes them as
`territories["XX-alt-short"]`-style keys, they are written as extra lines with
the same code.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

import babel
from babel import Locale

# Codes that are not a place: unknown region, pseudo-locales, groupings of
# states, the UN, CLDR's "Outlying Oceania" catch-all.
# 001 is the whole world ("Thế giới"), a common noun in news, not a place.
SKIP = {"ZZ", "XA", "XB", "EU", "EZ", "UN", "QO", "001"}

OUT = Path(__file__).resolve().parent.parent / "src" / "data" / "countries.txt"

# Tone marks as combining characters (NFD).
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
VOWELS = set("aeiouyăâêôơư")


def _split_word(word: str) -> tuple[list[str], str | None, int]:
    """NFD letters of a word without their tone mark, the mark, and the index
    of the letter that carried it (-1 when none)."""
    letters: list[str] = []
    tone = None
    at = -1
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONES:
            tone = ch
            at = len(letters) - 1
        elif unicodedata.combining(ch) and letters:
            letters[-1] += ch
        else:
            letters.append(ch)
    return letters, tone, at


def _traditional_word(word: str) -> str:
    letters, tone, at = _split_word(word)
    if tone is None or at < 0:
        return word
    plain = [unicodedata.normalize("NFC", l).lower() for l in letters]
    # Onset: leading consonants; `qu` and `gi` (before a vowel) count as onset.
    i = 0
    while i < len(plain) and plain[i] not in VOWELS:
        i += 1
    if i > 0 and plain[i - 1] == "q" and i < len(plain) and plain[i] == "u":
        i += 1
    elif i > 0 and plain[i - 1] == "g" and i + 1 < len(plain) and plain[i] == "i" and plain[i + 1] in VOWELS:
        i += 1
    j = i
    while j < len(plain) and plain[j] in VOWELS:
        j += 1
    nucleus = "".join(plain[i:j])
    open_syllable = j == len(plain)
    if open_syllable and nucleus in ("oa", "oe", "uy") and at == i + 1:
        letters[i] += tone
        return unicodedata.normalize("NFC", "".join(letters))
    return word


def traditional_tone(text: str) -> str:
    """`Hoà` -> `Hòa`, `Thuỷ` -> `Thủy`, `khoẻ` -> `khỏe`: the mark of an open
    oa/oe/uy syllable goes on its first vowel. Other syllables are unchanged."""
    out: list[str] = []
    word = ""
    for ch in unicodedata.normalize("NFC", text):
        if ch.isalpha():
            word += ch
        else:
            if word:
                out.append(_traditional_word(word))
                word = ""
            out.append(ch)
    if word:
        out.append(_traditional_word(word))
    return unicodedata.normalize("NFC", "".join(out))


def _selftest() -> None:
    cases = {
        "Hoà": "Hòa", "Khánh Hoà": "Khánh Hòa", "Thuỷ Điển": "Thủy Điển",
        "khoẻ": "khỏe", "Uỷ ban": "Ủy ban", "quý": "quý", "Hoàng": "Hoàng",
        "Toàn": "Toàn", "Cộng hòa": "Cộng hòa", "Thụy Sĩ": "Thụy Sĩ",
        "huỳnh": "huỳnh", "Quỳnh": "Quỳnh", "giá": "giá",
    }
    for src, want in cases.items():
        got = traditional_tone(src)
        assert got == want, (src, got, want)


def rows() -> list[tuple[str, str, str]]:
    names = Locale("vi").territories
    regions: list[tuple[str, str, str]] = []
    countries: list[tuple[str, str, str]] = []
    for key, name in names.items():
        code, _, alt = str(key).partition("-alt-")
        if code in SKIP:
            continue
        if code.isdigit() and len(code) == 3:
            level, bucket = "region", regions
        elif code.isalpha() and code.isupper() and len(code) == 2:
            level, bucket = "country", countries
        else:
            continue
        bucket.append((level, code, traditional_tone(name.strip()), alt))
    out = []
    seen = set()
    # Default name first, then alternative names, each group by code.
    for bucket in (regions, countries):
        for level, code, name, _alt in sorted(bucket, key=lambda r: (r[1], r[3] != "", r[3])):
            if (code, name) in seen:
                continue
            seen.add((code, name))
            out.append((level, code, name))
    return out


def render() -> str:
    babel_version = ".".join(babel.__version__.split(".")[:2])
    try:
        from babel.core import get_cldr_version

        cldr = get_cldr_version()
    except ImportError:  # older babel
        cldr = "unknown"
    head = [
        "# Vietnamese names of countries, territories and world regions.",
        f"# generated by scripts/gen_countries.py from Unicode CLDR (Unicode License v3) via babel {babel_version}; do not edit",
        f"# (babel {babel.__version__}, CLDR {cldr}; names in NFC, traditional tone placement: Hòa, Thủy, Ủy)",
        "# Columns (tab-separated): level (`region` for CLDR numeric region codes,",
        "# `country` for two-letter territory codes), code, name. A code may have",
        "# more than one line when CLDR gives alternative names.",
    ]
    body = ["\t".join(r) for r in rows()]
    return "\n".join(head + body) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed file instead of writing it")
    args = ap.parse_args()
    _selftest()
    text = render()
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run scripts/gen_countries.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
