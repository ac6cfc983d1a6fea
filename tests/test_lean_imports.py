"""What `qa-bot ask` imports: no Telegram library, the English stemmer alone, stop-word stems
written out, no YAML pattern compiled before it is needed."""

from __future__ import annotations

from pathlib import Path

import pytest
import snowballstemmer

from bot import text
from bot.stemmer import english_stemmer
from tests.support.cli import python
from tests.support.knowledge import LIBRARY, ROOT

WORDS = [
    *sorted(text.STOP_WORDS),
    "running",
    "happened",
    "privatisation",
    "organisations",
    "constables",
    "Cambridgeshire",
    "generously",
    "skies",
    "dying",
    "news",
    "outsourcing",
    "ponies",
    "caresses",
    "1990s",
]


def test_the_lone_english_stemmer_stems_as_snowballstemmer_does() -> None:
    reference = snowballstemmer.stemmer("english")
    mine = english_stemmer()
    assert [mine.stemWord(w) for w in WORDS] == reference.stemWords(WORDS)


def test_the_written_out_stop_stems_are_the_stemmers() -> None:
    reference = snowballstemmer.stemmer("english")
    stems = frozenset(reference.stemWords([w for w in text.STOP_WORDS if len(w) > 3]))
    assert stems == text._STOP_STEMS


def _modules_after_ask(tmp_path: Path) -> list[str]:
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        "rc = main(['ask', '--json', 'How much was the G4S deal worth?'])\n"
        "print('MODULES', rc, ' '.join(sorted(sys.modules)))\n"
    )
    result = python(
        "-c",
        code,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "QA_CACHE_DIR": str(tmp_path), "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    line = result.stdout.splitlines()[-1]
    assert line.startswith("MODULES 0 ")
    return line.split()[2:]


def test_ask_imports_no_other_language_stemmer(tmp_path: Path) -> None:
    modules = _modules_after_ask(tmp_path)
    assert "bot._snowball.english_stemmer" in modules
    assert not [m for m in modules if m == "snowballstemmer" or m.startswith("snowballstemmer.")]
    assert not [m for m in modules if m.split(".")[0] in ("telegram", "httpx", "asyncio", "dotenv")]


@pytest.mark.slow
def test_ask_does_not_import_telegram(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        f"rc = main(['--knowledge', {str(LIBRARY)!r}, 'ask', '--json', 'Which library?'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'telegram'"
        " or m.startswith('bot.telegram'))\n"
        "print('LOADED', loaded, rc)\n"
    )
    result = python("-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "LOADED [] 0"


@pytest.mark.slow
def test_ask_import_time_has_no_telegram(tmp_path: Path) -> None:
    result = python("-X", "importtime", "-m", "bot", "ask", "deal value", cwd=tmp_path)
    assert result.returncode == 0
    imported = [
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    ]
    assert "bot.cli" in imported and "bot.engine" in imported  # the measurement worked
    assert not [m for m in imported if m.startswith("telegram")]


@pytest.mark.slow
def test_the_command_line_loads_telegram_only_for_run(library: Path, tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from bot.cli import main\n"
        f"code = main(['--knowledge', {str(library)!r}, 'ask', 'How did the council vote?'])\n"
        "assert code == 0, code\n"
        "print(sorted(m for m in sys.modules if m == 'telegram' or m.startswith('telegram.')))\n"
    )
    done = python("-c", probe, cwd=tmp_path, timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("[]")
