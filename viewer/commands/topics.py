"""`timeline-viewer topics FOLDER`: the folder's topics with their counts, and edits to them.

Edits go to the folder's own `.timeline-viewer/topics.toml` (see viewer.core.store.topic_edits);
the listing after an edit shows its effect.
"""

from __future__ import annotations

import argparse

from viewer.commands import CliError, existing_folder
from viewer.core.pipeline.folder_topics import suggest_cues
from viewer.core.pipeline.topic_colours import new_topic_colour
from viewer.core.pipeline.topic_identity import orphaned_edits
from viewer.core.session import Session
from viewer.core.session.topic_counts import session_topic_counts
from viewer.core.store import topic_changes, topic_edits
from viewer.core.store.analyst_store import StoreError
from viewer.core.store.store_file import has_store
from viewer.core.store.topic_changes import TopicEdit

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
    parser.add_argument("--color", help="colour for --create (#rrggbb; default: one no "
                        "other topic has)")
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
    """Make the edit the options ask for, as the app does: a merge or delete moves the
    analyst's hand-set topics in the folder's store too (`topic_changes`)."""
    folder = args.folder
    session = Session.open(folder, with_store=has_store(folder))
    try:
        edit = _build(args, session)
        if edit is None:
            return False
        edit.apply_to(session.store)
    except topic_edits.TopicError as exc:
        raise CliError(f"topics: {exc}") from exc
    except StoreError as exc:
        raise CliError(f"topics: {exc}") from exc
    except OSError as exc:
        raise CliError(f"topics: cannot write {topic_edits.topics_path(folder)}: "
                       f"{exc.strerror or exc}") from exc
    finally:
        session.close()
    return True


def _build(args: argparse.Namespace, session: Session) -> TopicEdit | None:
    folder, taxonomy, store = args.folder, session.loaded.topics, session.store
    if args.create:
        cues = list(args.cue)
        if args.from_event:
            events = session.events()
            by_id = {e.id: e.text for e in events}
            unknown = [i for i in args.from_event if i not in by_id]
            if unknown:
                raise CliError(f"topics: no event {unknown[0]!r} in {folder}")
            body = [e.text for e in events if not e.boilerplate]
            cues += suggest_cues([by_id[i] for i in args.from_event], body)
        color = args.color or new_topic_colour(taxonomy, folder)
        return topic_changes.create(folder, taxonomy, args.create, args.label or args.create,
                                    color, cues, store, args.from_event)
    if args.rename:
        return topic_changes.rename(folder, taxonomy, *args.rename)
    if args.recolour:
        return topic_changes.recolour(folder, taxonomy, *args.recolour)
    if args.add_cues:
        if not args.cue:
            raise CliError("topics: --add-cues needs at least one --cue")
        return topic_changes.edit_cues(folder, taxonomy, args.add_cues, args.cue, [])
    if args.remove_cue:
        return topic_changes.edit_cues(folder, taxonomy, args.remove_cue[0], [],
                                       [args.remove_cue[1]])
    if args.merge:
        if not args.into:
            raise CliError("topics: --merge needs --into")
        return topic_changes.merge(folder, taxonomy, args.merge, args.into, store)
    if args.delete:
        return topic_changes.delete(folder, taxonomy, args.delete, store)
    return None


def run(args: argparse.Namespace) -> int:
    existing_folder(args.folder)
    _edit(args)
    session = Session.open(args.folder, with_store=has_store(args.folder))
    counts = session_topic_counts(session)  # the Topics dialog's count: hand-set topics too
    taxonomy = session.loaded.topics
    session.close()
    width = max((len(t.id) for t in taxonomy.topics), default=5)
    for topic in taxonomy.topics:
        cues = ", ".join(topic.cues[:8]) + (", …" if len(topic.cues) > 8 else "")
        print(f"{topic.id:<{width}}  {topic.origin:<10}  {counts.by_topic[topic.id]:>5}  "
              f"{topic.color}  {topic.label}: {cues}")
    share = counts.with_topic / counts.body if counts.body else 0.0
    print(f"{len(taxonomy.topics)} topics; {counts.with_topic} of {counts.body} events "
          f"({share:.0%}) have one")
    for problem in orphaned_edits(args.folder, taxonomy):  # an edit no topic wears any more
        print(f"{problem.kind}: {problem.message}")
    return 0
