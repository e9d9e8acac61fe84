"""What a folder's row in the snapshot holds as arrays: the event columns in the widths they
are held in once read back (code columns in 1 or 2 bytes where their vocabulary allows,
list offsets in 4 bytes), and the orders the first picture needs (`saved_orders`).

Why: the columns were saved as built, in 4- and 8-byte integers, and narrowed after every
read: at a million events about 60 MB more to read, checksum and copy, and then convert,
before the first paint. The loader and `bench.snapshot_folder` both save through here.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.session import saved_orders
from viewer.core.session.code_widths import narrowed
from viewer.core.session.columns import SPEC, EventColumns

Arrays = dict[str, npt.NDArray[Any]]


def folder_arrays(columns: EventColumns) -> tuple[Arrays, dict[str, Any]]:
    """The columns' arrays and JSON values for the folder's row (`EventColumns.from_arrays`
    reads them back), with the saved orders."""
    arrays, extra = columns.to_arrays()
    for key, array in arrays.items():
        kind, _, name = key.partition(".")
        spec = SPEC.get(name)
        if kind == "a" and spec is not None and spec.kind in ("code", "maybe"):
            vocab = columns.vocab.get(name)
            arrays[key] = narrowed(array, len(vocab.strings) if vocab else 0)
        elif (kind == "o" and array.dtype != np.int32 and len(array)
              and int(array[-1]) < 2**31):
            arrays[key] = array.astype(np.int32)
    arrays.update(saved_orders.to_save(columns))
    extra["orders"] = saved_orders.VERSION
    return arrays, extra
