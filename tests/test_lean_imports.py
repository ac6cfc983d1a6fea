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


def _modules_after_ask(tmp_path: Path, *, warm: bool = False) -> list[str]:
    """The modules loaded by the end of `qa-bot ask` (warm: started from a filled cache)."""
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        "rc = main(['ask', '--json', 'How much was the G4S deal worth?'])\n"
        "print('MODULES', rc, ' '.join(sorted(sys.modules)))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "QA_CACHE_DIR": str(tmp_path), "HOME": str(tmp_path)}
    if warm:
        assert python("-c", code, cwd=ROOT, env=env).returncode == 0
    result = python("-c", code, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    line = result.stdout.splitlines()[-1]
    assert line.startswith("MODULES 0 ")
    return line.split()[2:]


def test_ask_imports_no_other_language_stemmer(tmp_path: Path) -> None:
    modules = _modules_after_ask(tmp_path)
    assert "bot._snowball.english_stemmer" in modules
    assert not [m for m in modules if m == "snowballstemmer" or m.startswith("snowballstemmer.")]
    assert not [m for m in modules if m.split(".")[0] in ("telegram", "httpx", "asyncio", "dotenv")]


def test_ask_imports_no_dataclasses(tmp_path: Path) -> None:
    # dataclasses imports inspect (ast, dis, tokenize): ~15 ms, and ~0.6 ms a class made.
    modules = _modules_after_ask(tmp_path)
    assert "bot.engine" in modules and "bot.cache" in modules  # the measurement worked
    assert not {"dataclasses", "inspect"} & set(modules)


def test_a_warm_ask_imports_no_shutil_string_or_threading(tmp_path: Path) -> None:
    # shutil (argparse's way to the terminal width) brings bz2 and lzma; string compiles a
    # pattern for Template: a few milliseconds of every start between them.
    modules = _modules_after_ask(tmp_path, warm=True)
    assert "argparse" in modules and "bot.engine" in modules  # the measurement worked
    assert not {"shutil", "string", "bz2", "lzma", "threading"} & set(modules)


def test_a_plain_question_compiles_only_the_patterns_it_needs(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from bot import followup, knowledge, message\n"
        "from bot.cli import main\n"
        "rc = main(['ask', '--json', 'How much was the G4S deal worth?'])\n"
        "made = [p._compiled is not None for p in"
        " (message._SENTENCE_END, message._LEADING_FILLER, knowledge._SENTENCE_END,"
        " followup._NAME_RUN)]\n"
        "print('COMPILED', rc, *made)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "QA_CACHE_DIR": str(tmp_path), "HOME": str(tmp_path)}
    assert python("-c", code, cwd=ROOT, env=env).returncode == 0  # fills the cache
    result = python("-c", code, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    # Every message is split into sentences; greetings are looked for only in a sentence
    # opening with a word that can open one, the article's sentences split only when the
    # knowledge is read (not from the cache), names followed only in a conversation.
    assert result.stdout.splitlines()[-1] == "COMPILED 0 True False False False"


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
