"""JUnit XML for feed results: one ``<testcase>`` per article.

The layout is the one CI servers read (Jenkins / GitLab / the GitHub test-report
actions, after the Ant JUnit task): ``<testsuites>`` → ``<testsuite>`` with ``tests``,
``failures``, ``errors`` and ``time`` → ``<testcase classname name time file>``, holding
``<failure message type>`` for an article that fails the gate and ``<error>`` for one that
could not be checked. A failure message lists the article's critical and major findings
with the Japanese span and the English it should have said.

The document is produced in pieces (header, one testcase per record, footer) so that a
feed of any size is written without holding it in memory.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

#: Severities listed in a failure message (the ones that stop publication by default).
FAILURE_SEVERITIES = ("critical", "major")
#: Longest quote of Japanese or English in a finding line.
MAX_QUOTE = 200
SUITE_NAME = "mtqa feed"
CLASSNAME = "mtqa.feed"

# Characters that XML 1.0 forbids even as references (C0 controls but TAB/LF/CR, lone
# surrogates, U+FFFE/FFFF): article text may contain them (issue #9), so they are shown
# as U+FFFD instead of producing a file no parser accepts.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: Any) -> str:
    """``text`` made safe for XML 1.0 character data (illegal characters → U+FFFD)."""
    return escape(_XML_ILLEGAL.sub("\ufffd", str(text)))


def xml_attr(text: Any) -> str:
    """A quoted XML attribute value (newlines kept as ``&#10;``)."""
    return quoteattr(_XML_ILLEGAL.sub("\ufffd", str(text)))


@dataclass
class JUnitStats:
    """Counts for the ``<testsuite>`` element (gathered in a first pass)."""

    tests: int = 0
    failures: int = 0
    errors: int = 0
    time: float = 0.0

    def add(self, record: Mapping[str, Any]) -> None:
        self.tests += 1
        self.time += float(record.get("elapsed_s") or 0.0)
        if record.get("status") != "ok":
            self.errors += 1
        elif (record.get("summary") or {}).get("verdict") != "pass":
            self.failures += 1


def _quote(text: Any) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= MAX_QUOTE else s[: MAX_QUOTE - 1] + "…"


def finding_line(f: Mapping[str, Any]) -> str:
    """``major title «外務大統領» (English: "Foreign Minister"): message [line 3]``."""
    out = f"{f.get('severity')} {f.get('category')} «{_quote(f.get('text') or '∅')}»"
    if f.get("reference"):
        out += f" (English: \"{_quote(f['reference'])}\")"
    out += f": {f.get('message', '')}"
    if f.get("line") is not None:
        out += f" [line {f['line']}]"
    return out


def failure_message(record: Mapping[str, Any]) -> str:
    """The gate's reasons, then one line per critical/major finding."""
    summary = record.get("summary") or {}
    lines = ["gate failed: " + ("; ".join(summary.get("reasons") or []) or "verdict fail")]
    for f in record.get("findings", []):
        if f.get("severity") in FAILURE_SEVERITIES and f.get("category") != "boilerplate":
            lines.append(finding_line(f))
    return "\n".join(lines)


def header(stats: JUnitStats, signature: str | None = None) -> str:
    attrs = (f'tests="{stats.tests}" failures="{stats.failures}" errors="{stats.errors}" '
             f'skipped="0" time="{stats.time:.3f}"')
    props = ""
    if signature:
        props = (f"    <properties>\n      <property name=\"signature\" "
                 f"value={xml_attr(signature)}/>\n    </properties>\n")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<testsuites name={xml_attr(SUITE_NAME)} {attrs}>\n"
        f"  <testsuite name={xml_attr(SUITE_NAME)} {attrs}>\n{props}"
    )


FOOTER = "  </testsuite>\n</testsuites>\n"


def testcase(record: Mapping[str, Any]) -> str:
    """One ``<testcase>`` element for a record of ``report.jsonl``."""
    source = record.get("source") or {}
    attrs = (f"classname={xml_attr(CLASSNAME)} name={xml_attr(record.get('id', ''))} "
             f'time="{float(record.get("elapsed_s") or 0.0):.3f}"')
    if source.get("file"):
        attrs += f" file={xml_attr(source['file'])}"
    if source.get("line") is not None:
        attrs += f' line="{int(source["line"])}"'
    if record.get("status") != "ok":
        msg = str(record.get("error") or "not checked")
        return (f"    <testcase {attrs}>\n      <error message={xml_attr(msg)} "
                f'type="mtqa.input">{xml_text(msg)}</error>\n    </testcase>\n')
    summary = record.get("summary") or {}
    if summary.get("verdict") == "pass":
        return f"    <testcase {attrs}/>\n"
    message = failure_message(record)
    body = [f"score {summary.get('score')} · counts {summary.get('counts')}"]
    body += [finding_line(f) for f in record.get("findings", [])]
    return (f"    <testcase {attrs}>\n      <failure message={xml_attr(message)} "
            f'type="mtqa.gate">{xml_text(chr(10).join(body))}</failure>\n    </testcase>\n')
