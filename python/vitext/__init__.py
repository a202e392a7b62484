"""Vietnamese text analysis: diacritic normalization, legacy encodings,
syllable tokenization and entity extraction.

The Rust crate ``vitext`` does the work; offsets are indices into the
Python string (code points), so ``text[e.start:e.end] == e.text``.
"""

from ._vitext import (
    Detection,
    Entity,
    Extraction,
    Link,
    Token,
    Tokens,
    __version__,
    decode,
    detect,
    extract,
    extract_many,
    fold,
    is_normalized,
    normalize,
    repair,
    tokenize,
    tokenize_many,
)

# An extraction and a text's tokens are read-only sequences (`len`,
# indexing, slicing, iteration): `isinstance(found, Sequence)` holds.
from collections.abc import Sequence as _Sequence

_Sequence.register(Extraction)
_Sequence.register(Tokens)

__all__ = [
    "Detection",
    "Entity",
    "Extraction",
    "Link",
    "Token",
    "Tokens",
    "__version__",
    "decode",
    "detect",
    "extract",
    "extract_many",
    "fold",
    "is_normalized",
    "normalize",
    "repair",
    "tokenize",
    "tokenize_many",
]
