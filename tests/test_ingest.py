"""Ingest: every input becomes a Document with a status and a reason."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from framing.ingest import finish_html, headline, iter_documents
from framing.model import ERROR, OK

STORY = "Harbour Deal Signed in Port Elin\nThe port authority signed the lease on Monday, its chair said.\n"


def docs(*paths, **kw):
    return list(iter_documents([str(p) for p in paths], **kw))


def test_txt_file_title_and_source_from_stem(tmp_path):
    f = tmp_path / "wire-story.txt"
    f.write_text(STORY, encoding="utf-8")
    (d,) = docs(f)
    assert d.status == "ok" and d.source == "wire-story" and d.title == "Harbour Deal Signed in Port Elin"


def test_folder_recursive_source_from_subfolder_in_stable_order(tmp_path):
    for outlet in ("b-times", "a-wire"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    got = docs(tmp_path)
    assert [(d.id, d.source) for d in got] == [("a-wire/one", "a-wire"), ("b-times/one", "b-times")]


def test_folder_walk_gives_the_order_of_sorted_full_paths(tmp_path):
    # "a-c/" sorts before "a/" as a path ("-" < "/") though "a" < "a-c" as a name.
    names = ["a/b.txt", "a-c/x.txt", "a.txt", "ab.txt", "a/z/y.txt", "A/q.txt", "a/b.md"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(STORY, encoding="utf-8")
    from framing.ingest import walk_files

    expected = sorted((p for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".txt"), key=lambda p: p.as_posix())
    assert list(walk_files(tmp_path)) == expected
    assert [d.id for d in docs(tmp_path)] == ["A/q", "a-c/x", "a", "a/b", "a/z/y", "ab"]


def test_folder_walk_does_not_follow_folder_symlinks(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "real" / "loop").symlink_to(tmp_path)
    assert [d.id for d in docs(tmp_path)] == ["real/one"]


def test_source_override(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text(STORY, encoding="utf-8")
    assert docs(f, source="Ledger")[0].source == "Ledger"


def test_bom_and_crlf(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffTitle Line Here Now\r\nBody text, said the clerk.\r\n".encode("utf-8"))
    (d,) = docs(f)
    assert d.text.startswith("Title") and "\r" not in d.text and not d.warnings


def test_other_encoding_is_detected_with_a_warning(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Le ministre a déclaré que la réforme était « nécessaire » pour l'économie française.\n".encode("cp1252") * 3)
    (d,) = docs(f)
    assert d.status == "ok" and "déclaré" in d.text
    assert d.warnings and "not UTF-8" in d.warnings[0]


def test_binary_file_is_an_error_with_reason(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d,) = docs(f)
    assert d.status == "error" and "binary" in d.error


def test_empty_file_is_skipped(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("  \n\n", encoding="utf-8")
    (d,) = docs(f)
    assert d.status == "skipped" and d.error == "empty file"


def test_missing_path_is_an_error_record(tmp_path):
    (d,) = docs(tmp_path / "nope.txt")
    assert d.status == "error" and "no such file" in d.error


def test_unsupported_suffix_given_directly(tmp_path):
    f = tmp_path / "a.pdf"
    f.write_bytes(b"%PDF-1.4")
    (d,) = docs(f)
    assert d.status == "error" and "unsupported" in d.error


def test_jsonl_collection_with_metadata_bad_lines_and_missing_text(tmp_path):
    f = tmp_path / "c.jsonl"
    rows = [
        json.dumps({"id": "a1", "source": "Ledger", "title": "T", "url": "http://x", "date": "2024-06-18", "text": "Body one, the mayor said."}),
        "{not json",
        json.dumps({"id": "a3"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": ""}),
    ]
    f.write_text("\n".join(rows) + "\n", encoding="utf-8")
    got = docs(f)
    assert [d.status for d in got] == ["ok", "error", "error", "error", "skipped"]
    assert got[0].source == "Ledger" and got[0].date == "2024-06-18" and got[0].url == "http://x"
    assert "invalid JSON" in got[1].error and "column 2" in got[1].error and got[1].id == "c:2"
    assert "no 'text'" in got[2].error
    assert "JSON object" in got[3].error


def test_csv_collection_and_missing_text_column(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text('id,source,text\nx1,Wire,"A story, with a comma."\nx2,Wire,Second story.\n', encoding="utf-8")
    got = docs(good)
    assert [(d.id, d.source, d.status) for d in got] == [("x1", "Wire", "ok"), ("x2", "Wire", "ok")]
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,hello\n", encoding="utf-8")
    (d,) = docs(bad)
    assert d.status == "error" and "no 'text' column" in d.error


def test_stdin():
    stream = io.TextIOWrapper(io.BytesIO(STORY.encode("utf-8")), encoding="utf-8")
    (d,) = list(iter_documents(["-"], stdin=stream))
    assert d.id == "stdin" and d.status == "ok" and d.text == STORY


def test_html_keeps_all_visible_text_and_main_text(tmp_path):
    page = """<html><head><title>Dam Vote Passes</title><script>var x = 1;</script></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Dam Vote Passes</h1>
    <p>The regional assembly approved the dam on Tuesday after a long debate, its speaker said.</p>
    <p>Opponents said the reservoir would flood three villages and promised to appeal the decision.</p>
    <p>The builders expect construction to begin next spring if the courts allow it.</p></article>
    <footer>Copyright 2024 Example Media. All rights reserved.</footer></body></html>"""
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    (d,) = docs(f)
    assert d.status == "ok" and d.title == "Dam Vote Passes"
    assert "Home" in d.text and "Copyright 2024" in d.text and "var x" not in d.text
    assert d.main_text and "regional assembly" in d.main_text and "Copyright" not in d.main_text


def test_headline_rules():
    assert headline("Short Title Here\nBody.") == "Short Title Here"
    assert headline("By Jane Roe\nBody.") is None
    assert headline("A full sentence that ends with a period.\nBody.") is None
    assert headline("Only line") is None


def test_deferred_html_is_read_not_extracted_and_finishes_as_the_eager_document(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><head><title>Ferry Fares Rise</title></head><body><nav>Home</nav>"
        "<p>The ferry operator raised fares by a tenth on Monday, its chief said.</p>"
        "<p>Commuters said the rise would hurt families who cross daily.</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "b.htm").write_text("<html><body><script>var hidden = 1;</script></body></html>", encoding="utf-8")
    (tmp_path / "c.html").write_bytes(b"\x00\x01binary" * 20)
    (tmp_path / "d.txt").write_text("Plain Text Headline Here\nThe council met.\n", encoding="utf-8")
    eager = list(iter_documents([str(tmp_path)]))
    deferred = list(iter_documents([str(tmp_path)], defer_html=True))
    a, b, c, d = deferred
    # Pages that decode stay markup until a worker extracts them; unreadable ones and
    # other formats are final at once.
    assert a.html_pending and a.text.startswith("<html>") and a.title is None and a.main_text is None
    assert b.html_pending and b.status == "ok"
    assert not c.html_pending and c.status == "error" and c == eager[2]
    assert not d.html_pending and d == eager[3]
    assert [finish_html(x) for x in deferred] == eager
    assert eager[1].status == "skipped" and eager[1].error == "HTML page has no visible text"


def test_a_folder_lists_broken_links_and_pipes_as_errors_instead_of_dropping_them(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The board met on Monday and approved the fares.", encoding="utf-8")
    (corpus / "b.txt").symlink_to(tmp_path / "gone.txt")  # the target was deleted
    os.mkfifo(corpus / "c.txt")  # reading it would block for ever
    docs = {d.id: d for d in iter_documents([str(corpus)])}
    assert set(docs) == {"a", "b", "c"}
    assert docs["a"].status == OK
    assert docs["b"].status == ERROR and "cannot read" in docs["b"].error
    assert docs["c"].status == ERROR and "not a regular file" in docs["c"].error
    # Given directly, a pipe is named for what it is, not "no such file".
    [direct] = iter_documents([str(corpus / "c.txt")])
    assert direct.status == ERROR and "not a regular file" in direct.error


def test_unreadable_file_is_an_error_record_and_the_rest_is_read(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("The board met on Monday and approved the fares.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ferry fares will rise in May, the board said.", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    docs = list(iter_documents([str(tmp_path)]))
    assert [(d.id, d.status) for d in docs] == [("a", ERROR), ("b", OK)]
    assert docs[0].error == "cannot read: Permission denied"


def test_a_folder_without_article_files_is_a_skipped_record(tmp_path):
    """Pointing at the wrong folder must not end in an empty output and success."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text("# Fares\n\nThe board raised fares.\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    got = list(iter_documents([str(tmp_path / "notes"), str(tmp_path / "empty")]))
    assert [(d.id, d.status) for d in got] == [("notes", "skipped"), ("empty", "skipped")]
    assert "no .txt, .html, .jsonl or .csv files" in got[0].error


def test_stdin_as_a_jsonl_collection():
    """`zcat corpus.jsonl.gz | framing score - --stdin-format jsonl`: one record per line."""
    lines = '{"id": "a", "text": "The board raised fares."}\n{"id": "b", "text": broken\n'
    stream = io.TextIOWrapper(io.BytesIO(lines.encode("utf-8")), encoding="utf-8")
    got = list(iter_documents(["-"], stdin=stream, stdin_format="jsonl"))
    assert [(d.id, d.status, d.source) for d in got] == [("a", "ok", "stdin"), ("stdin:2", "error", "stdin")]
    assert got[0].path == "stdin:1"


@pytest.mark.parametrize(
    "text",
    [
        "The señor said the plan was naïve, and the café stayed shut.\n",
        "Prices rose 5€ – a “big” jump, said the mayor’s aide.\n",
    ],
)
def test_short_western_text_in_windows_1252_is_not_taken_for_a_central_european_code_page(tmp_path, text):
    # The detector alone read these as cp1250 ("seńor", "naďve") and cp852.
    f = tmp_path / "legacy.txt"
    f.write_bytes(text.encode("cp1252"))
    (d,) = docs(f)
    assert d.text == text and d.warnings == ("not UTF-8; decoded as cp1252",)


def test_text_mostly_in_another_script_is_left_to_the_detector(tmp_path):
    f = tmp_path / "cyrillic.txt"
    f.write_bytes("Министр заявил, что реформа необходима для экономики страны.\n".encode("cp1251") * 3)
    (d,) = docs(f)
    assert "Министр" in d.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_or_utf32_with_a_byte_order_mark_is_read(tmp_path, encoding):
    # Notepad's "Unicode": mostly ASCII with NUL bytes, which cp1252 would decode too (as noise).
    text = "The minister said the café would reopen on Monday.\n" * 3
    f = tmp_path / "wide.txt"
    f.write_bytes(text.encode(encoding))
    (d,) = docs(f)
    assert d.status == OK and d.text == text
