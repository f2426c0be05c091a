"""The one mood palette: a leaf, readable numbers on every step, a mark besides colour."""

import ast
import itertools
from pathlib import Path

import pytest

from journal import palette

PATH = Path(__file__).resolve().parents[1] / "journal" / "palette.py"


def test_the_palette_is_a_leaf_without_qt() -> None:
    tree = ast.parse(PATH.read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {name for name in imported if name.split(".")[0] in ("journal", "PySide6")}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_eleven_steps_with_a_number_readable_on_each(scheme: palette.Scheme) -> None:
    colours = palette.mood_colours(scheme)
    assert len(colours) == 11 and len(set(colours)) == 11
    for colour in colours:
        assert palette.contrast(palette.text_on(colour), colour) >= 4.5, colour


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_arm_of_the_scale_changes_lightness_step_by_step(scheme: palette.Scheme) -> None:
    """Diverging from the sand middle: darker towards 0 (blue), towards 10 (amber) too, so
    neighbouring steps differ without hue (greyscale, colour-blind eyes)."""
    lum = [palette._luminance(c) for c in palette.mood_colours(scheme)]
    assert all(a < b for a, b in itertools.pairwise(lum[:6]))
    assert all(a > b for a, b in itertools.pairwise(lum[5:]))


def test_reversed_ratings_and_how_connected_use_the_same_scale() -> None:
    assert palette.rating_colour(2, higher_is_better=False) == palette.mood_colour(8)
    assert palette.quality_colour(1) == palette.mood_colour(1)
    assert palette.quality_colour(3) == palette.mood_colour(5)
    assert palette.quality_colour(5) == palette.mood_colour(9)


def test_a_mark_rises_with_the_score() -> None:
    marks = [palette.mark(score) for score in range(11)]
    assert marks[0] != marks[5] != marks[10]
    assert marks == sorted(marks)  # ▁ ▂ ▄ ▆ █ are in rising code points


def test_mix_moves_towards_the_other_colour() -> None:
    assert palette.mix("#000000", "#ffffff", 0.5) == "#808080"
    assert palette.mix("#123456", "#ffffff", 0.0) == "#123456"
