"""Columns saved and read back hold tuple offsets as int32 and give the same events, before
and after an edit and when joined with columns built anew."""

from __future__ import annotations

import dataclasses

import numpy as np

from bench.synthetic import events as synthetic_events
from viewer.core.session.columns import EventColumns


def test_saved_columns_read_back_with_small_offsets_give_the_same_events() -> None:
    """Tuple fields' offsets are read back as int32 (4 bytes an event less per field)."""
    events = synthetic_events(120, seed=2)
    texts = {e.document: e.text for e in events}
    built = EventColumns.build(events, lambda doc, a, b: texts[doc][a:b])
    arrays, extra = built.to_arrays()
    back = EventColumns.from_arrays(arrays, extra, built.text_of)
    assert back.ragged["parties"].offsets.dtype == np.int32
    assert back.events() == built.events()
    edited = {5: dataclasses.replace(events[5], parties=("Chad", "Niger"))}
    back.set_rows(edited)
    assert back.event(5).parties == ("Chad", "Niger") and back.event(6) == built.event(6)
    joined = EventColumns.concat([back, built], built.text_of)
    assert joined.event(125) == built.event(5) and joined.event(5).parties == ("Chad", "Niger")
