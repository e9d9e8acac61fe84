"""Fuzzing with hostile folders: whatever a folder holds (random bytes, odd encodings, names
that are not UTF-8, links out of it, FIFOs, sparse giants, dates at the ends of the calendar,
broken sidecars and front matter), `docs`, `extract` and `export` never raise, never hang
(a call budget linear in the folder's bytes, not a clock) and never output bytes from outside
the folder."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.budget import linear_budget, within_budget
from viewer.cli import main
from viewer.core.events.document_events import DocumentEvents
from viewer.core.pipeline.folder_extraction import extract_folder

SECRET = "SECRET-7f3a9c"  # in a file beside the folder: must never reach an output
FRAGMENTS = [
    "Talks resumed on Monday in Geneva, officials said. ",
    "Russian forces launched strikes on Kyiv on Wednesday, and Ukraine will respond. ",
    "date 9999-12-31 ", "date 2026-02-18 ", "Date: 0001-01-01\n", "Date: 17 February 2026\n",
    "---\ndate: 2026-02-30\ntitle: x\n---\n", "---\ndate: 9999-12-31\n---\n",
    "On 31 December 9999 and in 9000 years, ", "a year before 0001-01-01, ",
    "next week, the day before, that week, earlier this year, ",
    "<html><head><meta name='date' content='9999-12-31'><title>t</title></head><p>x",
    "<script>alert(1)</script>", "# Heading\n\n* item\n", "\n\n", "\r\n", "\u2028", "\u202e",
    "will said Monday talks launched " * 80, "\x00", "\x1b[31m", "é ü 中文 ", "Nov. 25, U.S. ",
    "replace = true\n", "[x]\n", "titles = [\"Mr\"]\n",
    '{"periods": [{"name": "x", "start": "9999-12-31", "end": "0001-01-01"}]}',
]
NAME_PARTS = [b"a", b"b", b"z", b"0", b" ", b"\xff", b"\xc3\xa9", b"\x1b", b"\n", b"-", b"\\",
              b"[", b"]", b"=", b"#", b".", b"timeline-viewer.ini"]
TARGETS = ["secret-file", "secret-dir", "/", "/dev/zero", "/etc/passwd", "missing", "self",
           "inside", "parent"]


@dataclass(frozen=True)
class Entry:
    kind: str  # file, link, fifo, sparse, dir
    data: bytes = b""
    target: str = ""


RULES = [b".timeline-viewer/" + n for n in (b"boilerplate.toml", b"segmentation.toml",
                                            b"timex.toml", b"gazetteer.toml", b"topics.toml",
                                            b"people.toml", b"periods.json")]
plain_names = st.builds(
    lambda parts, suffix, sub: sub + b"".join(parts) + suffix,
    st.lists(st.sampled_from(NAME_PARTS), min_size=1, max_size=6),
    st.sampled_from([b".txt", b".md", b".html", b".htm", b".TXT", b"", b".bin", b".ini"]),
    st.sampled_from([b"", b"", b"sub/", b"sub/deeper/"]),
).filter(lambda n: not any(p in (b"", b".", b"..") for p in n.split(b"/")))
names = st.one_of(plain_names, plain_names, plain_names, st.sampled_from(RULES))
texts = st.builds(
    lambda parts, encoding: "".join(parts).encode(encoding, errors="replace"),
    st.lists(st.sampled_from(FRAGMENTS), max_size=10),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "utf-32"]),
)
entries = st.one_of(
    st.builds(Entry, st.just("file"), st.one_of(texts, texts, st.binary(max_size=600))),
    st.builds(Entry, st.just("link"), st.just(b""), st.sampled_from(TARGETS)),
    st.builds(Entry, st.sampled_from(["fifo", "sparse", "dir"])),
)
sidecars = st.one_of(
    st.none(), st.binary(max_size=200),
    st.builds(lambda lines: "\n".join(lines).encode("latin-1", errors="replace"),
              st.lists(st.sampled_from(
                  ["[a.txt]", "[sub/a.txt]", "[\\xff.txt]", "date = 9999-12-31",
                   "date = 2026-02-30", "date = 2026-02-18", "date = 0000-00-00",
                   "title = Caf\xe9", "# comment", "date=", "[", "= x"]), max_size=8)),
)
folders = st.tuples(st.dictionaries(names, entries, max_size=8), sidecars)


def build(base: Path, spec: tuple[dict[bytes, Entry], bytes | None]) -> tuple[Path, int]:
    """The hostile folder inside `base` (the secret beside it); returns it and its bytes."""
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET} was said on Monday in Geneva.\n")
    root = base / "folder"
    root.mkdir()
    files, sidecar = spec
    size = 0
    for raw, entry in files.items():
        path = Path(os.fsdecode(os.fsencode(root) + b"/" + raw))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            continue  # a file already took a parent's name
        if path.exists() or path.is_symlink():
            continue
        if entry.kind == "file":
            path.write_bytes(entry.data)
            size += len(entry.data)
        elif entry.kind == "dir":
            path.mkdir()
        elif entry.kind == "fifo":
            os.mkfifo(path)
        elif entry.kind == "sparse":
            with open(path, "wb") as fh:
                fh.truncate(40 * 1024 * 1024)
        else:
            target = {"secret-file": str(outside / "secret.txt"), "secret-dir": str(outside),
                      "missing": str(root / "missing.txt"), "self": str(path),
                      "inside": str(root), "parent": ".."}.get(entry.target, entry.target)
            path.symlink_to(target)
    side = root / "timeline-viewer.ini"
    if sidecar is not None and not (side.exists() or side.is_symlink()):
        side.write_bytes(sidecar)
        size += len(sidecar)
    return root, size


def run_cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")), deadline=None,
          derandomize=os.environ.get("CI") == "true",
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(folders)
def test_hostile_folders_never_raise_hang_or_leak(spec: tuple[dict[bytes, Entry],
                                                              bytes | None]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        root, size = build(base, spec)
        report = base / "report.html"
        outputs = []
        for args in (["docs", str(root)], ["extract", str(root), "--workers", "1"],
                     ["export", str(root), "--format", "html", "-o", str(report)]):
            (code, out, err), _calls = within_budget(lambda a=args: run_cli(a),
                                                     linear_budget(size))
            assert code == 0, (args, err)
            assert "Traceback" not in err
            outputs.append(out)
        outputs.append(report.read_text(encoding="utf-8"))
        shown: list[DocumentEvents] = []  # the window's path: cached, documents as they come
        result, _calls = within_budget(
            lambda: extract_folder(root, workers=1, progress=lambda _d, _t: None,
                                   on_document=shown.append), linear_budget(size))
        assert len(shown) == len(result.documents)
        outputs += [e.text for e in result.events]
        for text in outputs:
            assert SECRET not in text
            assert "root:x:0:0" not in text
