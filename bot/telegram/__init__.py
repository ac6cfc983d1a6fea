"""The Telegram adapter over the answer engine."""
