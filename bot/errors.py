"""The one base class of the errors a person running qa-bot can fix.

`cli.main` is the one place that turns them into output and an exit code: it prints
`for_command(...)` on stderr, without a traceback, and exits with `exit_code`.
"""

from __future__ import annotations

EXIT_OK, EXIT_ERROR = 0, 1


class UserError(Exception):
    """A mistake of the person running qa-bot (a setting, a file, an argument); the message
    says what is wrong and how to fix it."""

    exit_code = EXIT_ERROR

    def for_command(self, command: str) -> str:
        """The text shown on stderr when `qa-bot COMMAND` ends with this error."""
        return f"qa-bot {command}: {self}"
