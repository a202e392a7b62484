"""The Python API of vitext: every function, the offset rule, the errors,
and the batch calls from several threads."""

import datetime
import gc
import random
import threading
import unicodedata
from concurrent.futures import ThreadPoolExecutor

import pytest

import vitext

MEETING = (
    "Sáng 10.1, đồng chí Nguyễn Văn Hòa - Ủy viên Ban Thường vụ Tỉnh ủy, "
    "Trưởng Ban Tổ chức Tỉnh ủy chủ trì hội nghị triển khai Kết luận số "
    "01-KL/TW ngày 18.5.2021 của Bộ Chính trị; tỷ lệ đạt 98,4%, 71/72 chi bộ."
)

# Emoji and other astral characters, combining marks, CJK, right-to-left
# text and a zero-width joiner: code points and UTF-8 bytes differ in every
# way they can.
TRICKY = (
    "😀👨‍👩‍👧 Ông Nguye\u0302\u0303n Văn An (37 tuổi) 𝔘𝔫𝔦 — 中文 العربية, "
    "chiều 12.5 tại TP.HCM, 98,4% 🇻🇳 e\u0301 ngày 18.5.2021 Bà Trần Thị Mai 💥"
)


def check_offsets(text, items):
    for item in items:
        assert text[item.start : item.end] == item.text, (item, text)


# ---------------------------------------------------------------- normalize


def test_normalize_repairs_decomposed_text_misplaced_marks_and_look_alikes():
    assert vitext.normalize("Tie\u0302\u0301ng Vie\u0323\u0302t, Ðaị hoc̣") == "Tiếng Việt, Đại học"
    assert vitext.normalize("baì") == "bài"


def test_normalize_places_tones_in_the_style_asked():
    assert vitext.normalize("hoà thuỷ", tone="traditional") == "hòa thủy"
    assert vitext.normalize("hòa thủy", tone="modern") == "hoà thuỷ"
    assert vitext.normalize("hòa hoà") == "hòa hoà"


def test_normalize_returns_the_same_object_when_nothing_changes():
    text = "Tiếng Việt " * 3
    assert vitext.normalize(text) is text
    assert vitext.is_normalized(text)
    assert not vitext.is_normalized("Tie\u0302\u0301ng")


def test_normalize_rejects_an_unknown_tone_by_name():
    with pytest.raises(ValueError, match="unknown tone placement 'new'"):
        vitext.normalize("hòa", tone="new")


def test_fold_strips_tones_and_letters_or_tones_only():
    assert vitext.fold("Đảng Cộng sản") == "Dang Cong san"
    assert vitext.fold("Đảng", mode="tones") == "Đang"
    assert vitext.fold("Ha Noi") == "Ha Noi"
    with pytest.raises(ValueError, match="expected \"full\" or \"tones\""):
        vitext.fold("Đảng", mode="all")


# ------------------------------------------------------------------- decode


def test_decode_detects_legacy_bytes_and_reads_utf8_as_is():
    assert vitext.decode(b"B\xb6o Th\xbeng") == "Bảo Thắng"
    assert vitext.decode(b"Vi\xea\xf2t Nam", encoding="cp1258") == "Việt Nam"
    assert vitext.decode(b"Tie^'ng Vie^.t", encoding="viqr") == "Tiếng Việt"
    assert vitext.decode("Hà Nội".encode()) == "Hà Nội"


def test_strict_decode_raises_unicode_decode_error_at_the_byte():
    data = b"Windows-1258 leaves \x8a undefined"
    with pytest.raises(UnicodeDecodeError) as caught:
        vitext.decode(data, encoding="cp1258")
    assert (caught.value.start, caught.value.end) == (20, 21)
    assert caught.value.encoding == "cp1258"
    assert vitext.decode(data, encoding="cp1258", errors="replace") == (
        "Windows-1258 leaves \ufffd undefined"
    )


def test_decode_errors_name_what_is_wrong():
    with pytest.raises(ValueError, match="unknown encoding 'latin-9'"):
        vitext.decode(b"abc", encoding="latin-9")
    with pytest.raises(ValueError, match="expected \"strict\" or \"replace\""):
        vitext.decode(b"abc", errors="ignore")
    with pytest.raises(UnicodeDecodeError, match="no legacy Vietnamese encoding fits") as caught:
        vitext.decode(b"ok \xff\xfe\x00")
    assert caught.value.start == 3
    with pytest.raises(TypeError, match="bytes-like"):
        vitext.decode("not bytes")


def test_decode_and_detect_take_any_bytes_like_object():
    data = b"B\xb6o Th\xbeng"
    for form in (bytearray(data), memoryview(data)):
        assert vitext.decode(form) == "Bảo Thắng"
        assert vitext.detect(form).encoding == "tcvn3"
    assert vitext.detect(data).to_dict()["encoding"] == "tcvn3"


def test_repair_turns_mojibake_back_and_leaves_unicode_alone():
    assert vitext.repair("B¶o Th¾ng") == "Bảo Thắng"
    assert vitext.repair("Xin chaøo caùc baïn", encoding="vni") == "Xin chào các bạn"
    text = "Chủ tịch nước tiếp đoàn đại biểu"
    assert vitext.repair(text) is text
    with pytest.raises(ValueError, match="index 6"):
        vitext.repair("Vi\u00ea\u00f2t \u008a", encoding="cp1258")
    assert vitext.repair("Vi\u00ea\u00f2t \u008a", encoding="cp1258", errors="replace") == "Việt \ufffd"


def test_detect_names_the_encoding_of_bytes_or_mojibake():
    found = vitext.detect("Chñ tÞch n\u00adíc tiÕp ®oµn ®¹i biÓu")
    assert found.encoding == "tcvn3"
    assert 0 < found.confidence <= 1
    assert "tcvn3" in repr(found)
    assert vitext.detect(b"B\xb6o Th\xbeng").encoding == "tcvn3"
    assert vitext.detect("The committee met on Tuesday.") is None
    with pytest.raises(TypeError, match="bytes"):
        vitext.detect(42)


# ----------------------------------------------------------------- tokenize


def test_tokens_of_news_stay_whole_with_their_kinds():
    text = "Ngày 18.5.2021, Kết luận 01-KL/TW: 98,4% tại TP.HCM lúc 14:40."
    tokens = vitext.tokenize(text)
    by_text = {t.text: t.kind for t in tokens}
    assert by_text["18.5.2021"] == "day_month_year"
    assert by_text["01-KL/TW"] == "doc_code"
    assert by_text["98,4%"] == "percent"
    assert by_text["TP.HCM"] == "abbreviation"
    assert by_text["14:40"] == "time"
    assert by_text["Ngày"] == "syllable"
    check_offsets(text, tokens)
    assert tokens[0].to_dict() == {"text": "Ngày", "kind": "syllable", "start": 0, "end": 4}
    assert repr(tokens[0]) == "Token(text='Ngày', kind='syllable', start=0, end=4)"


def test_tokens_and_extractions_index_and_slice_as_lists_do():
    from collections.abc import Sequence

    tokens = vitext.tokenize(MEETING)
    found = vitext.extract(MEETING)
    for seq, key in ((tokens, lambda t: (t.text, t.kind, t.start, t.end)), (found, lambda e: (e.text, e.kind, e.start))):
        assert isinstance(seq, Sequence)
        whole = [key(x) for x in seq]
        assert len(whole) == len(seq) > 5
        n = len(seq)
        for i in (0, 1, n - 1, -1, -n):
            assert key(seq[i]) == whole[i]
        for bad in (n, -n - 1):
            with pytest.raises(IndexError):
                seq[bad]
        for sl in (slice(None), slice(2, 5), slice(None, None, -1), slice(-3, None), slice(5, 1, -2), slice(1, 100, 3), slice(4, 2)):
            assert [key(x) for x in seq[sl]] == whole[sl], sl
        with pytest.raises(TypeError):
            seq["0"]
    assert "tokens" in repr(tokens)


def test_token_offsets_are_string_indices_on_tricky_text():
    tokens = vitext.tokenize(TRICKY)
    check_offsets(TRICKY, tokens)
    assert any(t.kind == "emoji" for t in tokens)
    # Tokens cover the text in order, without overlap.
    ends = [(t.start, t.end) for t in tokens]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))


def test_offsets_hold_on_random_mixtures_of_scripts_and_marks():
    pieces = [
        "Hà", "Nội", "😀", "e\u0301", "\u0303", "𝔘", "中", "ا", " ", "  ", "\n", "18.5.2021",
        "98,4%", "ông", "Nguyễn", "Văn", "An", ",", "(", ")", "-", "\u200b", "TP.HCM", "x",
    ]
    rng = random.Random(20261204)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        check_offsets(text, vitext.tokenize(text))
        found = vitext.extract(text, normalize=rng.random() < 0.5)
        check_offsets(text, found)


# ------------------------------------------------------------------ extract


def test_extract_finds_dates_documents_quantities_people_and_titles():
    found = vitext.extract(MEETING)
    kinds = [(e.kind, e.text) for e in found]
    assert ("date", "Sáng 10.1") in kinds
    assert ("person", "Nguyễn Văn Hòa") in kinds
    assert ("title", "Trưởng Ban Tổ chức Tỉnh ủy") in kinds
    assert ("doc_ref", "Kết luận số 01-KL/TW") in kinds
    assert ("quantity", "98,4%") in kinds
    check_offsets(MEETING, found)

    date = next(e for e in found if e.kind == "date")
    assert date.value["month"] == 1 and date.value["day"] == 10
    assert date.value["part_of_day"] == "morning"
    share = next(e for e in found if e.text == "98,4%")
    assert share.value == {"kind": "percent", "value": 98.4}
    ratio = next(e for e in found if e.text.startswith("71/72"))
    assert ratio.value["denominator"] == 72


def test_spans_inside_values_are_string_indices_too():
    found = vitext.extract(TRICKY)
    check_offsets(TRICKY, found)
    person = next(e for e in found if e.kind == "person" and "An" in e.text)
    family = person.value["family"]
    assert unicodedata.normalize("NFC", TRICKY[family["start"] : family["end"]]) == "Nguyễn"
    honorific = person.value["honorific"]
    assert TRICKY[honorific["start"] : honorific["end"]] == "Ông"


def test_links_tie_a_person_to_their_titles():
    found = vitext.extract(MEETING)
    holds = [l for l in found.links if l.kind == "holds"]
    assert holds
    held = {found[l.target].text for l in holds if found[l.source].text == "Nguyễn Văn Hòa"}
    assert held == {"Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy"}
    for link in found.links:
        assert 0 <= link.source < len(found) and 0 <= link.target < len(found)
        assert set(link.to_dict()) == {"kind", "source", "target"}


def test_extraction_reads_as_a_sequence_and_as_a_dict():
    found = vitext.extract(MEETING)
    assert len(found) == len(found.entities) == len(list(found))
    assert found[-1].text == found.entities[-1].text
    assert found[-len(found)].text == found[0].text
    assert [e.text for e in found[1:3]] == [e.text for e in found.entities[1:3]]
    with pytest.raises(IndexError):
        found[len(found)]
    with pytest.raises(IndexError):
        found[-len(found) - 1]
    from collections.abc import Sequence

    assert isinstance(found, Sequence)
    d = found.to_dict()
    assert [e["text"] for e in d["entities"]] == [e.text for e in found]
    assert set(d["entities"][0]) == {"kind", "text", "start", "end", "value", "within"}
    inner = [e for e in found if e.within is not None]
    assert inner and all(found[e.within].start <= e.start and e.end <= found[e.within].end for e in inner)
    assert "entities" in repr(found)


def test_reference_date_gives_partial_dates_their_year():
    text = "Chiều 14.5, đoàn công tác lên đường."
    for reference in (datetime.date(2024, 5, 1), "2024-05-01", datetime.datetime(2024, 5, 1, 8)):
        date = vitext.extract(text, reference_date=reference)[0]
        assert date.value["assumed_year"] == 2024
    assert "assumed_year" not in vitext.extract(text)[0].value
    with pytest.raises(ValueError, match="reference_date 2024-02-31"):
        vitext.extract(text, reference_date="2024-02-31")
    with pytest.raises(TypeError, match="reference_date"):
        vitext.extract(text, reference_date=20240501)

    class LooksLikeADate:
        year, month, day = 2024, 13, 40

    with pytest.raises(TypeError, match="reference_date"):
        vitext.extract(text, reference_date=LooksLikeADate())


def test_normalize_option_reads_decomposed_text_with_offsets_into_the_original():
    raw = "Sa\u0301ng 10.1, ông Nguye\u0302\u0303n Văn An đến HÐND tỉnh."
    found = vitext.extract(raw, normalize=True)
    assert [e.text for e in found][:2] == ["Sa\u0301ng 10.1", "Nguye\u0302\u0303n Văn An"]
    check_offsets(raw, found)


def test_names_false_reads_dates_documents_and_quantities_only():
    full = vitext.extract(MEETING)
    kinds = {e.kind for e in full}
    assert {"person", "title"} <= kinds
    first = vitext.extract(MEETING, names=False)
    assert first and {e.kind for e in first} <= {
        "date", "time", "datetime", "date_range", "doc_ref", "quantity"
    }
    kept = {(e.start, e.end, e.kind) for e in first}
    assert all((e.start, e.end, e.kind) in kept for e in full if e.kind in {"date", "doc_ref"})
    many = vitext.extract_many([MEETING, MEETING], names=False, threads=2)
    assert [r.to_dict() for r in many] == [first.to_dict()] * 2


# -------------------------------------------------------------------- batch


def test_batch_calls_match_single_calls_in_input_order():
    texts = [MEETING, "", TRICKY, "Hội chợ diễn ra từ 10-12/5.", MEETING[:40]] * 7
    for threads in (None, 1, 2, 3):
        many = vitext.extract_many(texts, threads=threads)
        assert [r.to_dict() for r in many] == [vitext.extract(t).to_dict() for t in texts]
        tokens = vitext.tokenize_many(texts, threads=threads)
        assert [[t.to_dict() for t in ts] for ts in tokens] == [
            [t.to_dict() for t in vitext.tokenize(x)] for x in texts
        ]
    assert vitext.extract_many([]) == [] and vitext.tokenize_many(iter([])) == []
    # More threads than texts, or than runs of text, are not started.
    assert len(vitext.tokenize_many(["x"] * 50, threads=1000)) == 50
    generated = vitext.extract_many((t for t in texts[:3]), threads=2)
    assert len(generated) == 3


def test_batch_calls_take_their_options_and_reject_bad_input():
    texts = ["Chiều 14.5, đoàn công tác lên đường."] * 3
    for r in vitext.extract_many(texts, reference_date="2024-05-01", threads=2):
        assert r[0].value["assumed_year"] == 2024
    with pytest.raises(ValueError, match="threads"):
        vitext.extract_many(texts, threads=0)
    with pytest.raises(TypeError, match="item 1 is not a str"):
        vitext.tokenize_many(["a", b"b"])
    with pytest.raises(TypeError):
        vitext.extract_many(42)
    with pytest.raises(TypeError, match="not a str"):
        vitext.tokenize_many("abc")
    with pytest.raises(ValueError, match="item 2 cannot be read"):
        vitext.extract_many(["a", "b", "lone \ud800 surrogate"])
    with pytest.raises(TypeError):
        vitext.extract_many(texts, 2)  # options are keyword-only

    def failing():
        yield "Hà Nội"
        raise RuntimeError("the corpus reader failed")

    with pytest.raises(RuntimeError, match="corpus reader"):
        vitext.extract_many(failing())


def test_batch_calls_from_several_python_threads_agree():
    texts = [MEETING, TRICKY, "Nghị định 100/2019/NĐ-CP có hiệu lực từ 1.1.2020."] * 40
    expected = [r.to_dict() for r in vitext.extract_many(texts, threads=1)]
    barrier = threading.Barrier(4)

    def work(threads):
        barrier.wait()
        return [r.to_dict() for r in vitext.extract_many(texts, threads=threads)]

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(work, [1, 2, 2, None]))
    assert all(r == expected for r in results)


def test_a_signal_stops_a_long_batch():
    """Ctrl-C (here SIGUSR1, sent by another process, with a handler of the
    test's own) is honoured between runs of a batch, not only at its end."""
    import os
    import signal
    import subprocess

    class Stop(Exception):
        pass

    def stop(signum, frame):
        raise Stop

    texts = [MEETING * 40] * 2000  # about 20 MB: seconds of work
    previous = signal.signal(signal.SIGUSR1, stop)
    try:
        for threads in (1, 2):
            kill = f"sleep 0.1; kill -USR1 {os.getpid()}"
            sender = subprocess.Popen(["sh", "-c", kill])
            try:
                with pytest.raises(Stop):
                    vitext.extract_many(texts, threads=threads)
            finally:
                sender.wait()
            assert gc.isenabled()
    finally:
        signal.signal(signal.SIGUSR1, previous)


def test_batch_calls_leave_the_garbage_collector_as_they_found_it():
    texts = [MEETING] * 200
    assert gc.isenabled()
    vitext.extract_many(texts)
    vitext.tokenize(MEETING * 100)
    assert gc.isenabled()
    gc.disable()
    try:
        vitext.extract_many(texts)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_version_and_exports():
    assert vitext.__version__.count(".") == 2
    for name in vitext.__all__:
        assert hasattr(vitext, name)


def test_type_stubs_match_the_module():
    """Every function in the stubs takes the runtime's parameters, with the
    same defaults, and every class has the stubs' attributes."""
    import ast
    import inspect
    from pathlib import Path

    stub = ast.parse((Path(vitext.__file__).parent / "__init__.pyi").read_text(encoding="utf-8"))
    functions = [n for n in stub.body if isinstance(n, ast.FunctionDef)]
    kinds = {"args": inspect.Parameter.POSITIONAL_OR_KEYWORD, "kwonlyargs": inspect.Parameter.KEYWORD_ONLY}
    classes = [n for n in stub.body if isinstance(n, ast.ClassDef)]
    assert {f.name for f in functions} | {c.name for c in classes} == set(vitext.__all__) - {"__version__"}
    for f in functions:
        runtime = inspect.signature(getattr(vitext, f.name)).parameters
        params = [(a.arg, kinds[k]) for k in kinds for a in getattr(f.args, k)]
        assert params == [(p.name, p.kind) for p in runtime.values()], f.name
        stub_defaults = f.args.defaults + [d for d in f.args.kw_defaults if d is not None]
        defaults = [ast.literal_eval(d) for d in stub_defaults]
        assert defaults == [p.default for p in runtime.values() if p.default is not p.empty], f.name
    for c in classes:
        for member in c.body:
            if isinstance(member, ast.FunctionDef):
                assert hasattr(getattr(vitext, c.name), member.name), f"{c.name}.{member.name}"
