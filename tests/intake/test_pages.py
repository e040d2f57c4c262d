"""Reading pages off disk when the input is bad: each bad file, line or folder entry is named
with its reason, and what can be read still is (``foidesk.intake.pages``)."""

import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from foidesk.intake.pages import Page, Repeated, Unreadable, decode_bytes, read_pages, shown

TEXT = "Request\n1. How many drones?\nResponse\nThe force has 4 drones."


def line(**fields) -> str:
    return json.dumps({"text": TEXT, **fields}) + "\n"


def read(*paths, **options) -> tuple[dict[str, Page], dict[str, str]]:
    items = list(read_pages(paths, **options))
    pages = {i.source: i for i in items if isinstance(i, Page)}
    failures = {i.source: i.reason for i in items if isinstance(i, Unreadable)}
    return pages, failures


def test_json_that_python_cannot_read_fails_its_line_alone(tmp_path):
    log = tmp_path / "log.jsonl"
    log.write_text(
        line(id="a")
        + '{"id": '
        + "9" * 5000
        + ', "text": "x"}\n'
        + "[" * 100_000
        + "]" * 100_000
        + "\n"
        + line(id="d"),
        encoding="utf-8",
    )

    pages, failures = read(log)

    assert sorted(p.id for p in pages.values()) == ["a", "d"]
    assert failures == {
        f"{log}:2": "not JSON that can be read (ValueError)",
        f"{log}:3": "not JSON that can be read (RecursionError)",
    }


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"id": "x\ud800"}, '"id" has an unpaired UTF-16 surrogate (\\ud800)'),
        ({"title": "bad \udc80 title"}, '"title" has an unpaired UTF-16 surrogate (\\udc80)'),
        ({"url": "http://x/\udc80"}, '"url" has an unpaired UTF-16 surrogate (\\udc80)'),
        ({"text": TEXT + "\udc80"}, '"text" has an unpaired UTF-16 surrogate (\\udc80)'),
        ({"text": TEXT + "\u0000"}, '"text" has NUL characters'),
        ({"title": "a\u0000b"}, '"title" has NUL characters'),
    ],
)
def test_text_the_database_cannot_keep_fails_its_line(tmp_path, fields, reason):
    log = tmp_path / "log.jsonl"
    # json.dumps writes the surrogate as an escape, as a real file would carry it.
    log.write_text(line(id="ok") + line(**{"id": "bad", **fields}), encoding="utf-8")

    pages, failures = read(log)

    assert [p.id for p in pages.values()] == ["ok"]
    [(source, got)] = failures.items()
    assert source.startswith(f"{log}:2") and got == reason


def test_a_nul_late_in_a_plain_file_is_binary(tmp_path):
    late = tmp_path / "late.txt"
    late.write_bytes(TEXT.encode() + b" " * 70_000 + b"\x00end")

    assert read(late)[1] == {str(late): "binary file"}


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (["a", "b"], '"id" must be text or a whole number'),
        ({"x": 1}, '"id" must be text or a whole number'),
        (True, '"id" must be text or a whole number'),
        (1.5, '"id" must be text or a whole number'),
        ("x" * 201, '"id" is longer than 200 characters'),
    ],
)
def test_ids_that_cannot_name_a_page(tmp_path, value, reason):
    log = tmp_path / "log.jsonl"
    log.write_text(line(id=value), encoding="utf-8")

    assert read(log)[1] == {f"{log}:1": reason}


def test_blank_ids_and_addresses_are_absent_and_numbers_are_ids(tmp_path):
    log = tmp_path / "log.jsonl"
    log.write_text(
        line(id=" ", url="  ")
        + line(id="\t", url="#top")
        + line(id=7, url=" https://x/7 ", title=["not", "text"]),
        encoding="utf-8",
    )

    pages, failures = read(log)

    assert failures == {}
    first, second, third = pages.values()
    assert (first.id, first.url, second.id, second.url) == (None, None, None, None)
    assert (third.id, third.url, third.title) == ("7", "https://x/7", None)
    assert third.notes == ('"title" is not text: left out',)


def test_an_id_used_twice_in_one_file_keeps_the_first(tmp_path):
    log = tmp_path / "log.jsonl"
    log.write_text(line(id="p1") + line(id="p2") + line(id="p1"), encoding="utf-8")

    pages, failures = read(log)

    assert [p.id for p in pages.values()] == ["p1", "p2"]
    assert failures == {f"{log}:3 (p1)": 'the same "id" as line 1: left out'}


@pytest.mark.parametrize(("encoding", "order"), [("utf-16-le", "little"), ("utf-16-be", "big")])
def test_utf_16_without_a_byte_order_mark_is_read_with_a_note(tmp_path, encoding, order):
    text = tmp_path / "page.txt"
    text.write_bytes((TEXT + " – £5, café").encode(encoding))
    html = tmp_path / "page.html"
    html.write_bytes(f"<html><body><h1>Drones</h1><p>{TEXT}</p></body></html>".encode(encoding))

    pages, failures = read(text, html)

    assert failures == {}
    note = f"no byte-order mark, and every other byte is zero: read as UTF-16 ({order}-endian)"
    assert (pages[str(text)].text, pages[str(text)].notes) == (TEXT + " – £5, café", (note,))
    assert (pages[str(html)].title, pages[str(html)].notes) == ("Drones", (note,))


def test_zero_bytes_that_are_not_utf_16_are_still_binary(tmp_path):
    scattered = tmp_path / "scattered.txt"
    scattered.write_bytes(b"Request\x00\x01\x00\x02" * 20)
    controls = tmp_path / "controls.txt"  # every other byte zero, but no text in the others
    controls.write_bytes(bytes(range(1, 32)).replace(b"", b"\x00")[1:] + b"\x00")

    assert read(scattered, controls)[1] == {
        str(scattered): "binary file",
        str(controls): "binary file",
    }


def test_a_json_line_in_utf_16_is_not_guessed(tmp_path):
    """JSON Lines are UTF-8 (https://jsonlines.org/), every line of them."""
    log = tmp_path / "log.jsonl"
    log.write_bytes(line(id="a").encode() + line(id="b").encode("utf-16-le"))

    pages, failures = read(log)

    assert [p.id for p in pages.values()] == ["a"]
    # (The UTF-16 line's last byte, after its "\n", is a line of its own.)
    assert set(failures.values()) == {"binary file"}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_json_lines_in_utf_16_are_refused_whole(tmp_path, encoding):
    log = tmp_path / "log.jsonl"
    log.write_text(line(id="a") + line(id="b"), encoding=encoding)

    assert read(log)[1] == {
        str(log): "JSON Lines must be UTF-8 (this file is UTF-16): save it as UTF-8"
    }


def test_an_over_long_line_is_refused_without_reading_it_whole(tmp_path):
    log = tmp_path / "log.jsonl"
    with log.open("w", encoding="utf-8") as f:
        f.write(line(id="a"))
        f.write('{"text": "' + "x" * 30_000_000 + '"}\n')
        f.write(line(id="c"))

    tracemalloc.start()
    try:
        pages, failures = read(log, max_bytes=1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert [p.id for p in pages.values()] == ["a", "c"]
    assert failures == {f"{log}:2": "too large (28.6 MB; limit 1 MB)"}
    assert peak < 8 * 1024 * 1024  # a few pieces of the line at a time, never all 30 MB


def test_an_empty_json_lines_file_is_named(tmp_path):
    log = tmp_path / "log.jsonl"
    log.write_text("\n\n", encoding="utf-8")

    assert read(log)[1] == {str(log): "empty file (no JSON lines in it)"}


def test_what_a_folder_holds_but_cannot_be_read_is_named(tmp_path):
    folder = tmp_path / "log"
    (folder / "sub").mkdir(parents=True)
    (folder / "ok.txt").write_text(TEXT, encoding="utf-8")
    (folder / "sub" / "also.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(folder / "pipe")
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "zero").symlink_to("/dev/zero")
    (folder / "elsewhere").symlink_to(tmp_path / "other")
    (tmp_path / "other").mkdir()
    (folder / ".hidden").mkdir()
    os.mkfifo(folder / ".hidden" / "pipe")

    pages, failures = read(folder)

    assert sorted(Path(s).name for s in pages) == ["also.txt", "ok.txt"]
    assert failures == {
        str(folder / "elsewhere"): "link to a folder (not followed: name the folder itself)",
        str(folder / "gone.txt"): "broken link (what it points to does not exist)",
        str(folder / "pipe"): "not a regular file",
        str(folder / "zero"): "not a regular file",
    }


def test_a_sub_folder_without_permission_is_named(tmp_path):
    folder = tmp_path / "log"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    (locked / "page.txt").write_text(TEXT, encoding="utf-8")
    (folder / "ok.txt").write_text(TEXT, encoding="utf-8")
    locked.chmod(0)
    # Root reads any folder: read as root without the capabilities that override permissions.
    drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []
    code = (
        "import json, sys\n"
        "from foidesk.intake.pages import read_pages\n"
        "items = read_pages(sys.argv[1:])\n"
        "print(json.dumps([[i.source, getattr(i, 'reason', None)] for i in items]))"
    )
    try:
        result = subprocess.run(  # noqa: S603 - fixed arguments
            [*drop, sys.executable, "-c", code, str(folder)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    finally:
        locked.chmod(0o755)

    assert json.loads(result.stdout) == [
        [str(locked), "cannot be read (Permission denied)"],
        [str(folder / "ok.txt"), None],
    ]


def test_an_empty_path_is_not_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")

    assert read("", "  ") == (
        {},
        {
            "''": "empty path (no file or folder named)",
            "'  '": "empty path (no file or folder named)",
        },
    )


def test_a_file_name_that_is_not_utf_8_is_named_and_left(tmp_path):
    folder = tmp_path / "log"
    folder.mkdir()
    odd = os.fsdecode(os.fsencode(folder) + b"/bad\xffname.txt")
    Path(odd).write_text(TEXT, encoding="utf-8")
    newline = folder / "two\nlines.txt"
    newline.write_text(TEXT, encoding="utf-8")

    pages, failures = read(folder)

    assert failures == {f"{folder}/bad\\xffname.txt": "the file name is not UTF-8: rename the file"}
    assert list(pages) == [f"{folder}/two\\nlines.txt"]
    assert shown(newline) == f"{folder}/two\\nlines.txt"


def test_a_declared_character_set_that_garbles_the_page_is_not_trusted():
    html = b'<html><head><meta charset="utf-16"></head><body><p>Request</p></body></html>'

    text, notes = decode_bytes(html, declared="utf-16")

    assert text.startswith("<html>") and notes == ()


@pytest.mark.parametrize(
    "charset",
    ["undefined", "unicode_escape", "raw_unicode_escape", "punycode", "idna", "utf-7", "rot13"],
)
def test_a_declared_character_set_no_page_is_in_is_unknown(tmp_path, charset):
    """Python's own codecs are not a page's character set: "unicode_escape" read the page's
    backslashes as escapes, "undefined" stopped the page being read at all."""
    page = tmp_path / "page.html"
    html = f'<html><head><meta charset="{charset}"></head><body><p>{TEXT} C:\\new café</p>'
    page.write_bytes(html.encode())

    pages, failures = read(page)

    assert failures == {}
    assert pages[str(page)].text == TEXT.replace("\n", " ") + " C:\\new café"
    assert pages[str(page)].notes == ()


def test_html_the_parser_gives_up_on_fails_alone(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><body><p>1. Staff <![ see note ]></p></body></html>", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    log = tmp_path / "c.jsonl"
    log.write_text(line(id="x", text="<html><body><![ oops ]></body></html>") + line(id="y"))

    pages, failures = read(tmp_path)

    assert sorted(Path(s).name for s in pages) == ["b.txt", "c.jsonl:2 (y)"]
    assert failures == {
        str(tmp_path / "a.html"): "the HTML could not be read (AssertionError)",
        f"{log}:1 (x)": "the HTML could not be read (AssertionError)",
    }


def test_a_folder_is_read_folder_by_folder_in_name_order(tmp_path):
    (tmp_path / "2023").mkdir()
    (tmp_path / "2023" / "p.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "2023-01.txt").write_text(TEXT, encoding="utf-8")

    pages, _ = read(tmp_path)

    assert list(pages) == [str(tmp_path / "2023" / "p.txt"), str(tmp_path / "2023-01.txt")]


def test_a_file_named_more_than_once_is_read_once(tmp_path, monkeypatch):
    """However it was named again: the same path, a link, a hard link, a folder holding it, the
    folder itself again or by another path. A hidden sub-folder, which reading its folder left
    out, is read when named."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "log" / "sub").mkdir(parents=True)
    (tmp_path / "log" / ".drafts").mkdir()
    for name in ("log/a.txt", "log/sub/b.txt", "log/.drafts/c.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "log" / "a.txt")
    os.link(tmp_path / "log" / "sub" / "b.txt", tmp_path / "hard.txt")

    items = list(
        read_pages(
            ["log/a.txt", "./log/a.txt", "link.txt", "log", "log/sub", "hard.txt"]
            + ["log/.drafts", str(tmp_path / "log") + "/"]
        )
    )

    assert [i.source for i in items if isinstance(i, Page)] == [
        "log/a.txt",
        "log/sub/b.txt",
        "log/.drafts/c.txt",
    ]
    assert [i.message for i in items if isinstance(i, Repeated)] == [
        "log/a.txt was given more than once; read once",
        "link.txt was given more than once (as log/a.txt); read once",
        "log/a.txt was given more than once; read once",
        "log/sub was given more than once (in log); read once",
        "hard.txt was given more than once (as log/sub/b.txt); read once",
        f"{tmp_path}/log was given more than once (as log); read once",
    ]


def test_a_folder_named_after_one_inside_it_reads_the_rest(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(TEXT, encoding="utf-8")

    items = list(read_pages([tmp_path / "sub", tmp_path]))

    assert [(type(i), i.source) for i in items] == [
        (Page, str(tmp_path / "sub" / "b.txt")),
        (Page, str(tmp_path / "a.txt")),
        (Repeated, str(tmp_path / "sub")),
    ]
