"""The one object that is an open folder: documents, events with the analyst's edits merged,
problems, the filter index and the undo stack. The window, every command and the tests go
through it, so there is one merge path and the same filter shows the same events everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from viewer.core.events.document_events import Event
from viewer.core.model import Document, Problem
from viewer.core.pipeline.topic_identity import orphaned_edits
from viewer.core.session.cluster_marks import redo_marks
from viewer.core.session.column_json import event_texts
from viewer.core.session.columns import EventColumns
from viewer.core.session.facet_counts import build_code_rows
from viewer.core.session.filtering import ColumnIndex
from viewer.core.session.happening_merge import Linked, link_state, linked_of, relink
from viewer.core.session.iso_days import IsoDays
from viewer.core.session.loading import DocumentsReady, Loaded, Progress, load
from viewer.core.session.partials import Partial
from viewer.core.session.store_opening import open_store
from viewer.core.session.topic_ghosts import unknown_topics
from viewer.core.store import edits
from viewer.core.store.analyst_store import Store, StoreError, UserData
from viewer.core.store.edits import Edit
from viewer.core.store.merge_edits import apply_user_data, orphans_among
from viewer.core.store.other_writers import StoreWatch
from viewer.core.timex import Timex

FACET_FIELDS = {"parties": "parties", "topics": "topics", "tags": "tags", "document": "documents",
                "review": "review", "modality": "modality", "conflict": "conflict"}


@dataclass(frozen=True, slots=True)
class Change:
    """Exactly what one edit (or its undo) touched, so a view refreshes only that.

    `rows` and `ids` name the events; `fields` the event fields whose values changed and
    `facets` the filter facets among them; `tags` says the tag list or colours changed;
    `documents` names articles that were re-extracted, `topics` says the folder's topics
    changed. `reset`: rows were added or removed, so row numbers no longer hold. `marked` are the
    rows among `rows` the edit did not touch itself but whose cluster's conflict flags or
    planned→outcome link it changed; `renamed` the facet values it renamed or removed.
    """

    rows: tuple[int, ...] = ()
    ids: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()
    facets: frozenset[str] = frozenset()
    tags: bool = False
    documents: frozenset[str] = frozenset()
    reset: bool = False
    orphans: bool = False  # the list of orphaned edits changed
    marked: tuple[int, ...] = ()
    renamed: tuple[tuple[str, str, str | None], ...] = ()  # facet values renamed or removed
    periods: bool = False  # the folder's periods changed
    topics: bool = False


class Session:
    """An open folder. Build it with `Session.open`; edit it with `perform`, `undo`, `redo`."""

    def __init__(self, root: Path, loaded: Loaded, store: Store | None,
                 store_problems: list[Problem], store_error: StoreError | None) -> None:
        self.root = root
        self.store = store
        self.store_problems = store_problems
        self.store_error = store_error
        self.read_only: str | None = (
            f"Read-only: {store.read_only}." if store is not None and store.read_only else None)
        self._undo: list[Edit] = []
        self._done = 0  # edits [0, _done) are applied; the rest can be redone
        self.needs_reload = False  # an article was re-dated: `reload` to see it
        self._install(loaded)

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, source: str | Path, progress: Progress | None = None,
             cancel: Callable[[], bool] | None = None, *, workers: int | None = None,
             use_snapshot: bool = True, with_store: bool = True,
             partial: Partial | None = None, command: bool = False,
             documents_ready: DocumentsReady | None = None) -> Session:
        """Open a folder: its snapshot (or extraction where it is stale), then its store.
        `progress(done, total)` is called as files are done; `cancel()` stops early;
        `partial(columns)` receives the events of newly extracted files in batches of
        documents (provisional: before people, clusters and conflicts across the folder);
        `command`: opened by a command that writes the events and ends, `documents_ready`
        called before the folder stage (`loading.load`)."""
        root = Path(source)
        loaded = load(root, progress, cancel, workers=workers, use_snapshot=use_snapshot,
                      partial=partial, command=command, documents_ready=documents_ready)
        store, problems, error = open_store(root) if with_store else (None, [], None)
        return cls(root, loaded, store, problems, error)

    def _install(self, loaded: Loaded) -> None:
        previous = getattr(self, "loaded", None)
        if previous is not None and previous.snapshot is not None:
            previous.snapshot.close()
        self.loaded = loaded
        self._titles: dict[str, str] | None = None
        self._document_dates: tuple[object, tuple[tuple[dt.date, str], ...]] = (None, ())
        self.documents: Mapping[str, Document] = loaded.documents
        self.timexes: Mapping[str, tuple[Timex, ...]] = loaded.timexes
        self.columns: EventColumns = loaded.columns
        self.index = ColumnIndex(self.columns)
        build_code_rows(self.columns, FACET_FIELDS)  # read by the first counts and filter
        self._base: dict[int, Event] = {}  # extracted versions of the rows edits changed
        self._links: dict[str, Linked] = {}  # the analyst's links, by event id
        self._linked_rows: list[int] = []  # the rows the links were last resolved over
        self._published = {relpath: day for relpath, (day, _) in zip(
            loaded.order, loaded.headers, strict=True)}
        data = self.store.load() if self.store is not None else UserData()
        self.tags: dict[str, str] = dict(data.tags)
        edited = data.edited_ids()
        rows = self.columns.rows_of(edited)
        self._merge(rows.values(), data)
        self._links = link_state(data.corrections)
        self._relink()
        self._remark(rows.values())
        self.orphans = orphans_among(data, edited - rows.keys())
        self._watch = StoreWatch.start(self.store, data)

    def attach_store(self, store: Store | None, problems: list[Problem]) -> None:
        """Use a store opened elsewhere (the window opens it on its own thread, to report
        its problems as they happen); the analyst's data is merged at once."""
        self.store, self.store_problems, self.store_error = store, problems, None
        self.read_only = (f"Read-only: {store.read_only}."
                          if store is not None and store.read_only else None)
        self._undo, self._done = [], 0
        before = list(self._base)
        for row, base in self._base.items():  # back to the extracted events, then merge
            self.columns.set_rows({row: base})
        self._base, self._linked_rows = {}, []
        self.index.changed(set(FACET_FIELDS))
        data = store.load() if store is not None else UserData()
        self.tags = dict(data.tags)
        edited = data.edited_ids()
        rows = self.columns.rows_of(edited)
        self.index.changed(self._merge(rows.values(), data))
        self._links = link_state(data.corrections)
        self._relink()
        self._remark([*before, *rows.values()])
        self.orphans = orphans_among(data, edited - rows.keys())
        self._watch = StoreWatch.start(store, data)

    def take_history(self, other: Session) -> None:
        """Carry another Session's undo stack over (a reload of the same folder)."""
        self._undo, self._done = list(other._undo), other._done

    def titles(self) -> dict[str, str]:
        """Each titled document's title, without reading its text (made once per load: the
        window asks on every filter change; callers must not change it)."""
        if self._titles is None:
            self._titles = {relpath: title for relpath, (_, title) in zip(
                self.loaded.order, self.loaded.headers, strict=True) if title}
        return self._titles

    def published(self) -> Mapping[str, str]:
        """Each dated document's publication date (ISO), without reading its text; written
        out when asked for (the detail pane asks for a few; 50,000 written out at each open
        cost 25 ms before the first paint)."""
        return IsoDays(self._published)

    def document_dates(self) -> tuple[tuple[dt.date, str], ...]:
        """Publication date and title of every dated document, without reading its text;
        the same tuple while the documents are (every filter change asks for it)."""
        headers = self.loaded.headers
        if self._document_dates[0] is not headers:
            self._document_dates = (headers, tuple(
                (day, title) for day, title in headers if day is not None))
        return self._document_dates[1]

    def reload(self) -> None:
        """Read the folder again (changed files only); edits and undo stack are kept."""
        self._install(load(self.root, None, None, workers=None, use_snapshot=True))
        self.needs_reload = False

    def detach(self) -> None:
        """Let go of the snapshot but not the store (which another Session now uses)."""
        if self.loaded.snapshot is not None:
            self.loaded.snapshot.close()
        self.store = None

    def close(self) -> None:
        if self.loaded.snapshot is not None:
            self.loaded.snapshot.close()
        if self.store is not None:
            self.store.close()
            self.store = None

    # -- what the folder holds ---------------------------------------------------------------
    @property
    def size(self) -> int:
        return self.columns.size

    def event(self, row: int) -> Event:
        return self.columns.event(row)

    def events(self, rows: Iterable[int] | None = None) -> list[Event]:
        return self.columns.events(rows)

    def extracted_events(self) -> list[Event]:
        """The events as extracted, before the analyst's edits."""
        # Column by column (`extracted_blocks`), not a field at a time per row: 1.76 → 0.63 s
        # of CPU for 48,000 events.
        return [e for block in self.extracted_blocks() for e in block]

    def extracted_blocks(self, size: int = 20_000) -> Iterator[list[Event]]:
        """`extracted_events` a block of rows at a time, so a writer never holds an object
        for every event of a large folder."""
        for first in range(0, self.size, size):
            block = self.columns.events(range(first, min(self.size, first + size)))
            yield [self._base.get(first + k) or e for k, e in enumerate(block)]

    def extracted_texts(self, level: int | None, size: int = 20_000) -> Iterator[list[str]]:
        """`extracted_blocks` as JSON texts (`column_json.event_texts`: on one line when
        `level` is None), without an object per event."""
        for first in range(0, self.size, size):
            yield self.texts_of(first, min(self.size, first + size), level)

    def texts_of(self, first: int, last: int, level: int | None) -> list[str]:
        """Rows `first` to `last` (exclusive) as `extracted_texts` writes them."""
        return event_texts(self.columns, first, last, self._base, level)

    @property
    def problems(self) -> list[Problem]:
        """Skipped files, document problems (undated among them), orphaned edits (of
        sentences, then of discovered topics), hand-set topics no topic has, and store
        problems, in that order."""
        found = list(self.loaded.problems)
        for relpath in self.loaded.order:
            found.extend(self.loaded.document_problems.get(relpath, ()))
        found += [Problem(o.document, "orphaned edit",
                          f"{'; '.join(o.what)} — on a sentence no longer in the folder: "
                          f"{o.text}") for o in self.orphans]
        return (found + orphaned_edits(self.root, self.loaded.topics)
                + unknown_topics(self.store, self.loaded.topics) + self.store_problems)

    # -- editing -----------------------------------------------------------------------------
    def perform(self, edit: Edit, events: Iterable[Event] = ()) -> Change:
        """Apply an edit as one undoable step (raises StoreError when it cannot be saved,
        leaving the stack as it was); `events` are the sentences it is made on (shown if
        they later disappear)."""
        store = self._require()
        store.queue_anchors((e.id, e.document, e.text) for e in events)
        change = edit.apply(store)
        del self._undo[self._done:]
        self._undo.append(edit)
        self._done += 1
        return self._refresh(change)

    def undo(self, expect: Edit | None = None) -> Change:
        """Revert the last applied edit. `expect` is the edit the caller believes that is
        (an undo view wrapping this stack); a mismatch raises instead of reverting another."""
        if not self.can_undo:
            return Change()
        edit = self._undo[self._done - 1]
        if expect is not None and edit is not expect:
            raise ValueError("the undo stack is out of step with its view")
        change = edit.revert(self._require())
        self._done -= 1
        return self._refresh(change)

    def redo(self, expect: Edit | None = None) -> Change:
        if not self.can_redo:
            return Change()
        edit = self._undo[self._done]
        if expect is not None and edit is not expect:
            raise ValueError("the undo stack is out of step with its view")
        change = edit.apply(self._require())
        self._done += 1
        return self._refresh(change)

    def others_edits(self) -> Change | None:
        """What another window or process saved to the store since the last look (tags,
        notes, corrections, reviews, links), merged into the events it touched; None when
        nothing was."""
        news = self._watch.news(self.store)
        return None if news is None else self._refresh(edits.Change(events=news[0],
                                                                    tags=news[1]))

    def forget(self, edit: Edit) -> None:
        """Drop an edit from the history (its undo could not be saved)."""
        for at, found in enumerate(self._undo):
            if found is edit:
                del self._undo[at]
                if at < self._done:
                    self._done -= 1
                return

    @property
    def can_undo(self) -> bool:
        return self._done > 0

    @property
    def can_redo(self) -> bool:
        return self._done < len(self._undo)

    @property
    def undo_text(self) -> str:
        return self._undo[self._done - 1].text if self.can_undo else ""

    @property
    def redo_text(self) -> str:
        return self._undo[self._done].text if self.can_redo else ""

    def _require(self) -> Store:
        if self.store is None:
            raise StoreError("Edits are off: this folder's store could not be opened.")
        return self.store

    def _refresh(self, change: edits.Change) -> Change:
        """Bring the columns up to date with what an edit wrote, touching only its events."""
        if change.documents or change.topics:  # a re-dated article, or the folder's topics
            self.needs_reload = True
            return Change(tags=change.tags, documents=change.documents, reset=True,
                          renamed=change.renamed, topics=change.topics)
        store = self._require()
        data = store.load_for(change.events)
        if change.tags:
            self.tags = dict(data.tags)
        rows = self.columns.rows_of(change.events)
        fields = self._merge(rows.values(), data)
        marked: dict[int, Event] = {}
        if self._note_links(change.events, data) or not set(self._linked_rows).isdisjoint(
                rows.values()):  # a link changed, or the merge put a linked row back
            marked, more = self._relink()
            fields |= more
        # A cluster's flags may have changed with it; or the merge, which starts from the
        # extracted event, put back the flags an earlier correction had redone.
        if fields & (_MARK_INPUTS | _MARKS):
            remarked, more = self._remark(rows.values())
            marked.update(remarked)
            fields |= more
        touched = {row: eid for eid, row in rows.items()}
        extra = {row: e.id for row, e in marked.items() if row not in touched}
        missing = change.events - rows.keys()
        before = self.orphans
        if missing:  # an orphan's edits were undone or redone: list what is left of them
            full = store.load()
            kept = [o for o in self.orphans if o.event_id not in missing]
            self.orphans = sorted(kept + orphans_among(full, missing & full.edited_ids()),
                                  key=lambda o: o.event_id)
        return Change(rows=tuple(sorted(touched.keys() | extra.keys())),
                      ids=frozenset(rows) | frozenset(extra.values()),
                      fields=frozenset(fields),
                      facets=frozenset(FACET_FIELDS[f] for f in fields if f in FACET_FIELDS),
                      tags=change.tags, orphans=self.orphans != before,
                      marked=tuple(sorted(extra)), renamed=change.renamed,
                      periods=change.periods)

    def _note_links(self, ids: Iterable[str], data: UserData) -> bool:
        """Take the links of `ids` from `data` (a store read of those ids); whether any
        changed."""
        moved = False
        for event_id in ids:
            found = linked_of(data.corrections.get(event_id))
            if found != self._links.get(event_id):
                moved = True
                if found is None:
                    del self._links[event_id]
                else:
                    self._links[event_id] = found
        return moved

    def _relink(self) -> tuple[dict[int, Event], set[str]]:
        """Resolve the analyst's links into clusters (see `happening_merge`): the rows whose
        cluster, sources or marks changed, and the fields that did. Their extracted
        versions are kept first, so `extracted_events` and a later merge start from them."""
        if not self._links and not self._linked_rows:
            return {}, set()
        updates, self._linked_rows = relink(
            self.columns, lambda row: self._base.get(row) or self.columns.event(row),
            self._links, self._linked_rows, self._published)
        for row in updates:
            if row not in self._base:
                self._base[row] = self.columns.event(row)
        return updates, (self.index.edit(updates) if updates else set())

    def _remark(self, rows: Iterable[int]) -> tuple[dict[int, Event], set[str]]:
        """Redo conflict flags and outcome links over the clusters of `rows` (with the edits
        merged): the rows whose marks changed, and the fields that did."""
        updates = redo_marks(self.columns, rows, self._published)
        fields = self.index.edit(updates) if updates else set()
        return updates, fields

    def _merge(self, rows: Iterable[int], data: UserData) -> set[str]:
        updates: dict[int, Event] = {}
        for row in rows:
            base = self._base.get(row)
            if base is None:
                base = self._base[row] = self.columns.event(row)
            updates[row] = apply_user_data([base], data)[0]
        return self.index.edit(updates)  # the columns, and the counts of the edited rows


# Corrected fields that conflict flags or outcome links are read from.
_MARK_INPUTS = frozenset({"start", "end", "precision", "modality", "speaker", "not_event",
                          "parties", "topics"})

# The cluster marks themselves (derived, never corrected).
_MARKS = frozenset({"conflict", "outcome"})
