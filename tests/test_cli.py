"""The command line as a user meets it: output, exit codes, help, the no-display message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.commands import COMMANDS
from viewer.display import NO_DISPLAY, display_problem, headless_problem


def test_docs_lists_seeds_with_dates(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs", str(seeds_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6
    expected = ["2026-01-29", "2025-07-22", "2026-02-19", "2025-06-05", "2026-02-18"]
    for line, date in zip(lines, expected, strict=False):
        assert f"{date} (sidecar)" in line
        assert "sentences" in line and "boilerplate" in line and "problems: -" in line
    assert lines[-1] == "5 documents, 0 skipped, 0 other files ignored"


def test_docs_reports_skipped_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Talks resumed on Tuesday.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02")
    assert main(["docs", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "a.txt" in out and "a.txt  undated " in out
    # Listed as a problem, as the app's problem list does.
    assert "problems: undated: no publication date found" in out
    assert "b.txt" in out and "skipped: binary" in out


@pytest.mark.parametrize("args", [["docs", "/no/such/folder"], ["/no/such/folder"]])
def test_wrong_path_is_one_line_and_exit_2(args: list[str],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such folder: /no/such/folder" in err


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)])
def test_help_on_every_command(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: timeline-viewer" in capsys.readouterr().out


def test_a_command_imports_no_other_command() -> None:
    """Only the command that runs is imported (each imports its own session, tagger or
    store: all of them cost every command about a quarter of a second of CPU)."""
    code = ("import sys\nfrom viewer.cli import main\ntry:\n    main(['timex', '--help'])\n"
            "except SystemExit:\n    pass\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('viewer.commands.'))))\n"
            "print('viewer.core.session' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    loaded, session = done.stdout.splitlines()[-2:]
    others = set(COMMANDS) - {"timex"}
    assert "viewer.commands.timex" in loaded.split()
    assert not {f"viewer.commands.{name}" for name in others} & set(loaded.split())
    assert session == "False"


def test_display_check() -> None:
    assert display_problem({}, "linux") == NO_DISPLAY
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({}, "darwin") is None


def test_no_display_gives_clear_message_not_an_abort(seeds_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, "-m", "viewer", str(seeds_dir)], env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert "xvfb-run make run" in out.stderr and "--screenshot" in out.stderr
    assert "Traceback" not in out.stderr and "Aborted" not in out.stderr


def _without_display(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return {**env, **extra}


@pytest.mark.parametrize("platform", ["xcb", ""])
@pytest.mark.parametrize("how", ["screenshot", "png-export", "window"])
def test_chosen_platform_without_display_is_one_line_and_exit_2(
        platform: str, how: str, seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    args = {"screenshot": ["--screenshot", str(out), str(seeds_dir)],
            "png-export": ["export", "--format", "png", "-o", str(out), str(seeds_dir)],
            "window": [str(seeds_dir)]}[how]
    result = subprocess.run([sys.executable, "-m", "viewer", *args],
                            env=_without_display(QT_QPA_PLATFORM=platform),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("timeline-viewer: ")
    assert not out.exists()


def test_headless_picks_offscreen_only_when_unset() -> None:
    env: dict[str, str] = {}
    assert headless_problem(env) is None and env["QT_QPA_PLATFORM"] == "offscreen"
    assert headless_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    message = headless_problem({"QT_QPA_PLATFORM": "xcb"})
    assert message is not None and "QT_QPA_PLATFORM='xcb'" in message


def test_missing_xcb_libraries_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import viewer.display as display

    monkeypatch.setattr(display.ctypes.util, "find_library",
                        lambda name: None if name == "xcb-cursor" else f"lib{name}.so")
    message = display_problem({"DISPLAY": ":0"}, "linux")
    assert message is not None and "libxcb-cursor0" in message


def test_screenshot_writes_png(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "--screenshot", str(out), "--size", "900x600",
         str(seeds_dir)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_size_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--screenshot", "x.png", "--size", "huge"]) == 2
    assert "--size wants WIDTHxHEIGHT" in capsys.readouterr().err


def test_a_worker_of_the_installed_script_imports_no_command(tmp_path: Path) -> None:
    """A worker that the fork server starts imports the app's script again as its main
    module; the script imports `viewer.cli`, which must not pull in every command's modules
    (it cost each worker about 0.1 s of CPU before its first task)."""
    script = tmp_path / "timeline-viewer"
    script.write_text(
        "import sys\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "import multiprocessing\n"
        "from viewer.cli import main\n"
        "def loaded() -> list[str]:\n"
        "    return sorted(m for m in sys.modules if m.startswith('viewer.commands'))\n"
        "if __name__ == '__main__':\n"
        "    context = multiprocessing.get_context('forkserver')\n"
        "    with ProcessPoolExecutor(1, mp_context=context) as pool:\n"
        "        print(pool.submit(loaded).result())\n"
    )
    if "forkserver" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("no fork server on this platform")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=env, timeout=120, check=True)
    assert done.stdout.strip() == "[]"
