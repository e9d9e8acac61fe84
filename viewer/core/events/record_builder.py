"""A faster constructor for frozen, slotted dataclasses that are made by the ten thousand.

A frozen dataclass's `__init__` sets each field through `object.__setattr__` (a global
lookup, an attribute lookup and a generic call per field): for the 31 fields of an event that
is about 2.9 µs, and a long article makes and copies tens of thousands of events. Setting
each slot through its own descriptor, in one straight-line function, does the same work in
about half the time. The result is an ordinary instance of the class, equal to what the
class's own constructor gives (no `__post_init__` may exist: it would be skipped).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def slot_constructor(cls: type[T]) -> Callable[..., T]:
    """A function taking the same arguments as `cls(...)` (names, order and defaults) that
    builds the instance by setting its slots directly."""
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has __post_init__, which this would skip")
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    params: list[str] = []
    body: list[str] = ["    obj = _new(_cls)"]
    for index, field in enumerate(fields):
        if field.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{field.name} has a default factory")
        if field.default is dataclasses.MISSING:
            params.append(field.name)
        else:
            namespace[f"_d{index}"] = field.default
            params.append(f"{field.name}=_d{index}")
        namespace[f"_s{index}"] = getattr(cls, field.name).__set__
        body.append(f"    _s{index}(obj, {field.name})")
    source = f"def make({', '.join(params)}):\n" + "\n".join(body) + "\n    return obj\n"
    exec(source, namespace)  # generated from the class's own field names, as dataclasses does
    make: Callable[..., T] = namespace["make"]
    make.__doc__ = f"`{cls.__name__}(...)` without the frozen class's per-field setattr."
    return make
