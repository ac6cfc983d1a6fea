"""The import rules of ARCHITECTURE.md, checked on the source (no import is executed)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

BOT = Path(__file__).resolve().parent.parent / "bot"
ADAPTER_MODULES = {"bot.cli", "bot.terminal_chat", "bot.render_text"}
HANDLER_MODULES = {
    f"bot.telegram.{name}"
    for name in ("admin", "buttons", "commands", "errors", "gate", "inline", "messages")
}


def module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, at any depth of its code (lazy imports included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


SOURCES = {module_name(path): path for path in sorted(BOT.rglob("*.py"))}


def is_ptb(module: str) -> bool:
    return module == "telegram" or module.startswith("telegram.")


def test_only_the_telegram_adapter_imports_python_telegram_bot() -> None:
    outside = {
        name: sorted(m for m in imports_of(path) if is_ptb(m))
        for name, path in SOURCES.items()
        if not name.startswith("bot.telegram")
    }
    assert {name: found for name, found in outside.items() if found} == {}


def test_the_engine_and_services_import_no_adapter() -> None:
    adapters = ADAPTER_MODULES | {"bot.telegram"}
    offenders = {
        name: sorted(
            m for m in imports_of(path) if any(m == a or m.startswith(a + ".") for a in adapters)
        )
        for name, path in SOURCES.items()
        if name not in ADAPTER_MODULES
        and name != "bot.__main__"
        and not name.startswith("bot.telegram")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_telegram_texts_import_no_python_telegram_bot() -> None:
    assert not [m for m in imports_of(SOURCES["bot.telegram.texts"]) if is_ptb(m)]


def test_handler_modules_do_not_import_each_other() -> None:
    offenders = {
        name: sorted(m for m in imports_of(SOURCES[name]) if m in HANDLER_MODULES - {name})
        for name in HANDLER_MODULES
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_only_the_config_module_reads_the_environment() -> None:
    readers = [
        name
        for name, path in SOURCES.items()
        if re.search(r"\bos\.(environ|getenv)\b", path.read_text(encoding="utf-8"))
    ]
    assert readers == ["bot.config"]
