"""Topics ▸ the folder's taxonomy as a list the analyst edits: create a topic from selected
words or events, rename, recolour, merge, delete, edit cues.

Every edit is written to the folder's `topics.toml` (by `viewer.core.store.topic_edits`), the folder
is reloaded so every event's topics follow at once, and the edit is one step of the window's
undo stack: Edit ▸ Undo takes back only the entries it touched, as the file is now (what another
window or the command line wrote since stays). Counts are the events of the open folder that
carry each topic, the analyst's hand-set topics included, refreshed after every load.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.events.document_events import Event
from viewer.core.events.topics import Taxonomy, Topic, load_taxonomy
from viewer.core.pipeline.folder_topics import suggest_cues
from viewer.core.pipeline.topic_colours import new_topic_colour
from viewer.core.session.topic_counts import session_topic_counts
from viewer.core.store import topic_changes, topic_edits
from viewer.core.store.analyst_store import Store
from viewer.core.store.topic_changes import TopicEdit
from viewer.core.words import plural

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

_KINDS = {"built-in": "bundled", "folder": "this folder's", "discovered": "discovered"}


def _kind(topic: Topic, bundled: Taxonomy) -> str:
    """What the Kind column says: a bundled topic the analyst renamed is the folder's own
    (it was still called "bundled", under a name the bundle does not have)."""
    shipped = bundled.get(topic.id)
    if topic.origin == "built-in" and shipped is not None and shipped.label != topic.label:
        return _KINDS["folder"]
    return _KINDS.get(topic.origin, topic.origin)


def same_colour(taxonomy: Taxonomy, topic_id: str, color: str) -> list[str]:
    """The labels of the other topics drawn in exactly `color` (marks that cannot be told
    apart on the timeline)."""
    return [t.label for t in taxonomy.topics
            if t.id != topic_id and t.color.lower() == color.lower()]



def _swatch(color: str) -> QIcon:
    """A square of the topic's colour: many topic colours are too pale to be text colours."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)

class TopicsDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle("Topics")
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["Topic", "Events", "Kind", "Cues"])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (("New from Selection…", self.ask_create), ("Rename…", self.ask_rename),
                           ("Colour…", self.ask_recolour), ("Cues…", self.ask_cues),
                           ("Merge Selected", self.ask_merge), ("Delete", self.ask_delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(720, 420)
        self._said: tuple[int, TopicEdit, str] | None = None  # stack index, edit, message
        window.loaded.connect(self.refresh)
        window.editor.stack.indexChanged.connect(self._stack_moved)
        self.refresh()

    # -- the list ----------------------------------------------------------------------------
    def taxonomy(self) -> Taxonomy:
        return self.window_.timeline.taxonomy

    def counts(self) -> Counter[str]:
        """What `timeline-viewer topics` counts (`topic_counts`): hand-set topics too."""
        session = self.window_.session
        return session_topic_counts(session).by_topic if session is not None else Counter()

    def refresh(self) -> None:
        chosen = set(self.selected())
        counts = self.counts()
        self.list.clear()
        bundled = load_taxonomy()  # kept by the loader: read once per process
        for topic in self.taxonomy().topics:
            item = QTreeWidgetItem([topic.label, str(counts.get(topic.id, 0)),
                                    _kind(topic, bundled),
                                    _cue_summary(topic.cues)])
            item.setData(0, 256, topic.id)  # Qt.UserRole
            item.setIcon(0, _swatch(topic.color))  # dark text beside it: pale colours stay legible
            item.setToolTip(3, ", ".join(topic.cues))
            self.list.addTopLevelItem(item)
            item.setSelected(topic.id in chosen)
        for column in range(3):
            self.list.resizeColumnToContents(column)

    def selected(self) -> list[str]:
        return [str(item.data(0, 256)) for item in self.list.selectedItems()]

    def select(self, topic_id: str) -> None:
        for k in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(k)
            if item is not None:
                item.setSelected(item.data(0, 256) == topic_id)

    # -- edits: each one a step of the window's undo stack ----------------------------------
    def _edit(self, make: Callable[[Path, Taxonomy, Store | None], TopicEdit]) -> bool:
        """Make the edit against the file (and hand-set topics) as they are now, then push
        it on the window's undo stack: undo and redo change only what it touched."""
        window = self.window_
        folder = window.folder
        if folder is None:
            return False
        try:
            edit = make(folder, self.taxonomy(), window.editor.store)
        except (topic_edits.TopicError, OSError) as exc:
            self.message.setText(f"Not changed: {exc}")
            return False
        reasons: list[str] = []
        window.editor.problem.connect(reasons.append)
        try:
            done = window.editor.perform(edit)
        finally:
            window.editor.problem.disconnect(reasons.append)
        if not done:
            self.message.setText(reasons[-1] if reasons else "Not changed.")
            return False
        said = f"{edit.text}: saved to the folder's topics.toml (Edit ▸ Undo)."
        if edit.hand_set:
            said += (f" The hand-set topics of {plural(len(edit.hand_set), 'event')} "
                     "follow it.")
        self._said = (window.editor.stack.index(), edit, said)
        self.message.setText(said)
        return True

    def _stack_moved(self, index: int) -> None:
        """The status line follows Edit ▸ Undo and Redo: an edit undone is not "saved"."""
        if self._said is None:
            return
        at, edit, said = self._said
        kept = (f" {plural(edit.kept, 'field')} changed since by another window, the command "
                "line or by hand stayed as written." if edit.kept else "")
        if index == at:
            self.message.setText(said + kept)
        elif index == at - 1:
            self.message.setText(f"{edit.text}: undone (Edit ▸ Redo puts it back).{kept}")
        else:
            self.message.clear()
            self._said = None

    def create_topic(self, topic_id: str, label: str, color: str, cues: list[str],
                     events: Sequence[str] = ()) -> bool:
        """A new topic; `events` are the ones it is made from (their hand-set topic lists
        get it too)."""
        return self._edit(lambda f, t, s: topic_changes.create(
            f, t, topic_id, label, color, cues, s, events))

    def rename(self, topic_id: str, label: str) -> bool:
        return self._edit(lambda f, t, _s: topic_changes.rename(f, t, topic_id, label))

    def recolour(self, topic_id: str, color: str) -> bool:
        """Recolour; a colour another topic has is allowed, with a word in the message line
        (no dialog in the way), since their marks can no longer be told apart."""
        twins = same_colour(self.taxonomy(), topic_id, color)
        done = self._edit(lambda f, t, _s: topic_changes.recolour(f, t, topic_id, color))
        if done and twins:
            self.message.setText(
                f"{self.message.text()} Note: {', '.join(twins)} "
                f"{'has' if len(twins) == 1 else 'have'} this colour too, so their marks look "
                "the same on the timeline; choose Colour… again to tell them apart.")
        return done

    def edit_cues(self, topic_id: str, add: list[str], remove: list[str]) -> bool:
        return self._edit(lambda f, t, _s: topic_changes.edit_cues(f, t, topic_id, add, remove))

    def merge(self, sources: list[str], into: str) -> bool:
        return self._edit(lambda f, t, s: topic_changes.merge(f, t, sources, into, s))

    def delete(self, topic_id: str) -> bool:
        return self._edit(lambda f, t, s: topic_changes.delete(f, t, topic_id, s))

    def chosen_events(self) -> list[Event]:
        """The events selected in the table (and so on the timeline)."""
        events = self.window_.model.events
        return [events[r] for r in self.window_.selected_source_rows()]

    def cues_from_selection(self) -> list[str]:
        """Cues for a new topic: the words selected in the article, else the phrases that set
        the selected events apart from the rest of the folder."""
        words = self.window_.detail.text.textCursor().selectedText().strip()
        if words:
            return [" ".join(words.split()).lower()]
        chosen = [e.text for e in self.chosen_events()]
        events = self.window_.model.events
        return suggest_cues(chosen, [e.text for e in events]) if chosen else []

    # -- the buttons: ask, then edit ---------------------------------------------------------
    def ask_create(self) -> None:
        """A topic from the selection. Selected events of which no phrase stands out (a
        sentence of names and common words) still make one: the analyst types the cues (it
        used to say "Select … some events first" with an event plainly selected)."""
        cues = self.cues_from_selection()
        chosen = [e.id for e in self.chosen_events()]
        if not cues and not chosen:
            self.message.setText("Select words in the article or some events first.")
            return
        label, ok = QInputDialog.getText(self, "New Topic", "Label:",
                                         text=cues[0].title() if cues else "")
        if not ok or not label.strip():
            return
        prompt = "Cues (comma-separated):" if cues else (
            "No phrase stands out in the selected events; type the cues (comma-separated):")
        text, ok = QInputDialog.getText(self, "New Topic", prompt, text=", ".join(cues))
        if ok:
            topic_id = "-".join(label.lower().split())[:40]
            colour = new_topic_colour(self.taxonomy(), self.window_.folder)
            self.create_topic(topic_id, label.strip(), colour, _split(text), chosen)

    def ask_rename(self) -> None:
        for topic_id in self.selected()[:1]:
            topic = self.taxonomy().get(topic_id)
            label, ok = QInputDialog.getText(self, "Rename Topic", "Label:",
                                             text=topic.label if topic else topic_id)
            if ok and label.strip():
                self.rename(topic_id, label.strip())

    def ask_recolour(self) -> None:
        for topic_id in self.selected()[:1]:
            topic = self.taxonomy().get(topic_id)
            colour = QColorDialog.getColor(QColor(topic.color if topic else "#808080"), self)
            if colour.isValid():
                self.recolour(topic_id, colour.name())

    def ask_cues(self) -> None:
        for topic_id in self.selected()[:1]:
            topic = self.taxonomy().get(topic_id)
            now = list(topic.cues) if topic else []
            text, ok = QInputDialog.getText(self, "Topic Cues", "Cues (comma-separated):",
                                            text=", ".join(now))
            if ok:
                cues = _split(text)
                self.edit_cues(topic_id, [c for c in cues if c not in now],
                               [c for c in now if c not in cues])

    def ask_merge(self) -> None:
        chosen = self.selected()
        if len(chosen) >= 2:
            self.merge(chosen[1:], chosen[0])

    def ask_delete(self) -> None:
        for topic_id in self.selected()[:1]:
            self.delete(topic_id)


def _split(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def _cue_summary(cues: Sequence[str], shown: int = 8) -> str:
    """The first cues, and how many more there are: after a merge the cues it added come
    after the topic's own, and a bare list of the first eight looked as if none were added."""
    more = len(cues) - shown
    return ", ".join(cues[:shown]) + (f" … (+{more} more)" if more > 0 else "")
