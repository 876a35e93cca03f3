"""Rule files (TOML) to validated, compiled packs. Every error names the file, the line and the rule.

Validation happens here, once, when a `Cleaner` is built: a file that does not parse, an unknown
key or kind, a value of the wrong type, a pattern that does not compile, matches the empty string
or matches any line at all is refused with a `RuleError`, never a traceback from deep inside.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex

from ..errors import RuleError
from . import schema
from .hosts import site_host
from .kinds import DATE_ROLES, KIND_CLASSES, Rule
from .pack import Pack
from .snapshot import RuleText

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_ID = regex.compile(r"^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+$")
# The placeholders a `[words] time_ago` phrase may hold (cleaner/reltime.py).
_PLACEHOLDER = regex.compile(r"\{n\}|\{unit\}")
_TOML_POS = regex.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")
# Ordinary lines: a pattern that matches all of them would remove everything.
_PROBES = (
    "The quick brown fox jumps over the lazy dog.",
    "x",
    "2024",
    "Ein ganz normaler Satz, wie er in jedem Artikel steht.",
    "“Quoted,” she said.",
)
_FOLDER_ORIGIN = {"common": "common", "lang": "lang", "sites": "site"}
# Date packs (month names and date patterns per language) are always on, like common/.
_FOLDER_ORIGIN["dates"] = "common"


def default_rules_dir() -> Path:
    """The rules shipped with cleaner: inside the package when installed, `rules/` in a checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_rules"
    if packaged.is_dir():
        return packaged
    return here.parent / "rules"


class _Locator:
    """Finds the line of a rule or key in the raw text (tomllib keeps no positions)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.rule_starts = [
            i + 1 for i, line in enumerate(self.lines) if line.strip().startswith("[[rule]]")
        ]

    def rule(self, index: int) -> int | None:
        return self.rule_starts[index] if index < len(self.rule_starts) else None

    def key(self, key: str, rule_index: int | None = None) -> int | None:
        start, end = 0, len(self.lines)
        if rule_index is not None and rule_index < len(self.rule_starts):
            start = self.rule_starts[rule_index] - 1
            if rule_index + 1 < len(self.rule_starts):
                end = self.rule_starts[rule_index + 1] - 1
        pat = regex.compile(r"^\s*(?:\[+\s*)?" + regex.escape(key) + r"\s*(?:=|\]|\.)")
        for i in range(start, end):
            if pat.match(self.lines[i]):
                return i + 1
        return self.rule(rule_index) if rule_index is not None else None

    def table_key(self, table: str, key: str) -> int | None:
        """The line of `key` inside the `[table]` section (or of the section header)."""
        head = regex.compile(r"^\s*\[\s*" + regex.escape(table) + r"\s*\]")
        pat = regex.compile(r"^\s*" + regex.escape(key) + r"\s*=")
        start = next((i for i, line in enumerate(self.lines) if head.match(line)), None)
        if start is None:
            return None
        for i in range(start + 1, len(self.lines)):
            if self.lines[i].lstrip().startswith("["):
                break
            if pat.match(self.lines[i]):
                return i + 1
        return start + 1


def compile_pattern(
    value: Any, *, ignore_case: bool, path: str, line: int | None, rule: str, key: str, kind: str
) -> regex.Pattern:
    """Compile one pattern (a string, or a list of alternatives) and refuse dangerous ones."""
    if isinstance(value, str):
        source = value
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        source = "|".join(f"(?:{v})" for v in value)
    else:
        raise RuleError(path, "must be a string or a non-empty list of strings", line=line, rule=rule, key=key)
    if not source.strip():
        raise RuleError(path, "pattern is empty", line=line, rule=rule, key=key)
    try:
        pat = regex.compile(source, regex.IGNORECASE if ignore_case else 0)
    except regex.error as e:
        raise RuleError(path, f"pattern does not compile: {e}", line=line, rule=rule, key=key) from None
    except Exception as e:  # noqa: BLE001 - any other failure of the compiler is still the rule's fault
        raise RuleError(path, f"pattern does not compile: {e}", line=line, rule=rule, key=key) from None
    if pat.search("") is not None:
        raise RuleError(path, "pattern matches the empty string", line=line, rule=rule, key=key)
    if kind != "header" and all(pat.search(p) for p in _PROBES):
        raise RuleError(path, "pattern matches any line; it would remove everything", line=line, rule=rule, key=key)
    return pat


def _check_type(path: str, line: int | None, rule: str | None, key: str, value: Any) -> None:
    def bad(expected: str) -> RuleError:
        return RuleError(path, f"must be {expected}, not {type(value).__name__}", line=line, rule=rule, key=key)

    if key in schema.INT_KEYS and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise bad("a non-negative integer")
    if key in schema.FLOAT_KEYS and (not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 1):
        raise bad("a number between 0 and 1")
    if key in schema.BOOL_KEYS and not isinstance(value, bool):
        raise bad("true or false")
    if key in ("description", "kind", "id", "name", "site_name", "lang", "role") and not isinstance(value, str):
        raise bad("a string")
    if key in ("drop", "keep", "aliases", "sites", "disable", "separators") and not (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    ):
        raise bad("a list of strings")
    if key == "cases" and not (
        isinstance(value, list)
        and all(isinstance(c, dict) and isinstance(c.get("input"), str) for c in value)
    ):
        raise bad("a list of tables, each with an 'input' string")


def _build_rule(
    raw: dict[str, Any], index: int, path: str, loc: _Locator, pack_name: str,
    months: dict[str, int] | None = None,
) -> Rule:
    line = loc.rule(index)
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid:
        raise RuleError(path, f"rule #{index + 1} has no 'id'", line=line)
    if not _ID.match(rid):
        raise RuleError(
            path, "id must be dotted lower-case words, e.g. 'related.read-inline'", line=line, rule=rid, key="id"
        )
    kind = raw.get("kind")
    if kind not in KIND_CLASSES:
        known = ", ".join(sorted(KIND_CLASSES))
        raise RuleError(
            path, f"unknown kind {kind!r} (known: {known})", line=loc.key("kind", index) or line, rule=rid, key="kind"
        )
    required, optional = schema.KINDS[kind]
    allowed = set(schema.COMMON_KEYS) | set(required) | set(optional)
    for key, value in raw.items():
        kline = loc.key(key, index) or line
        if key not in allowed:
            raise RuleError(
                path,
                f"unknown key for kind '{kind}' (allowed: {', '.join(sorted(allowed))})",
                line=kline,
                rule=rid,
                key=key,
            )
        _check_type(path, kline, rid, key, value)
    for key in required:
        if key not in raw:
            raise RuleError(path, f"kind '{kind}' needs '{key}'", line=line, rule=rid, key=key)

    ignore_case = bool(raw.get("ignore_case", False))
    kwargs: dict[str, Any] = {
        "id": rid,
        "description": raw.get("description", ""),
        "pack": pack_name,
        "source": path,
        "line": line or 0,
        "drop": tuple(raw.get("drop", ())),
        "keep": tuple(raw.get("keep", ())),
        "cases": tuple(raw.get("cases", ())),
        "aliases": tuple(raw.get("aliases", ())),
    }
    for key in schema.PATTERN_KEYS:
        if key in raw:
            value = raw[key]
            if kind == "date":
                value = _expand_months(value, months, path, loc.key(key, index) or line, rid)
            kwargs[key] = compile_pattern(
                value, ignore_case=ignore_case, path=path, line=loc.key(key, index) or line,
                rule=rid, key=key, kind=kind,
            )
    if kind == "date":
        kwargs["months"] = dict(months or {})
    for key in optional:
        if key in raw and key not in schema.PATTERN_KEYS:
            kwargs[key] = tuple(raw[key]) if isinstance(raw[key], list) else raw[key]
    if kind == "header" and not kwargs["pattern"].groupindex:
        raise RuleError(
            path, "a header pattern needs named groups, e.g. (?P<date>...)", line=loc.key("pattern", index) or line,
            rule=rid, key="pattern",
        )
    if kind == "date" and kwargs.get("role", "date") not in DATE_ROLES:
        raise RuleError(
            path, f"role must be one of {', '.join(DATE_ROLES)}", line=loc.key("role", index) or line, rule=rid, key="role"
        )
    rule = KIND_CLASSES[kind](**kwargs)
    rule.enabled = raw.get("enabled", True)  # type: ignore[attr-defined]
    return rule


def _config_table(raw: Any, table: str, path: str, loc: _Locator) -> dict[str, Any]:
    """Validate one config table ([maintext], [words]): known keys, values of the right type."""
    if not isinstance(raw, dict):
        raise RuleError(path, f"[{table}] must be a table", line=loc.table_key(table, table), key=table)
    spec = schema.CONFIG_TABLES[table]
    out: dict[str, Any] = {}
    for key, value in raw.items():
        line = loc.table_key(table, key)
        if key not in spec:
            raise RuleError(path, f"unknown key in [{table}] (allowed: {', '.join(sorted(spec))})", line=line, key=key)
        typ = spec[key][0]
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if typ == "int" and not (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
            raise RuleError(path, f"[{table}] must be a non-negative integer", line=line, key=key)
        if typ == "float" and not (number and value >= 0):
            raise RuleError(path, f"[{table}] must be a non-negative number", line=line, key=key)
        if typ == "ratio" and not (number and 0 <= value <= 1):
            raise RuleError(path, f"[{table}] must be a number between 0 and 1", line=line, key=key)
        if typ == "bool" and not isinstance(value, bool):
            raise RuleError(path, f"[{table}] must be true or false", line=line, key=key)
        if typ == "pattern":
            if not isinstance(value, str):
                raise RuleError(path, f"[{table}] must be a string (a pattern)", line=line, key=key)
            compile_pattern(value, ignore_case=False, path=path, line=line, rule=f"[{table}]", key=key, kind="maintext")
        if typ in ("words", "strings"):
            if not (isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)):
                raise RuleError(path, f"[{table}] must be a non-empty list of non-empty strings", line=line, key=key)
            value = tuple(v.strip().lower() if typ == "words" else v.strip() for v in value)
        if table == "words" and key == "time_ago":
            bad = [v for v in value if _PLACEHOLDER.sub("", v).count("{") or _PLACEHOLDER.sub("", v).count("}")]
            if bad:
                raise RuleError(path, f"[{table}] phrases may hold only {{n}} and {{unit}}: {bad[0]!r}", line=line, key=key)
        out[key] = value
    return out


def _expand_months(value: Any, months: dict[str, int] | None, path: str, line: int | None, rule: str) -> Any:
    """Put the pack's month names where a date pattern says {month}."""
    def one(p: Any) -> Any:
        if not isinstance(p, str) or "{month}" not in p:
            return p
        if not months:
            raise RuleError(path, "pattern uses {month} but the pack has no 'months' table", line=line, rule=rule, key="pattern")
        names = "|".join(regex.escape(n) for n in sorted(months, key=len, reverse=True))
        return p.replace("{month}", f"(?:{names})")

    return [one(v) for v in value] if isinstance(value, list) else one(value)


def _check_date_keys(path: str, meta: dict[str, Any], loc: _Locator) -> dict[str, int]:
    """Validate the date keys of [pack]; return the month table with folded names."""
    from ..metadata.dates import fold_month, valid_zone

    months = meta.get("months", {})
    if not isinstance(months, dict) or not all(
        isinstance(k, str) and k.strip() and isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 12
        for k, v in months.items()
    ):
        raise RuleError(path, "must be a table of month name -> number 1..12", line=loc.key("months"), key="months")
    fmt = meta.get("date_format")
    if fmt is not None and fmt not in ("DMY", "MDY"):
        raise RuleError(path, "must be 'DMY' or 'MDY'", line=loc.key("date_format"), key="date_format")
    zone = meta.get("timezone")
    if zone is not None and (not isinstance(zone, str) or not valid_zone(zone)):
        raise RuleError(
            path, "must be a UTC offset ('+01:00') or a time-zone name ('Europe/Berlin')", line=loc.key("timezone"), key="timezone"
        )
    return {fold_month(k): v for k, v in months.items()}


def load_text(text: str, path: str, origin: str = "user") -> Pack:
    """Parse and validate one rule file's text. `path` is only used in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = _TOML_POS.search(str(e))
        if m and m.group(1):
            line: int | None = int(m.group(1))
        elif m:  # "at end of document"
            line = len(text.splitlines()) or 1
        else:
            line = None
        msg = _TOML_POS.sub("", str(e)).strip()
        raise RuleError(path, f"not valid TOML: {msg}", line=line) from None
    loc = _Locator(text)
    for key in data:
        if key not in ("pack", "rule", "sample") and key not in schema.CONFIG_TABLES:
            tables = ", ".join(f"[{t}]" for t in schema.CONFIG_TABLES)
            raise RuleError(
                path,
                f"unknown top-level key (expected [pack], [[rule]], [[sample]] or {tables})",
                line=loc.key(key),
                key=key,
            )
    config = {t: _config_table(data[t], t, path, loc) for t in schema.CONFIG_TABLES if t in data}
    meta = data.get("pack", {})
    if not isinstance(meta, dict):
        raise RuleError(path, "[pack] must be a table", line=loc.key("pack"), key="pack")
    for key, value in meta.items():
        if key not in schema.PACK_KEYS:
            raise RuleError(
                path, f"unknown key in [pack] (allowed: {', '.join(sorted(schema.PACK_KEYS))})", line=loc.key(key), key=key
            )
        _check_type(path, loc.key(key), None, key, value)
    months = _check_date_keys(path, meta, loc)
    name = meta.get("name") or Path(path).stem
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RuleError(path, "rules must be written as [[rule]] tables", line=loc.key("rule"), key="rule")
    sites = tuple(site_host(s) for s in meta.get("sites", ()))
    if origin == "user" and sites:
        origin = "site"
    pack = Pack(
        name=name,
        path=path,
        origin=origin,
        description=meta.get("description", ""),
        sites=sites,
        site_name=meta.get("site_name"),
        disable=tuple(meta.get("disable", ())),
        priority=int(meta.get("priority", 0)),
        lang=meta.get("lang"),
        config=config,
        months=months,
        date_format=meta.get("date_format"),
        timezone=meta.get("timezone"),
    )
    seen: dict[str, int] = {}
    for i, raw in enumerate(raw_rules):
        rule = _build_rule(raw, i, path, loc, name, months)
        if rule.id in seen:
            raise RuleError(
                path, f"duplicate id (first defined on line {seen[rule.id]})", line=rule.line, rule=rule.id, key="id"
            )
        seen[rule.id] = rule.line
        if getattr(rule, "enabled", True):
            pack.rules.append(rule)
    pack.samples = _samples(data.get("sample", []), path, loc)
    return pack


def _samples(raw: Any, path: str, loc: _Locator) -> list[dict]:
    """Validate [[sample]] tables; `input` and `expected` become paths beside the pack file."""
    if not isinstance(raw, list) or not all(isinstance(s, dict) for s in raw):
        raise RuleError(path, "samples must be written as [[sample]] tables", line=loc.key("sample"), key="sample")
    here = Path(path).parent
    starts = [i + 1 for i, x in enumerate(loc.lines) if x.strip().startswith("[[sample]]")]
    out = []
    for n, s in enumerate(raw):
        line = starts[n] if n < len(starts) else loc.key("sample")
        for key, value in s.items():
            if key not in schema.SAMPLE_KEYS:
                raise RuleError(
                    path, f"unknown key in [[sample]] (allowed: {', '.join(sorted(schema.SAMPLE_KEYS))})", line=line, key=key
                )
            if key in ("input", "url", "expected") and not isinstance(value, str):
                raise RuleError(path, f"must be a string, not {type(value).__name__}", line=line, key=key)
            if key in ("contains", "not_contains") and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                raise RuleError(path, "must be a list of strings", line=line, key=key)
        if "input" not in s:
            raise RuleError(path, "a [[sample]] needs 'input' (a text file beside the pack)", line=line, key="input")
        sample = dict(s)
        sample["input"] = str(here / s["input"])
        if "expected" in s:
            sample["expected"] = str(here / s["expected"])
        out.append(sample)
    return out


def load_file(path: str | Path, origin: str = "user") -> Pack:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(str(p), f"cannot read rule file: {e}") from None
    return load_text(text, str(p), origin)


def load_dir(path: str | Path, origin: str | None = None) -> list[Pack]:
    """Every `*.toml` below a folder, in a stable order. The folder name gives the origin
    (common/, lang/, sites/) unless one is given."""
    root = Path(path)
    if root.is_file():
        return [load_file(root, origin or "user")]
    if not root.is_dir():
        raise RuleError(str(root), "rules folder does not exist")
    packs = []
    for f in sorted(root.rglob("*.toml")):
        rel = f.relative_to(root).parts
        o = origin or _FOLDER_ORIGIN.get(rel[0], "user") if len(rel) > 1 else (origin or "user")
        packs.append(load_file(f, o))
    return packs


def load_packs(paths: Iterable[str | Path], origin: str | None = None) -> list[Pack]:
    packs: list[Pack] = []
    for p in paths:
        if isinstance(p, RuleText):  # a rule file read elsewhere (see snapshot.py)
            packs.append(load_text(p.text, p.path, origin or p.origin or "user"))
            continue
        packs.extend(load_dir(p, origin))
    return packs
