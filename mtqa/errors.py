"""Typed errors. The library raises these; only the CLI turns them into exit code 2."""

from __future__ import annotations


class MtqaError(Exception):
    """Base class: the message names the input, what was found and the fix."""


class InputError(MtqaError):
    """An input file or text cannot be used (missing, empty, undecodable, wrong language)."""


class ConfigError(MtqaError):
    """An option, policy file or glossary is invalid."""


class ModelUnavailableError(MtqaError):
    """A back-translation model was asked for but cannot be loaded here."""


class MissingDependencyError(MtqaError):
    """An optional package is needed for the requested feature."""


class OutputError(MtqaError):
    """An output file or folder cannot be written (disk full, I/O error); exit code 4."""
