"""Publication policy for feed runs: ``mtqa.toml`` or ``[tool.mtqa]`` in ``pyproject.toml``,
``MTQA_*`` environment variables and command-line options, merged into one :class:`QAConfig`.

Precedence (STYLE.md): command line > ``MTQA_*`` environment > TOML file > defaults.

Example ``mtqa.toml`` (the same keys go under ``[tool.mtqa]`` in ``pyproject.toml``)::

    max_critical = 0
    max_major = 0
    max_minor = "unlimited"
    min_score = 90.0
    glossary = "newsroom/titles.csv"     # relative to this file
    latin_allowed = "newsroom/latin.tsv" # house style for Latin script (relative too)
    backtranslator = "marian"
    model = "models/opus-mt-ja-en"
    checks = ["untranslated", "repetition"]

    [severity]                           # category -> severity
    untranslated = "major"

Every setting also changes the report signature (through :class:`QAConfig`), so results
produced under different policies are never mistaken for one another.
"""

from __future__ import annotations

import numbers
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .backtranslate import ENGINE_CHOICES
from .config import ConfigArg, QAConfig
from .errors import ConfigError
from .types import CATEGORIES, SEVERITIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 (tomli is a dependency there)
    import tomli as tomllib

#: Policy file looked for in the working directory before ``pyproject.toml``.
POLICY_FILE = "mtqa.toml"
PYPROJECT = "pyproject.toml"
ENV_PREFIX = "MTQA_"
#: Values meaning "no limit" for the ``max_*`` and ``min_score`` settings (TOML has no
#: null). A negative number is an error, never "no limit" (#16).
UNLIMITED = frozenset({"none", "unlimited", "off"})
#: Scores run from 0 (everything wrong) to 100 (no finding): mtqa/score.py.
MIN_SCORE_RANGE = (0.0, 100.0)
#: Finding categories whose check has another name (the others are the singular of their
#: check's name: ``title`` -> ``titles``).
_CHECK_ALIASES = {"boilerplate": "alignment", "moved": "alignment"}

_INT_KEYS = ("max_critical", "max_major", "max_minor")
#: Settings that name a file: a relative path is relative to the policy file.
_PATH_KEYS = ("glossary", "latin_allowed")
_KEYS = (*_INT_KEYS, "min_score", "min_confidence", *_PATH_KEYS, "backtranslator", "model",
         "checks", "severity")
#: Settings a Python keyword argument may set to ``None``: no limit (``max_*``,
#: ``min_score``, ``min_confidence``), the default checks, no model or file.
_API_NONE_OK = (*_INT_KEYS, "min_score", "min_confidence", "checks", "model", *_PATH_KEYS)


@dataclass(frozen=True)
class ResolvedPolicy:
    """The merged configuration and where each setting came from.

    Attributes:
        config: the configuration to run with.
        file: the TOML file read, or ``None``.
        origins: setting name -> ``"cli"``, ``"env"``, ``"file"`` (defaults are absent).
    """

    config: QAConfig
    file: Path | None
    origins: Mapping[str, str]


def _limit(value: Any, where: str) -> int | None:
    """A ``max_*`` limit: a whole number from 0, or one of :data:`UNLIMITED` for no limit.

    A negative number is refused rather than read as "no limit": ``--max-major -1`` must
    not switch the gate off by accident (#16); "unlimited" is spelled out.
    """
    if isinstance(value, str) and value.strip().lower() in UNLIMITED:
        return None
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise ConfigError(
                f"{where}: {value!r} is not a whole number; give 0 or more, or \"none\" for "
                "no limit"
            ) from None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ConfigError(
            f"{where}: expected a whole number or \"none\" (no limit), got {value!r}"
        )
    value = int(value)
    if value < 0:
        raise ConfigError(
            f"{where}: {value} is negative; give 0 or more, or \"none\" for no limit"
        )
    return value


def _bounded(
    value: Any, where: str, bounds: tuple[float, float], one: str, many: str
) -> float | None:
    """A number within ``bounds`` (``one``/``many`` name it in messages), or one of
    :data:`UNLIMITED` for none; anything else is refused, not clamped (#16: a
    ``min_score = 200`` failed every article)."""
    low, high = bounds
    span = f"{low:g} to {high:g}"
    if isinstance(value, str):
        if value.strip().lower() in UNLIMITED:
            return None
        try:
            value = float(value)
        except ValueError:
            raise ConfigError(
                f"{where}: {value!r} is not a number; give {one} from {span}, or \"none\""
            ) from None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ConfigError(f"{where}: expected a number from {span}, got {value!r}")
    number = float(value)
    if not low <= number <= high:  # also refuses NaN, which compares false
        raise ConfigError(f"{where}: {value} is out of range; {many} run from {span}")
    return number


def _score(value: Any, where: str) -> float | None:
    """``min_score``: a score (mtqa/score.py) from :data:`MIN_SCORE_RANGE`, or none."""
    return _bounded(value, where, MIN_SCORE_RANGE, "a score", "scores")


def _confidence(value: Any, where: str) -> float | None:
    """``min_confidence``: a probability (mtqa/risk/confidence.py) from 0 to 1, or none
    (findings only gain ``confidence``)."""
    return _bounded(value, where, (0.0, 1.0), "a probability", "confidences")


def check_names(names: Iterable[str], where: str) -> tuple[str, ...]:
    """Registered check names for the names a user gave.

    A check is named as ``mtqa checks`` lists it (plural: ``numbers``, ``titles``); the
    singular (``number``) and the finding category a check reports (``title``, and
    ``boilerplate`` or ``moved`` for ``alignment``) are accepted too, because
    ``--severity`` takes categories and users mix the two (#16).

    A name with ``+`` adds a check to the default run and one with ``-`` takes it out
    (``+divergence``: the default checks and the opt-in divergence check); the plain names
    given, if any, stand in for the default run.

    Raises:
        ConfigError: a name that is neither a check nor a category (lists the checks).
    """
    from . import checks

    given = [n.strip() for n in names]
    plain = [n for n in given if not n.startswith(("+", "-"))]
    if len(plain) == len(given):
        return _resolve_check_names(plain, where)
    out = list(_resolve_check_names(plain, where)) if plain else list(checks.defaults())
    for name in given:
        if name[:1] not in ("+", "-"):
            continue
        (found,) = _resolve_check_names([name[1:]], where)
        if name[0] == "+" and found not in out:
            out.append(found)
        elif name[0] == "-" and found in out:
            out.remove(found)
    if not out:
        raise ConfigError(f"{where}: no check left to run")
    return tuple(out)


def _resolve_check_names(names: Iterable[str], where: str) -> tuple[str, ...]:
    """:func:`check_names` for plain names (no ``+``/``-``)."""
    from . import checks

    known = checks.available()
    out: list[str] = []
    for name in names:
        key = name.strip().lower()
        found = _CHECK_ALIASES.get(key, key)
        if found not in known and key + "s" in known:
            found = key + "s"
        if found not in known and key.endswith("s") and key[:-1] in known:
            found = key[:-1]
        if found not in known:
            raise ConfigError(
                f"{where}: unknown check {name!r}; give check names: {', '.join(known)}"
            )
        if found not in out:
            out.append(found)
    return tuple(out)


def _checks(value: Any, where: str) -> tuple[str, ...]:
    """``checks`` as a list (a tuple from Python) or a comma-separated string.

    An empty selection (``--checks=``, ``MTQA_CHECKS=,``, ``checks = []``) is refused, as
    ``--checks=numbers,-numbers`` is: it is not "the default checks" (leave the setting out
    for those).
    """
    if isinstance(value, str):
        items = [c.strip() for c in value.split(",")]
    elif isinstance(value, (list, tuple)) and all(isinstance(c, str) for c in value):
        items = [c.strip() for c in value]
    else:
        raise ConfigError(f"{where}: give check names as a list or comma-separated string")
    names = [c for c in items if c]
    if not names:
        raise ConfigError(
            f"{where}: no check named; give check names (`mtqa checks` lists them), or "
            "leave the setting out for the default checks"
        )
    return check_names(names, where)


def parse_severity(value: Any, where: str) -> dict[str, str]:
    """``{"untranslated": "major"}`` from a TOML table or ``"cat=sev,cat=sev"``.

    Raises:
        ConfigError: unknown category or severity.
    """
    if isinstance(value, str):
        table: dict[str, Any] = {}
        for part in value.split(","):
            if not part.strip():
                continue
            if "=" not in part:
                raise ConfigError(f"{where}: {part.strip()!r} should be CATEGORY=SEVERITY")
            k, v = part.split("=", 1)
            table[k.strip()] = v.strip()
    elif isinstance(value, Mapping):
        table = dict(value)
    else:
        raise ConfigError(f"{where}: give a table of category = severity")
    out: dict[str, str] = {}
    for cat, sev in table.items():
        if cat not in CATEGORIES:
            raise ConfigError(f"{where}: unknown category {cat!r}; one of {', '.join(CATEGORIES)}")
        if sev not in SEVERITIES:
            raise ConfigError(f"{where}: unknown severity {sev!r} for {cat!r}; one of "
                              f"{', '.join(SEVERITIES)}")
        out[cat] = sev
    return out


def _validate(
    raw: Mapping[str, Any], where: str, base: Path | None, *, source: str = "file"
) -> dict[str, Any]:
    """Normalised settings (``max-major`` → ``max_major``), validated; ``glossary`` and
    ``latin_allowed`` resolved against ``base``.

    Args:
        raw: setting name -> value as given.
        where: the file (or variable) the values come from, for messages.
        base: folder that a relative ``glossary`` or ``latin_allowed`` path is relative
            to.
        source: ``"file"`` (messages say ``FILE: key``), ``"env"`` (``$MTQA_KEY``),
            ``"cli"`` (``--key``) or ``"argument"`` (``key=VALUE``, a Python keyword
            argument): every message names where the bad value was given.
    """
    out: dict[str, Any] = {}
    for key, value in raw.items():
        name = key.replace("-", "_").lower()
        if source == "cli":
            at = "--" + name.replace("_", "-")
        elif source == "env":
            at = f"${ENV_PREFIX}{name.upper()}"
        elif source == "argument":
            shown = repr(value)
            at = f"{key}={shown if len(shown) <= 60 else shown[:57] + '...'}"
        else:
            at = f"{where}: {key}"
        if name not in _KEYS:
            raise ConfigError(f"{at}: unknown setting; known: {', '.join(_KEYS)}")
        if name in _INT_KEYS:
            out[name] = _limit(value, at)
        elif name == "min_score":
            out[name] = _score(value, at)
        elif name == "min_confidence":
            out[name] = _confidence(value, at)
        elif name == "checks":
            out[name] = _checks(value, at)
        elif name == "severity":
            out[name] = parse_severity(value, at)
        elif not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{at}: expected a non-empty string")
        elif name == "backtranslator":
            if value not in ENGINE_CHOICES:
                raise ConfigError(f"{at}: {value!r} is not one of {', '.join(ENGINE_CHOICES)}")
            out[name] = value
        elif (name in _PATH_KEYS and base is not None
              and not Path(value).is_absolute()):
            out[name] = str(base / value)
        else:
            out[name] = value
    return out


def find_policy_file(directory: str | os.PathLike[str] = ".") -> Path | None:
    """``mtqa.toml`` in ``directory``, else its ``pyproject.toml`` if that has a
    ``[tool.mtqa]`` table, else ``None``."""
    d = Path(directory)
    if (d / POLICY_FILE).is_file():
        return d / POLICY_FILE
    py = d / PYPROJECT
    if py.is_file():
        try:
            data = tomllib.loads(py.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None  # someone else's broken pyproject is not our policy
        if isinstance(data.get("tool"), dict) and "mtqa" in data["tool"]:
            return py
    return None


def read_policy_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Validated settings of a policy file (``mtqa.toml``, or ``[tool.mtqa]`` of a
    ``pyproject.toml``).

    Raises:
        ConfigError: missing, unreadable, invalid TOML, or invalid settings.
    """
    p = Path(path)
    if p.is_dir():
        raise ConfigError(f"{path}: is a folder; give the policy file (mtqa.toml or "
                          "pyproject.toml) itself")
    if not p.is_file():
        raise ConfigError(f"{path}: no such policy file")
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read policy file ({err})") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML ({err}); fix the file") from err
    if p.name == PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("mtqa") if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: no [tool.mtqa] table; add one or use {POLICY_FILE}")
        data = table
        where = f"{path} [tool.mtqa]"
    else:
        where = str(path)
    return _validate(data, where, p.resolve().parent)


def env_settings(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Settings from ``MTQA_MAX_MAJOR``, ``MTQA_MIN_SCORE``, ``MTQA_SEVERITY``
    (``cat=sev,...``), ``MTQA_BACKTRANSLATOR``, ``MTQA_MODEL``, ``MTQA_GLOSSARY``,
    ``MTQA_CHECKS`` and the other keys of the policy file.

    Raises:
        ConfigError: an invalid value (the message names the variable).
    """
    env = os.environ if env is None else env
    raw = {}
    for key in _KEYS:
        var = ENV_PREFIX + key.upper()
        if env.get(var, "").strip():
            raw[key] = env[var].strip()
    return _validate(raw, "environment", None, source="env")


def resolve(
    cli: Mapping[str, Any] | None = None,
    *,
    config_file: str | os.PathLike[str] | None = None,
    search_dir: str | os.PathLike[str] | None = ".",
    env: Mapping[str, str] | None = None,
    base: QAConfig | None = None,
) -> ResolvedPolicy:
    """Merge defaults, the policy file, ``MTQA_*`` variables and command-line values.

    Args:
        cli: settings given on the command line (``None`` values mean "not given");
            may also hold ``engine_options`` (cache settings), passed through.
        config_file: policy file to read; when ``None``, one is looked for in
            ``search_dir`` (no file is read when that is ``None`` too).
        search_dir: folder to look for ``mtqa.toml`` / ``pyproject.toml`` in.
        env: environment (default: ``os.environ``).
        base: configuration to start from (default: ``QAConfig()``).

    Returns:
        The merged configuration and where each setting came from.

    Raises:
        ConfigError: invalid file, variable or value.
    """
    path: Path | None
    if config_file is not None:
        path = Path(config_file)
    elif search_dir is not None:
        path = find_policy_file(search_dir)
    else:
        path = None
    merged: dict[str, Any] = {}
    origins: dict[str, str] = {}
    layers: list[tuple[str, dict[str, Any]]] = []
    if path is not None:
        layers.append(("file", read_policy_file(path)))
    layers.append(("env", env_settings(env)))
    cli_values = {k: v for k, v in (cli or {}).items() if v is not None}
    engine_options = cli_values.pop("engine_options", None)
    layers.append(("cli", _validate(cli_values, "command line", Path.cwd(), source="cli")))
    for origin, values in layers:
        for key, value in values.items():
            if key == "severity":
                # category overrides combine: a CLI --severity adds to the file's table
                merged["severity"] = {**merged.get("severity", {}), **value}
            else:
                merged[key] = value
            origins[key] = origin
    config = (base or QAConfig()).with_options(**merged)
    if engine_options:
        config = config.with_options(**engine_options)
    # every report states the policy file it used, or "defaults" (#16)
    config = config.with_policy_source(path, origins)
    return ResolvedPolicy(config, path, origins)


def api_config(config: ConfigArg, options: Mapping[str, Any]) -> tuple[QAConfig, str | None]:
    """The configuration of ``mtqa.check``, ``check_segments`` and ``check_feed``: the
    same policy as ``mtqa check``/``mtqa feed`` would use in this working directory (#16:
    one article must not get two verdicts), then ``options`` on top.

    Args:
        config: ``None`` (default) looks for ``./mtqa.toml``, else ``[tool.mtqa]`` in
            ``./pyproject.toml``, as the command line does; ``False`` reads no policy file
            (``--no-config``); a path reads that file (``--config FILE``). ``MTQA_*``
            variables apply over the file in these three cases, as on the command line. A
            :class:`QAConfig` is used as given (no file, no variables).
        options: keyword overrides (:meth:`QAConfig.with_options`), validated as the
            command line's options are (:func:`api_options`); they win over the file and
            the variables, as command-line options do. ``severity`` adds to the file's
            table.

    Returns:
        The configuration, and a note for the report when a policy file was found by
        looking in the working directory (so that a notebook user sees why its verdict
        differs from a run elsewhere), else None.

    Raises:
        ConfigError: an invalid policy file, variable or option.
    """
    given = {k: "argument" for k in options}
    if isinstance(config, QAConfig):
        cfg = _merge_options(config, options)
        return cfg.with_policy_source(config.policy.source,
                                      {**config.policy.origins, **given}), None
    if config is None or config is True:
        resolved = resolve(None, search_dir=".")
    elif config is False:
        resolved = resolve(None, search_dir=None)
    else:
        resolved = resolve(None, config_file=config)
    cfg = _merge_options(resolved.config, options)
    cfg = cfg.with_policy_source(resolved.file, {**resolved.origins, **given})
    note = None
    if resolved.file is not None and (config is None or config is True):
        where = os.path.abspath(resolved.file)
        note = (f"policy from {where} (found in the working directory, as `mtqa check` "
                "does; config=False ignores it, config=PATH reads another)")
    return cfg, note


def _merge_options(config: QAConfig, options: Mapping[str, Any]) -> QAConfig:
    """``config.with_options(**options)``, the options validated as the command line's are
    (:func:`api_options`), a ``severity`` table added to the config's."""
    opts = api_options(options)
    if "severity" in opts:
        opts["severity"] = {**config.policy.severity, **opts["severity"]}
    return config.with_options(**opts)


def api_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """Keyword options of ``mtqa.check``, ``check_segments`` and ``check_feed``, validated
    and normalised as the command line's, the policy file's and the ``MTQA_*`` variables'
    are (#16: a notebook and ``mtqa check`` give one verdict; ``max_major=-1`` is an error,
    never "no limit").

    The policy-file settings are checked (:data:`_KEYS`); the others (engine options,
    ``presegmented``...) are left to :meth:`QAConfig.with_options`, which refuses an
    unknown name. ``None`` keeps its Python meaning where the setting has one (no limit,
    the default checks, no model or file). ``checks`` takes a list or tuple of names or a
    comma-separated string, with the command line's spellings (check, singular, finding
    category, ``+``/``-``); ``severity`` a mapping or ``"cat=sev,..."``; a path may be an
    :class:`os.PathLike`.

    Raises:
        ConfigError: an invalid value; the message names the argument (``max_major=-1:
            ...``), as the command line names the flag.
    """
    out: dict[str, Any] = {}
    for key, value in options.items():
        if key not in _KEYS:
            out[key] = value
        elif value is None and key in _API_NONE_OK:
            out[key] = None
        else:
            if key in (*_PATH_KEYS, "model") and isinstance(value, os.PathLike):
                value = os.fspath(value)
            out.update(_validate({key: value}, "argument", None, source="argument"))
    return out
