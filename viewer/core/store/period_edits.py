"""Adding and removing periods as one undoable edit (View ▸ Periods…).

An edit names the periods it added and removed, and applies that difference to the file as
it is when it runs (its undo, the reverse difference): another window's or a hand edit's
periods stay, where writing back a copy of the whole list taken when the dialog opened
would drop them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from viewer.core.store.analyst_store import Store
from viewer.core.store.edits import Change, Edit
from viewer.core.store.periods import Period, load_periods, save_periods


@dataclass
class EditPeriods(Edit):
    folder: str = ""
    added: tuple[Period, ...] = ()
    removed: tuple[Period, ...] = ()

    @classmethod
    def make(cls, folder: str | Path, before: Iterable[Period], after: Iterable[Period]
             ) -> EditPeriods | None:
        """The edit from the periods shown to those kept; None when they are the same."""
        old, new = tuple(before), tuple(after)
        added = tuple(p for p in new if p not in old)
        removed = tuple(p for p in old if p not in new)
        if not added and not removed:
            return None
        names = [p.name for p in added] or [p.name for p in removed]
        verb = "Add" if added and not removed else "Remove" if removed and not added else "Edit"
        what = f"period “{names[0]}”" if len(names) == 1 else f"{len(added) + len(removed)} periods"
        return cls(f"{verb} {what}", str(folder), added, removed)

    def _swap(self, gone: tuple[Period, ...], come: tuple[Period, ...]) -> Change:
        current = load_periods(self.folder)
        kept = [p for p in current if p not in gone]
        save_periods(self.folder, kept + [p for p in come if p not in kept])
        return Change(periods=True)

    def apply(self, store: Store) -> Change:
        return self._swap(self.removed, self.added)

    def revert(self, store: Store) -> Change:
        return self._swap(self.added, self.removed)
