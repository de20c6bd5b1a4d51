"""benchmarks/findings_cache.py: the cache key follows the code that runs."""

from __future__ import annotations

import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import findings_cache  # noqa: E402


def test_the_digest_is_of_the_imported_package_not_of_this_checkout(tmp_path, monkeypatch):
    import mtqa

    real = findings_cache.code_digest("dictionary")
    # another working tree's package, imported through PYTHONPATH
    pkg = tmp_path / "mtqa"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("x = 1\n", encoding="utf-8")
    (pkg / "rules.tsv").write_text("a\tb\n", encoding="utf-8")
    fake = types.ModuleType("mtqa")
    fake.__file__ = str(pkg / "__init__.py")
    monkeypatch.setitem(sys.modules, "mtqa", fake)
    first = findings_cache.code_digest("dictionary")
    skip = findings_cache.code_digest("dictionary", exclude={"mtqa/rules.tsv"})
    assert first != real
    (pkg / "rules.tsv").write_text("a\tc\n", encoding="utf-8")
    assert findings_cache.code_digest("dictionary") != first
    assert findings_cache.code_digest("dictionary", exclude={"mtqa/rules.tsv"}) == skip
    monkeypatch.undo()
    assert sys.modules["mtqa"] is mtqa and findings_cache.code_digest("dictionary") == real
