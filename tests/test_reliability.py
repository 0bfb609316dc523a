"""The bad-input catalogue: each case with its expected outcome."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from discourse import analyze, read_article
from discourse.io import OutputError, ensure_folder, safe_filename
from tests.text.test_spans import check_spans


def test_mixed_line_endings():
    art = read_article("Title\r\n\r\nFirst para. Still first.\r\rSecond para.\n\nThird para.")
    assert [p.text for p in art.paragraphs][1:] == [
        "First para. Still first.", "Second para.", "Third para."
    ]
    check_spans(art)


def test_ten_megabyte_line_without_punctuation():
    text = "word " * 2_000_000
    art = read_article(text)
    assert len(art.sentences) == 1
    assert art.sentences[0].end == len(text.rstrip())


@pytest.mark.slow
def test_fifty_megabyte_file_in_linear_time_and_memory(tmp_path):
    para = ("The minister said the talks would continue. \"We are ready,\" he added. "
            "Both sides met in Geneva on Jan. 5 at 9 a.m.\n\n")
    reps = 50_000_000 // len(para) + 1
    path = tmp_path / "big.txt"
    path.write_text(para * reps, encoding="utf-8")
    # A fresh process, so that its peak resident memory is this read's alone.
    code = ("import resource, sys; from discourse import read_article; "
            "art = read_article(sys.argv[1]); "
            "print(len(art.sentences), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, check=True)
    n_sentences, peak_kb = map(int, proc.stdout.split())
    assert n_sentences == 3 * reps
    # Memory is a constant multiple of the input (spans hold their text), not more.
    assert peak_kb * 1024 < 25 * path.stat().st_size


def test_zero_width_and_bidi_controls_are_kept():
    text = "Peace\u200b talks \u202eresumed\u202c. Both\u2066 sides met.\u2069"
    art = read_article(text)
    assert [s.text for s in art.sentences] == [
        "Peace\u200b talks \u202eresumed\u202c.", "Both\u2066 sides met.\u2069"
    ]
    check_spans(art)


def test_very_long_word():
    text = "The code " + "x" * 100_000 + " was sent. It failed."
    art = read_article(text)
    assert len(art.sentences) == 2


def test_only_headings():
    art = read_article("# One\n\n## Two\n\n## Three")
    assert art.title.text == "One"
    assert [s.heading.text for s in art.body_sections] == ["Two", "Three"]
    assert [s.sentences for s in art.body_sections] == [(), ()]
    check_spans(art)


def test_unmatched_and_nested_quotes_do_not_raise():
    text = ('He said "peace is \'near\' and. She left.\n\n'
            '“Nested ‘quotes’ here.” And an unmatched ” mark. Fine."')
    art = read_article(text)
    check_spans(art)
    assert len(art.sentences) >= 4


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to any folder")
def test_unwritable_output_folder(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    with pytest.raises(OutputError, match="not writable"):
        ensure_folder(locked)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc")
def test_output_folder_that_cannot_be_created_even_by_root():
    with pytest.raises(OutputError, match="cannot create"):
        analyze("Peace now.").save("/proc/self/discourse_out")


def test_output_folder_that_is_a_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot create"):
        analyze("Peace now.").save(blocker / "out")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("../../etc/passwd", "etc_passwd"), ("..", "document"), ("/abs/path", "abs_path"),
     ("a\x00b", "a_b"), ("Lavrov: «peace»", "Lavrov_peace")],
)
def test_names_from_input_are_sanitised(name, expected):
    assert safe_filename(name) == expected


def test_outputs_are_written_atomically_with_normal_permissions(tmp_path):
    import stat

    from discourse.io import write_text

    path = write_text(tmp_path / "out" / "a.txt", "done")
    assert path.read_text() == "done"
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_current_umask()
    assert [p.name for p in path.parent.iterdir()] == ["a.txt"]  # no temporary left


def test_interrupted_write_leaves_no_file(tmp_path):
    from discourse.io import atomic_write

    target = tmp_path / "table.csv"
    with pytest.raises(KeyboardInterrupt), atomic_write(target) as handle:
        handle.write("half a row")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
