"""GitHub Actions annotations for feed results: ``::error file=...,line=...::message``.

GitHub turns these workflow-command lines, printed on stdout, into annotations on the
pull request's files ("Workflow commands for GitHub Actions": ``error`` and
``warning`` with ``file``, ``line`` and ``title`` properties). Data is escaped as the
runner expects: ``%``, CR and LF in the message; also ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..report.visible import visible

#: Severity of a finding -> annotation level. Major and critical findings stop
#: publication under the default policy, so they are errors; minor ones are warnings.
LEVELS = {"critical": "error", "major": "error", "minor": "warning"}
#: Longest excerpt of Japanese or English quoted in one annotation.
MAX_QUOTE = 120
FORMATS = ("none", "github")


def escape_data(text: str) -> str:
    """Escape a workflow-command message; control characters from the texts (an ESC from a
    feed guid) are shown as their pictures, never sent to the CI log's terminal."""
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value (``file``, ``title``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _quote(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def command(level: str, message: str, file: str | None = None, line: int | None = None,
            title: str | None = None) -> str:
    """One ``::level props::message`` line."""
    props = []
    if file:
        props.append(f"file={escape_property(file)}")
    if line is not None:
        props.append(f"line={int(line)}")
    if title:
        props.append(f"title={escape_property(title)}")
    head = f"::{level} {','.join(props)}" if props else f"::{level}"
    return f"{head}::{escape_data(message)}"


def github_annotations(record: Mapping[str, Any]) -> Iterator[str]:
    """Annotation lines for one record of ``report.jsonl``.

    An error item gives one ``::error``; a checked item gives one line per finding
    (boilerplate excluded), and one ``::error`` naming the gate's reasons when it failed.
    """
    source = record.get("source") or {}
    file = source.get("file")
    item_line = source.get("line")
    item_id = str(record.get("id", "?"))
    if record.get("status") != "ok":
        yield command("error", f"{item_id}: {record.get('error') or 'not checked'}", file,
                      item_line, "mtqa: article not checked")
        return
    for f in record.get("findings", []):
        level = LEVELS.get(f.get("severity", ""))
        if level is None or f.get("category") == "boilerplate":
            continue
        # a point finding (a lost sentence) has no text: ∅ marks the place, as in the reports
        msg = f"{item_id}: «{_quote(f.get('text') or '∅')}» {f.get('message', '')}"
        if f.get("reference"):
            msg += f" (English: {_quote(f['reference'])})"
        line = f.get("line", item_line)
        yield command(level, msg, file, line, f"mtqa {f.get('severity')} {f.get('category')}")
    summary = record.get("summary") or {}
    if summary.get("verdict") == "fail":
        reasons = "; ".join(summary.get("reasons") or []) or "gate failed"
        yield command("error", f"{item_id}: publication gate failed: {reasons} "
                      f"(score {summary.get('score')})", file, item_line, "mtqa gate")
