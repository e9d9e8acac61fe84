"""Run the UI tests on a real X display: Xvfb, a window manager, the xcb platform.

`python -m tests.display [pytest args]` starts a virtual X server and Openbox (so focus and
activation behave as on a desktop), then runs tests/display and tests/ui with
TIMELINE_TEST_PLATFORM=xcb. Key presses in tests/display go through the X server (xdotool),
the way a user's do, so shortcut conflicts and exceptions in slots show up as they would.

Without Xvfb the run is skipped with the reason, unless CI=true: there it is an error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "openbox", "xdotool")
PACKAGES = "xvfb xauth openbox xdotool"


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A virtual screen on the first free display number (Xvfb picks it and reports it)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def start_window_manager(env: dict[str, str]) -> subprocess.Popen[bytes]:
    manager = subprocess.Popen(["openbox", "--sm-disable"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # ready once it has claimed the root window
        probe = subprocess.run(["xdotool", "getactivewindow"], env=env,
                               capture_output=True, check=False)
        if b"XGetWindowProperty" not in probe.stderr or manager.poll() is not None:
            break
        time.sleep(0.1)
    time.sleep(0.3)
    return manager


def main(args: list[str]) -> int:
    missing = missing_tools()
    if missing:
        reason = (f"real-display tests skipped: {', '.join(missing)} not found "
                  f"(Debian: apt-get install {PACKAGES})")
        print(reason, file=sys.stderr)
        return 1 if os.environ.get("CI") == "true" else 0
    server, display = start_xvfb()
    env = dict(os.environ, DISPLAY=display, TIMELINE_TEST_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    manager = start_window_manager(env)
    try:
        command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                   *(args or ["tests/display", "tests/ui"])]
        print(f"real display {display} (Xvfb + Openbox): {' '.join(command[1:])}", flush=True)
        return subprocess.run(command, env=env, cwd=ROOT, check=False).returncode
    finally:
        for process in (manager, server):
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
