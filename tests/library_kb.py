"""The small made-up knowledge in tests/data/knowledge_library, copied so tests can edit it."""

from __future__ import annotations

import shutil
from pathlib import Path

LIBRARY = Path(__file__).resolve().parent / "data" / "knowledge_library"


def library_with_variant(tmp_path: Path, variant: str) -> Path:
    """A copy of the library knowledge with one more variant for the protest entry."""
    folder = tmp_path / "kb"
    shutil.copytree(LIBRARY, folder)
    yaml_file = folder / "library.yaml"
    anchor = '      - "When will campaigners protest?"\n'
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(text.replace(anchor, f'{anchor}      - "{variant}"\n'), encoding="utf-8")
    return folder
