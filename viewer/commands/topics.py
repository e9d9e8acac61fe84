"""`timeline-viewer topics FOLDER`: the folder's topics with their counts, and edits to them.

Edits go to the folder's own `.timeline-viewer/topics.toml` (see viewer.core.store.topic_edits);
the listing after an edit shows its effect.
"""

from __future__ import annotations

import argparse
from collections import Counter

from viewer.commands import CliError, existing_folder
from viewer.core.pipeline.folder_topics import suggest_cues
from viewer.core.pipeline.topic_identity import orphaned_edits
from viewer.core.session import Session
from viewer.core.store import topic_edits

DESCRIPTION = (
    "List the topics that fit the folder: id, where it comes from (built-in, folder, "
    "discovered), how many events have it, colour, label and cues, then any rename or "
    "recolour of a discovered topic the folder no longer has. The options edit the "
    "folder's own topics.toml first; the listing then shows the result."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", help="folder of articles")
    parser.add_argument("--create", metavar="ID", help="create topic ID (needs --cue)")
    parser.add_argument("--label", help="label for --create")
    parser.add_argument("--color", default="#6a5acd", help="colour for --create (#rrggbb)")
    parser.add_argument("--cue", action="append", default=[], metavar="CUE",
                        help="cue for --create or --add-cues (repeat)")
    parser.add_argument("--from-event", action="append", default=[], metavar="EVENT_ID",
                        help="with --create: take cues from these events' sentences (repeat; "
                        "ids as `extract` prints them)")
    parser.add_argument("--rename", nargs=2, metavar=("ID", "LABEL"))
    parser.add_argument("--recolour", nargs=2, metavar=("ID", "COLOUR"))
    parser.add_argument("--add-cues", metavar="ID", help="add the --cue values to topic ID")
    parser.add_argument("--remove-cue", nargs=2, metavar=("ID", "CUE"))
    parser.add_argument("--merge", nargs="+", metavar="ID", help="topics to merge (with --into)")
    parser.add_argument("--into", metavar="ID", help="the topic --merge folds into")
    parser.add_argument("--delete", metavar="ID")


def _edit(args: argparse.Namespace) -> bool:
    folder = args.folder
    session = Session.open(folder, with_store=False)
    taxonomy = session.loaded.topics
    events = session.extracted_events() if args.create and args.from_event else []
    session.close()
    try:
        if args.create:
            cues = list(args.cue)
            if args.from_event:
                by_id = {e.id: e.text for e in events}
                unknown = [i for i in args.from_event if i not in by_id]
                if unknown:
                    raise CliError(f"topics: no event {unknown[0]!r} in {folder}")
                body = [e.text for e in events if not e.boilerplate]
                cues += suggest_cues([by_id[i] for i in args.from_event], body)
            topic_edits.create(folder, taxonomy, args.create, args.label or args.create,
                               args.color, cues)
        elif args.rename:
            topic_edits.rename(folder, taxonomy, *args.rename)
        elif args.recolour:
            topic_edits.recolour(folder, taxonomy, *args.recolour)
        elif args.add_cues:
            if not args.cue:
                raise CliError("topics: --add-cues needs at least one --cue")
            topic_edits.edit_cues(folder, taxonomy, args.add_cues, add=args.cue)
        elif args.remove_cue:
            topic_edits.edit_cues(folder, taxonomy, args.remove_cue[0],
                                  remove=[args.remove_cue[1]])
        elif args.merge:
            if not args.into:
                raise CliError("topics: --merge needs --into")
            topic_edits.merge(folder, taxonomy, args.merge, args.into)
        elif args.delete:
            topic_edits.delete(folder, taxonomy, args.delete)
        else:
            return False
    except topic_edits.TopicError as exc:
        raise CliError(f"topics: {exc}") from exc
    except OSError as exc:
        raise CliError(f"topics: cannot write {topic_edits.topics_path(folder)}: "
                       f"{exc.strerror or exc}") from exc
    return True


def run(args: argparse.Namespace) -> int:
    existing_folder(args.folder)
    _edit(args)
    session = Session.open(args.folder, with_store=False)
    events = session.extracted_events()
    taxonomy = session.loaded.topics
    session.close()
    counts = Counter(t for e in events if not e.boilerplate for t in e.topics)
    body = sum(1 for e in events if not e.boilerplate)
    with_topic = sum(1 for e in events if not e.boilerplate and e.topics)
    width = max((len(t.id) for t in taxonomy.topics), default=5)
    for topic in taxonomy.topics:
        cues = ", ".join(topic.cues[:8]) + (", …" if len(topic.cues) > 8 else "")
        print(f"{topic.id:<{width}}  {topic.origin:<10}  {counts[topic.id]:>5}  "
              f"{topic.color}  {topic.label}: {cues}")
    share = with_topic / body if body else 0.0
    print(f"{len(taxonomy.topics)} topics; {with_topic} of {body} events "
          f"({share:.0%}) have one")
    for problem in orphaned_edits(args.folder, taxonomy):  # an edit no topic wears any more
        print(f"{problem.kind}: {problem.message}")
    return 0
