"""Decide, before Qt is imported, whether a window can be shown at all.

Qt aborts the process when no platform plugin loads; checking first lets us print one clear
line naming the ways out instead of a core dump.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Mapping, MutableMapping

#: Libraries Qt's xcb plugin loads on Linux, with the Debian/Ubuntu package that ships each.
XCB_LIBRARIES: dict[str, str] = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-randr": "libxcb-randr0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xfixes": "libxcb-xfixes0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
    "fontconfig": "libfontconfig1",
}

NO_DISPLAY = (
    "no display available to open a window. Either run it on a virtual display "
    "(xvfb-run make run, or xvfb-run timeline-viewer FOLDER), or render a picture instead "
    "(timeline-viewer --screenshot out.png FOLDER)."
)


def missing_xcb_packages() -> list[str]:
    return [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]


def display_problem(
    env: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """Why a window cannot open here, or None when it can (as far as we can tell)."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs…: the user chose a plugin on purpose
    wayland = bool(env.get("WAYLAND_DISPLAY")) and not qpa.startswith("xcb")
    if wayland:
        return None
    if not env.get("DISPLAY"):
        return NO_DISPLAY
    missing = missing_xcb_packages()
    if missing:
        return (
            "Qt's X11 (xcb) plugin needs system libraries that are missing: "
            + " ".join(missing)
            + ". Install them (Debian/Ubuntu: sudo apt-get install "
            + " ".join(missing)
            + "), or render a picture instead (timeline-viewer --screenshot out.png FOLDER)."
        )
    return None


def headless_problem(env: MutableMapping[str, str] | None = None) -> str | None:
    """Pick the offscreen plugin for a picture unless the user chose one, then check it can load.

    `--screenshot` and picture exports need no window, so an unset QT_QPA_PLATFORM means offscreen.
    A chosen plugin (xcb, or set but empty, which Qt reads as its default) is respected and
    checked like a window start, so a missing display is one line instead of an abort inside Qt.
    """
    env = os.environ if env is None else env
    if "QT_QPA_PLATFORM" not in env:
        env["QT_QPA_PLATFORM"] = "offscreen"
        return None
    problem = display_problem(env)
    if problem == NO_DISPLAY:
        return (f"QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']!r} asks for a display but none is "
                "available; unset it or set it to offscreen to render without one.")
    return problem
