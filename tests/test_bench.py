"""`python -m bench --quick` completes and writes valid results (timings are not asserted:
speed goals live in the benchmark's own PASS/FAIL table, never in unit tests)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]


def test_quick_bench_writes_results(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "bench", "--quick", "--out", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(out.read_text())
    assert data["extraction"]["events"] > 1000
    assert data["extraction"]["warm_extracted"] == data["extraction"]["warm_extracted"]
    assert data["tagger"]["tagger_found"] > 0
    assert "10000" in data["scale"] and "error" not in data["scale"]["10000"]
    assert {t["status"] for t in data["targets"].values()} <= {"PASS", "FAIL", "SKIP"}
    assert "targets:" in result.stdout


def test_corpus_is_deterministic_and_varied(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 30, seed=5)
    write_corpus(tmp_path / "b", 30, seed=5)
    first = sorted(p.read_bytes() for p in (tmp_path / "a").rglob("*.txt"))
    assert first == sorted(p.read_bytes() for p in (tmp_path / "b").rglob("*.txt"))
    texts = [p.read_text() for p in (tmp_path / "a").rglob("article-*.txt")]
    assert len(set(texts)) == 30
    assert any("Related Articles" in t for t in texts)
    assert any(t.startswith("date ") for t in texts)
    assert (tmp_path / "a" / "timeline-viewer.ini").read_text().count("date = ") >= 5


def test_tagger_comparison_alternates_rounds(tmp_path: Path) -> None:
    """The ratio to dateparser is the median of alternating rounds (one noisy run does not
    decide it), each round with its own CPU times for both sides."""
    from bench.tagger import compare, describe

    write_corpus(tmp_path, 4, seed=11)
    texts = [p.read_text() for p in sorted(tmp_path.rglob("article-*.txt"))]
    result = compare(texts, rounds=3)
    assert result["tagger_found"] > 0
    if "dateparser_s" in result:  # the bench extra is installed
        assert len(result["tagger_s_rounds"]) == len(result["ratio_rounds"]) == 3
        assert result["ratio_min"] <= result["tagger_vs_dateparser_ratio"] <= result["ratio_max"]
        assert "median of 3 alternating rounds" in describe(result)
    else:
        assert len(result["tagger_s_rounds"]) == 1


def test_pathological_texts_are_article_bodies(tmp_path: Path) -> None:
    """The long-text cases time the body's path: built from the generator's articles with
    their "Related Articles" tails kept, 99 % of the 1 MB text was marked as the page's tail
    after the first article's, and the 16 MB file timed the furniture path."""
    from bench.pathological import _body, _write
    from viewer.core.pipeline.folder_extraction import extract_folder

    _write(tmp_path, "text.txt", _body(30_000)[:30_000])
    (document,) = extract_folder(tmp_path, workers=1, use_cache=False).documents
    assert len(document.sentences) > 100
    assert document.boilerplate_count <= len(document.sentences) // 100


def test_pathological_texts_never_repeat_themselves(tmp_path: Path) -> None:
    """The 4 MB text once was four copies of the 1 MB text, and what the extraction learns
    from a text once it reuses on every copy: the ratio of their costs read 3.35 where 4 MB
    of text that goes on cost 3.70 times the 1 MB. The 4 MB text now goes on from the 1 MB."""
    from bench.pathological import make_inputs

    cases = make_inputs(tmp_path, quick=True)
    one = (cases["ratio_1mb"] / "text.txt").read_text(encoding="utf-8")
    four = (cases["ratio_4mb"] / "text.txt").read_text(encoding="utf-8")
    assert len(one) == 1_000_000 and len(four) == 4_000_000
    assert four.startswith(one)
    assert one[:10_000] not in four[1_000_000:]
    paragraph = (cases["paragraph_2mb"] / "one-paragraph.txt").read_text(encoding="utf-8")
    assert "\n" not in paragraph and paragraph[1_000_001:1_010_001] not in paragraph[:1_000_000]
