"""`timeline-viewer docs FOLDER`: one line per document, to check what a folder yields."""

from __future__ import annotations

import argparse

from viewer.commands import existing_folder
from viewer.core.dataset_manifest import is_dataset
from viewer.core.date_evidence import date_by_folder
from viewer.core.extract import extract_folder
from viewer.core.ingest import load_folder
from viewer.core.model import FolderScan

SUMMARY = "list the documents of a folder with their dates, sentences and problems"
DESCRIPTION = (
    "Print one line per document: path, publication date and where it came from, sentence "
    "count, boilerplate sentence count, problems. Skipped files follow, with the reason."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", help="folder of articles (.txt, .md, .html)")


def run(args: argparse.Namespace) -> int:
    folder = existing_folder(args.folder)
    if is_dataset(folder):
        result = extract_folder(folder)  # a dataset: its documents, never re-extracted
        scan = FolderScan(result.root, result.documents, result.problems, result.ignored)
        documents = list(scan.documents)  # dated when the dataset was built
    else:
        scan = load_folder(folder)
        # Dated the way the app dates them, so the same articles are undated problems in both.
        documents = [dated or doc for doc, dated in zip(
            scan.documents, date_by_folder(scan.documents), strict=True)]
    width = max((len(d.relpath) for d in documents), default=8)
    for doc in documents:
        date = f"{doc.date.isoformat()} ({doc.date_source.value})" if doc.date else "undated"
        problems = "; ".join(str(p) for p in doc.problems) or "-"
        print(
            f"{doc.relpath:<{width}}  {date:<25}  "
            f"sentences {len(doc.sentences):>3}  boilerplate {doc.boilerplate_count:>3}  "
            f"problems: {problems}"
        )
    for problem in scan.problems:
        print(f"{problem.path:<{width}}  skipped: {problem}")
    print(
        f"{len(documents)} documents, {len(scan.problems)} skipped, "
        f"{scan.ignored} other files ignored"
    )
    return 0
