"""Shared fixtures: the project's own examples, and ../shared when it is there."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# framing keeps built tables in the user's cache folder; tests (and the commands they
# start) use a folder of their own, so they neither read nor leave files in ~/.cache.
_CACHE_HOME = tempfile.mkdtemp(prefix="framing-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
atexit.register(shutil.rmtree, _CACHE_HOME, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"


@pytest.fixture(scope="session")
def load_script():
    """``load_script("train_sentiment")``: a file of scripts/ imported as a module (scripts/
    is not a package), once per test session."""
    import importlib.util

    loaded = {}

    def load(name: str):
        if name not in loaded:
            spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            loaded[name] = mod
        return loaded[name]

    return load


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not EVAL.is_dir():
        pytest.skip("../shared/eval is not present")
    return EVAL


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def lex():
    from framing.lexicon import load_lexicons

    return load_lexicons()



@pytest.fixture(scope="session")
def gold(eval_dir):
    """``gold(name)``: the records of one file in ../shared/eval; skips the test when it is absent."""
    from framing.evaluate import read_gold

    def records(name: str) -> list[dict]:
        path = eval_dir / name
        if not path.is_file():
            pytest.skip(f"{name} is not present")
        return list(read_gold(path))

    return records
