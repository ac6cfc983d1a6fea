"""`python -m bot` is the same as `qa-bot`."""

import sys

from bot.cli import main

sys.exit(main())
