"""Bad input never stops a load: every case is skipped with a problem, the rest loads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from viewer.core.ingest import folder_scan, safe_read
from viewer.core.ingest.folder_reader import list_folder, load_folder, read_document
from viewer.core.model import Document, Problem

GOOD = "Talks resumed in Geneva on Tuesday. Both sides met for six hours."


@pytest.fixture()
def bad_folder(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "nested" / "deeper").mkdir(parents=True)
    (tmp_path / "nested" / "deeper" / "good2.md").write_text("# Title\n\n" + GOOD)
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n \t\n")
    with (tmp_path / "huge.txt").open("wb") as fh:  # sparse: 50 MB without writing them
        fh.truncate(50 * 1024 * 1024)
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "nested", tmp_path / "nested" / "deeper" / "loop")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text(GOOD)
    return tmp_path


def kinds(problems: tuple[Problem, ...] | list[Problem]) -> dict[str, str]:
    return {p.path: p.kind for p in problems}


def test_bad_folder_loads_the_good_files(bad_folder: Path) -> None:
    scan = load_folder(bad_folder)
    assert sorted(d.relpath for d in scan.documents) == ["good.txt", "nested/deeper/good2.md"]
    assert kinds(scan.problems) == {
        "binary.txt": "binary",
        "blank.txt": "empty",
        "dangling.txt": "broken-link",
        "empty.txt": "empty",
        "huge.txt": "too-large",
        "nested/deeper/loop": "symlink-loop",
        "pipe.txt": "special",
    }
    assert scan.ignored == 2  # image.png, notes.docx; hidden files are passed over silently


def test_vanished_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    path.write_text(GOOD)
    listing = list_folder(tmp_path)
    path.unlink()
    result = read_document(tmp_path, listing.files[0])
    assert isinstance(result, Problem) and result.kind == "vanished"


def test_file_vanishing_between_stat_and_read(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(GOOD)

    def gone(path: Path, flags: int) -> int:
        raise FileNotFoundError(path)

    monkeypatch.setattr(safe_read, "_open", gone)
    result = read_document(tmp_path, tmp_path / "a.txt")
    assert isinstance(result, Problem) and result.kind == "vanished"


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the read fail as it would for a user
        real = safe_read._open

        def deny(path: Path, flags: int) -> int:
            if Path(path).name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, flags)

        monkeypatch.setattr(safe_read, "_open", deny)
    scan = load_folder(tmp_path)
    assert [d.relpath for d in scan.documents] == ["ok.txt"]
    assert kinds(scan.problems) == {"locked.txt": "permission"}


def test_unlistable_subfolder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.txt").write_text(GOOD)
    (tmp_path / "private").mkdir()
    real = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "private":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(folder_scan.os, "scandir", scandir)
    scan = load_folder(tmp_path)
    assert [d.relpath for d in scan.documents] == ["ok.txt"]
    assert kinds(scan.problems) == {"private": "permission"}


@pytest.mark.parametrize(
    ("data", "encoding", "fallback"),
    [
        ("Kyiv’s talks resumed.".encode(), "utf-8", False),
        (b"\xef\xbb\xbf" + "Kyiv’s talks resumed.".encode(), "utf-8", False),
        ("\ufeffKyiv’s talks resumed.".encode("utf-16-le"), "utf-16-le", False),
        ("\ufeffKyiv’s talks resumed.".encode("utf-16-be"), "utf-16-be", False),
        ("Kyiv’s talks resumed – café.".encode("cp1252"), "cp1252", True),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, encoding: str, fallback: bool) -> None:
    (tmp_path / "a.txt").write_bytes(data)
    doc = read_document(tmp_path, tmp_path / "a.txt")
    assert isinstance(doc, Document)
    assert doc.encoding == encoding
    assert "\ufeff" not in doc.text
    assert "talks resumed" in doc.text
    assert any(p.kind == "encoding" for p in doc.problems) == fallback
    if fallback:
        assert doc.text == "Kyiv’s talks resumed – café."


def test_newlines_normalised(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Headline\r\n\r\nFirst line.\rSecond line.\r\n")
    doc = read_document(tmp_path, tmp_path / "a.txt")
    assert isinstance(doc, Document)
    assert "\r" not in doc.text
    assert [doc.sentence_text(s) for s in doc.sentences] == [
        "Headline", "First line.", "Second line."]


def test_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    scan = load_folder(tmp_path / "nope")
    assert scan.documents == ()
    assert [p.kind for p in scan.problems] == ["unreadable"]
