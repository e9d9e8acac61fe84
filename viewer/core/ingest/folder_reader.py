"""Turn a folder of articles into documents, never stopping on a bad file.

Every path that cannot become a document (unreadable, binary, empty, huge, vanished, a symlink
loop, a permission error) is recorded as a Problem against that path and the load goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from viewer.core.export.provenance import IGNORED_KIND, written_by_app
from viewer.core.ingest import boilerplate, segment
from viewer.core.ingest.date_evidence import date_by_folder, infer_from_evidence
from viewer.core.ingest.encoding import BinaryContent, decode
from viewer.core.ingest.folder_scan import SUPPORTED, scan_folder
from viewer.core.ingest.htmltext import html_to_text
from viewer.core.ingest.markdown import markdown_to_text
from viewer.core.ingest.metadata import DATE_KEYS, infer_date, read_embedded
from viewer.core.ingest.safe_read import read_bounded, relative_name
from viewer.core.ingest.sidecar import read_sidecar
from viewer.core.ingest.written_dates import parse_full_date
from viewer.core.model import DateSource, Document, FolderScan, Paragraph, Problem, Sentence
from viewer.core.resources import rule_problems

MAX_BYTES = 16 * 1024 * 1024
_TITLE_MAX = 150
_DATE_LINE_MAX = 60  # longer than any written date with its weekday and time


@dataclass(frozen=True, slots=True)
class Listing:
    files: tuple[Path, ...]
    problems: tuple[Problem, ...]
    ignored: int


def _rel(root: Path, path: Path) -> str:
    return relative_name(root, path)


def list_folder(root: str | Path) -> Listing:
    """Every supported file under `root`, following links only inside it, never in a loop
    (`folder_scan`: hidden files, the sidecar and the app's own store are passed over; links
    out of the folder and special files are problems; other files are counted as ignored)."""
    scan = scan_folder(Path(root))
    return Listing(tuple(Path(p) for p in scan.files), scan.problems, scan.ignored)


def read_document(
    root: str | Path,
    path: str | Path,
    sidecar: dict[str, dict[str, str]] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Document | Problem:
    """Read one file into a Document, or say why it cannot be read (see `read_bounded`)."""
    root, path = Path(root), Path(path)
    rel = _rel(root, path)
    data = read_bounded(root, path, max_bytes)
    if isinstance(data, Problem):
        return data
    try:
        decoded = decode(data)
    except BinaryContent as exc:
        return Problem(rel, "binary", str(exc))
    if written_by_app(decoded.text):
        return Problem(rel, IGNORED_KIND, "an export this app wrote, not an article")
    return build_document(
        root, rel, decoded.text, SUPPORTED.get(path.suffix.lower(), "text"),
        (sidecar or {}).get(rel, {}), decoded.encoding, decoded.fallback, path=str(path),
    )


def build_document(
    root: str | Path,
    rel: str,
    raw: str,
    kind: str = "text",
    side: dict[str, str] | None = None,
    encoding: str = "utf-8",
    fallback: bool = False,
    path: str | None = None,
) -> Document | Problem:
    """Everything after decoding: markup, metadata, paragraphs, sentences, boilerplate."""
    side = side or {}
    problems: list[Problem] = []
    if fallback:
        problems.append(Problem(rel, "encoding", f"not UTF-8; read as {encoding}"))
    title_hint: str | None = None
    meta_date_text: str | None = None
    if kind == "html":
        page = html_to_text(raw)
        raw, title_hint, meta_date_text = page.text, page.heading or page.title, page.date
    embedded = read_embedded(raw)
    text = embedded.body
    if kind == "markdown":
        text, md_title = markdown_to_text(text)
        title_hint = title_hint or md_title
    text = text.strip("\n")
    if not text.strip():
        return Problem(rel, "empty", "no text after removing markup and metadata")

    date, source = None, DateSource.UNDATED
    if side.get("date"):
        date = parse_full_date(side["date"])
        if date is None:
            problems.append(Problem(rel, "metadata", f"sidecar date {side['date']!r} is not a "
                                    "date between 0002 and 9998"))
        else:
            source = DateSource.SIDECAR
    written = next((embedded.fields[k] for k in DATE_KEYS if k in embedded.fields), None)
    if embedded.date is None and written is not None:
        problems.append(Problem(rel, "metadata", f"date {written!r} in the article's "
                                "metadata is not a date between 0002 and 9998"))
    if date is None and embedded.date is not None:
        date = embedded.date
        source = DateSource(embedded.source or "header")
    if date is None and meta_date_text:
        date = parse_full_date(meta_date_text)
        source = DateSource.HTML_META if date else source
    if date is None:
        date = infer_date(text)
        source = DateSource.TEXT if date else source
    meta = dict(embedded.fields)
    if date is None:
        date = infer_from_evidence(rel, text, meta, problems)
        source = DateSource.INFERRED if date else source
    if date is None:
        problems.append(Problem(rel, "undated", "no publication date found; set one in the app"))

    paras = segment.paragraphs(text)
    marks = boilerplate.mark_paragraphs(text, paras, boilerplate.load_rules(root))
    seg_rules = segment.load_rules(root)
    sentences = [
        Sentence(a, b, index, mark)
        for index, (para, mark) in enumerate(zip(paras, marks, strict=True))
        for a, b in segment.sentences_in(text, para.start, para.end, seg_rules)
    ]
    title = (
        side.get("title") or embedded.fields.get("title") or title_hint
        or _title_from(text, paras, marks,
                       sentences if seg_rules == segment.load_rules(None) else None)
        or Path(rel).stem
    )
    return Document(
        path=path or str(Path(root) / rel), relpath=rel, title=title, date=date, date_source=source,
        text=text, paragraphs=tuple(paras), sentences=tuple(sentences),
        problems=tuple(problems), encoding=encoding,
        meta=tuple(sorted(meta.items())),
    )


def _title_from(text: str, paras: list[Paragraph], marks: list[str | None],
                sentences: list[Sentence] | None = None) -> str | None:
    """The first heading-like line near the top, else the opening sentence, shortened;
    a line that is only a date is neither (an article opening "2026-02-18" was titled so).
    `sentences`: the document's, when the bundled rules found them (a 2 MB paragraph was
    segmented a second time for its first sentence)."""
    body = [(k, p) for k, (p, m) in enumerate(zip(paras, marks, strict=True))
            if m is None and not _only_a_date(text, p)]
    for _, para in body[:5]:
        line = _collapsed_within(text, para.start, para.end, _TITLE_MAX)
        if line is not None and len(line.split()) >= 2 and line[-1] not in ".:;,":
            return line
    if not body:
        return None
    index, para = body[0]
    if sentences is None:
        first = segment.sentences_in(text, para.start, para.end)[:1]
    else:
        first = [(s.start, s.end) for s in sentences if s.paragraph == index][:1]
    line = " ".join(text[first[0][0] : first[0][1]].split()) if first else ""
    return line if len(line) <= 100 else line[:99].rsplit(" ", 1)[0] + "…"


def _only_a_date(text: str, para: Paragraph) -> bool:
    """Whether a paragraph is a written date and nothing else ("18 February 2026")."""
    line = _collapsed_within(text, para.start, para.end, _DATE_LINE_MAX)
    return line is not None and parse_full_date(line) is not None


def _collapsed_within(text: str, start: int, end: int, limit: int) -> str | None:
    """text[start:end] with its white space collapsed, or None when that is longer than
    `limit`. A long paragraph's head is collapsed first (the collapsed head is the start of
    the collapsed whole): a 2 MB paragraph was split into words twice to learn it is no
    title."""
    if end - start > 4 * limit and len(" ".join(text[start : start + 4 * limit].split())) > limit:
        return None
    line = " ".join(text[start:end].split())
    return line if len(line) <= limit else None


def iter_folder(
    root: str | Path, listing: Listing | None = None
) -> Iterator[Document | Problem]:
    """Documents (or problems) one file at a time, so a caller can report progress."""
    root = Path(root)
    listing = listing or list_folder(root)
    sidecar = read_sidecar(root)
    for path in listing.files:
        yield read_document(root, path, sidecar)


def load_folder(
    root: str | Path, progress: Callable[[int, int], bool | None] | None = None
) -> FolderScan:
    """Load a whole folder; `progress(done, total)` may return False to cancel."""
    root = Path(root)
    listing = list_folder(root)
    documents: list[Document] = []
    problems = list(listing.problems) + rule_problems(root)
    total = len(listing.files)
    for done, item in enumerate(iter_folder(root, listing), 1):
        if isinstance(item, Document):
            documents.append(item)
        else:
            problems.append(item)
        if progress is not None and progress(done, total) is False:
            break
    dated = date_by_folder(documents)
    documents = [new or old for old, new in zip(documents, dated, strict=True)]
    return FolderScan(str(root), tuple(documents), tuple(problems), listing.ignored)
