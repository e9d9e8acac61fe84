"""`timeline-viewer docs FOLDER`: one line per document, to check what a folder yields."""

from __future__ import annotations

import argparse

from viewer.commands import existing_folder
from viewer.core.dataset.manifest import is_dataset
from viewer.core.session import Session

DESCRIPTION = (
    "Print one line per document: path, publication date and where it came from, sentence "
    "count, boilerplate sentence count, problems. Skipped files follow, with the reason."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", help="folder of articles (.txt, .md, .html)")


def run(args: argparse.Namespace) -> int:
    folder = existing_folder(args.folder)
    if is_dataset(folder):  # a listing of documents reads no event
        # Imported here: Arrow costs a quarter of a second at start, and a folder never needs it.
        from viewer.core.session.dataset_loading import load_dataset

        loaded = load_dataset(folder, events=False)
    else:
        loaded = Session.open(folder, with_store=False).loaded
    documents = [loaded.documents[relpath] for relpath in loaded.order]
    width = max((len(d.relpath) for d in documents), default=8)
    for doc in documents:
        date = f"{doc.date.isoformat()} ({doc.date_source.value})" if doc.date else "undated"
        problems = "; ".join(str(p) for p in doc.problems) or "-"
        print(
            f"{doc.relpath:<{width}}  {date:<25}  "
            f"sentences {len(doc.sentences):>3}  boilerplate {doc.boilerplate_count:>3}  "
            f"problems: {problems}"
        )
    for problem in loaded.problems:
        print(f"{problem.path:<{width}}  skipped: {problem}")
    print(
        f"{len(documents)} documents, {len(loaded.problems)} skipped, "
        f"{loaded.ignored} other files ignored"
    )
    return 0
