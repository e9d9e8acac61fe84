"""The fast event constructor gives what `Event(...)` gives, defaults included."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from viewer.core.events.document_events import Event, evolve, new_event
from viewer.core.events.record_builder import slot_constructor


def _fields() -> dict[str, object]:
    return {"id": "e1", "document": "a.txt", "text": "Talks began.", "char_start": 0,
            "char_end": 12, "start": dt.date(2024, 5, 1), "end": dt.date(2024, 5, 2),
            "precision": "day", "date_source": "explicit", "timex": "May 1",
            "timex_value": "2024-05-01", "parties": ("Egypt",), "people": (),
            "topics": ("talks",), "boilerplate": False, "sentence": 3}


def test_new_event_equals_the_class_constructor() -> None:
    made, built = new_event(**_fields()), Event(**_fields())  # type: ignore[arg-type]
    assert type(made) is Event
    assert made == built and hash(made) == hash(built)
    assert made.review == "unreviewed" and made.sources == 1 and made.why == ()
    positional = new_event(*(getattr(built, f.name) for f in dataclasses.fields(Event)))
    assert positional == built


def test_made_events_stay_frozen_and_evolve_copies() -> None:
    event = new_event(**_fields())
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.text = "x"  # type: ignore[misc]
    changed = evolve(event, speaker="Egypt", modality="claimed")
    assert changed == dataclasses.replace(event, speaker="Egypt", modality="claimed")
    assert event.speaker == ""


def test_classes_it_cannot_build_are_refused() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class Listed:
        values: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):
        slot_constructor(Checked)
    with pytest.raises(TypeError):
        slot_constructor(Listed)
    with pytest.raises(TypeError):
        new_event(id="only")  # missing fields fail as the class's own constructor does


def test_every_record_built_so_is_its_class_own() -> None:
    from viewer.core.events.parties import Mention, _mention
    from viewer.core.events.people import PersonMention, _person_mention
    from viewer.core.events.speaker_sources import Speaker, new_speaker

    mention = _mention(3, 9, "Egypt", "name")
    person = _person_mention(0, 9, ("Ann", "Lee"), True, "Egypt")
    speaker = new_speaker("Ann Lee", (person,), ("Egypt",))
    pairs = [(mention, Mention(3, 9, "Egypt", "name")),
             (person, PersonMention(0, 9, ("Ann", "Lee"), True, "Egypt")),
             (speaker, Speaker("Ann Lee", (person,), ("Egypt",)))]
    for made, _ in pairs[:2]:
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.start = 1  # type: ignore[misc]
    for made, built in pairs:
        assert type(made) is type(built)
        assert made == built and hash(made) == hash(built) and repr(made) == repr(built)


def test_a_class_without_slots_of_its_own_is_refused() -> None:
    @dataclasses.dataclass(frozen=True)
    class Plain:
        value: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Hidden:
        _value: int

    with pytest.raises(TypeError):
        slot_constructor(Plain)
    with pytest.raises(TypeError):
        slot_constructor(Hidden)


def test_the_sentence_loops_constructor_takes_its_fields_by_position() -> None:
    from viewer.core.events.event_record import SENTENCE_EVENT_FIELDS, sentence_event

    fields = {**_fields(), "cluster": "e1", "modality": "planned", "why": ("topic:talks:talk*",),
              "reported": dt.date(2024, 5, 3), "first_reported": dt.date(2024, 5, 3),
              "last_reported": dt.date(2024, 5, 3)}
    assert sorted(fields) == sorted(SENTENCE_EVENT_FIELDS)
    made = sentence_event(*(fields[name] for name in SENTENCE_EVENT_FIELDS))
    built = Event(**fields)  # type: ignore[arg-type]
    assert type(made) is Event and made == built and hash(made) == hash(built)
    assert made.review == "unreviewed" and made.sources == 1 and made.speaker == ""
    with pytest.raises(TypeError):
        sentence_event(*(fields[name] for name in SENTENCE_EVENT_FIELDS[:-1]))


def test_an_order_must_name_distinct_fields_and_leave_out_only_defaults() -> None:
    with pytest.raises(TypeError):
        slot_constructor(Event, ("id", "id"))
    with pytest.raises(TypeError):
        slot_constructor(Event, ("id", "nothing"))
    with pytest.raises(TypeError):
        slot_constructor(Event, ("id",))  # "document" and others have no default
