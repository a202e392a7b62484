"""Type stubs of vitext: Vietnamese normalization, legacy encodings,
tokenization and entity extraction. Offsets are indices into the Python
string (code points)."""

import datetime
from typing import Any, Iterable, Iterator, Literal, Optional, Sequence, Union, overload

__version__: str

Tone = Literal["keep", "traditional", "modern"]
FoldMode = Literal["full", "tones"]
EncodingName = Literal["auto", "tcvn3", "vni", "viqr", "viscii", "cp1258"]
Errors = Literal["strict", "replace"]
ReferenceDate = Union[datetime.date, str, None]
BytesLike = Union[bytes, bytearray, memoryview]

def normalize(text: str, tone: Tone = "keep") -> str:
    """Composed letters, tone marks where the syllable puts them, look-alike
    letters (`Ð` → `Đ`) and odd spaces repaired. `tone="traditional"` writes
    `hòa`, `thủy`; `"modern"` writes `hoà`, `thuỷ`; `"keep"` leaves the
    text's own style. Returns the same object when nothing changes.

    Raises `ValueError` for an unknown `tone`."""

def is_normalized(text: str) -> bool:
    """Whether `normalize(text)` would return the text unchanged."""

def fold(text: str, mode: FoldMode = "full") -> str:
    """Removes tone marks, and with `mode="full"` the letter modifiers too
    (`Đảng` → `Dang`; `"tones"` gives `Đang`), for search keys.

    Raises `ValueError` for an unknown `mode`."""

def decode(data: BytesLike, encoding: EncodingName = "auto", errors: Errors = "strict") -> str:
    """Decodes a legacy Vietnamese file's bytes (any bytes-like object).
    With `encoding="auto"` the encoding is detected; bytes no legacy
    encoding claims are read as UTF-8.

    Raises `ValueError` for an unknown encoding or error handling;
    `UnicodeDecodeError` (strict) for a byte the encoding does not define,
    or, with `"auto"`, when no encoding fits and the bytes are not UTF-8."""

def repair(text: str, encoding: EncodingName = "auto", errors: Errors = "strict") -> str:
    """Repairs mojibake, legacy text once read as Windows-1252:
    `B¶o Th¾ng` → `Bảo Thắng`. With `encoding="auto"` text that looks like
    no legacy encoding is returned as it is.

    Raises `ValueError` for an unknown encoding or error handling, or for a
    character standing for a byte the encoding does not define (strict)."""

class Detection:
    """What `detect` found."""

    @property
    def encoding(self) -> str:
        """`"tcvn3"`, `"vni"`, `"viqr"`, `"viscii"` or `"cp1258"`."""
    @property
    def confidence(self) -> float:
        """Above 0 and at most 1; whole sentences score above 0.9."""
    def to_dict(self) -> dict[str, Any]:
        """`{"encoding", "confidence"}`."""

def detect(data: Union[BytesLike, str]) -> Optional[Detection]:
    """The legacy encoding of raw bytes, or of mojibake in a `str`; `None`
    when the input does not look like legacy Vietnamese.

    Raises `TypeError` for anything but a bytes-like object or a `str`."""

class Token:
    """One token; `text[t.start:t.end] == t.text`."""

    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str:
        """`"syllable"`, `"word"`, `"abbreviation"`, a number's shape
        (`"number"`, `"percent"`, `"time"`, `"day_month"`,
        `"day_month_year"`, `"month_year"`, `"year_month_day"`, `"ratio"`,
        `"range"`, `"compound"`), `"doc_code"`, `"url"`, `"email"`, `"hashtag"`,
        `"mention"`, `"punctuation"`, `"symbol"`, `"emoji"` or `"other"`."""
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """`{"text", "kind", "start", "end"}`."""

class Tokens(Sequence[Token]):
    """A text's tokens, in order. They are kept compact; each `Token` is
    made when it is read (so `tokens[0] is tokens[0]` does not hold)."""

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...
    def __iter__(self) -> Iterator[Token]: ...

def tokenize(text: str) -> Tokens:
    """Syllables, words, numbers, dates, codes, punctuation and the other
    tokens of news text, in order: `18.5.2021`, `01-KL/TW`, `98,4%`,
    `TP.HCM` and `14:40` stay whole."""

def tokenize_many(texts: Iterable[str], *, threads: Optional[int] = None) -> list[Tokens]:
    """`tokenize` over many texts on `threads` threads (every core by
    default), the GIL released; results in input order. Ctrl-C stops it
    between runs of about 64 KB.

    Raises `TypeError` for a `str` given as `texts` or an item that is not
    a `str`, `ValueError` for `threads=0` or an item that cannot be encoded
    (a lone surrogate); both name the item."""

class Entity:
    """One entity; `text[e.start:e.end] == e.text`."""

    @property
    def kind(self) -> str:
        """`"date"`, `"time"`, `"datetime"`, `"date_range"`, `"doc_ref"`,
        `"quantity"`, `"person"`, `"title"`, `"organization"`, `"place"`,
        `"credit"`, …"""
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def within(self) -> Optional[int]:
        """The index of the innermost entity this one lies inside (a place
        inside an organization), or `None`."""
    @property
    def value(self) -> dict[str, Any]:
        """The typed value in the shape of the crate's JSON; spans inside it
        (`{"start", "end"}`) are indices into the text."""
    def to_dict(self) -> dict[str, Any]:
        """`{"kind", "text", "start", "end", "value", "within"}`."""

class Link:
    """A link between two entities of one `Extraction`, by index."""

    @property
    def kind(self) -> str:
        """`"holds"`, `"same_as"`, `"of"`, `"issued_on"`, `"issued_by"`, …"""
    @property
    def source(self) -> int: ...
    @property
    def target(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """`{"kind", "source", "target"}`."""

class Extraction(Sequence[Entity]):
    """The entities of one text in order of position (an outer entity before
    those inside it) and the links between them; a sequence of entities.
    They are kept compact; each `Entity` is made when it is read.

    Results are not picklable: `to_dict()` gives plain data to send
    elsewhere (a Spark task, a queue)."""

    @property
    def entities(self) -> list[Entity]: ...
    @property
    def links(self) -> list[Link]: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int) -> Entity: ...
    @overload
    def __getitem__(self, index: slice) -> list[Entity]: ...
    def __iter__(self) -> Iterator[Entity]: ...
    def to_dict(self) -> dict[str, Any]:
        """`{"entities": [...], "links": [...]}`."""

def extract(
    text: str,
    *,
    reference_date: ReferenceDate = None,
    normalize: bool = False,
    names: bool = True,
) -> Extraction:
    """Dates and times, document references, quantities, persons, titles,
    organizations, places and credits, with their links.

    `reference_date` (a `datetime.date` or `"YYYY-MM-DD"`) gives partial
    dates their year; `normalize=True` reads the text normalized, offsets
    still into the text given; `names=False` reads dates, documents and
    quantities only (no persons, titles, organizations, places or credits),
    in about half the time.

    Raises `ValueError` for a bad ISO date, `TypeError` for a
    `reference_date` of another type."""

def extract_many(
    texts: Iterable[str],
    *,
    threads: Optional[int] = None,
    reference_date: ReferenceDate = None,
    normalize: bool = False,
    names: bool = True,
) -> list[Extraction]:
    """`extract` over many texts on `threads` threads (every core by
    default), the GIL released; results in input order. Ctrl-C stops it
    between runs of about 64 KB.

    Raises as `tokenize_many` does for `texts` and `threads`, and as
    `extract` does for `reference_date`."""
