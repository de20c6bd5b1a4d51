"""Shared resources declared by checks (``requires``): glossaries, idiom lists, ...

Loaded once per pipeline; each loader adds what it contributes to the signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..config import QAConfig


def load_resources(config: QAConfig, check_objects: Sequence[Any]) -> dict[str, Any]:
    needed: set[str] = set()
    for c in check_objects:
        needed |= set(getattr(c, "requires", ()))
    res: dict[str, Any] = {"signature": {}, "config": config}
    if "glossary" in needed:
        from ..text.glossary import load_glossary

        gl = load_glossary(config.glossary)
        res["glossary"] = gl
        res["signature"]["glossary"] = gl.signature()
    return res
