"""`python -m bot` is the same as `qa-bot`."""

from bot.cli import console

console()
