"""What the tests share, each helper in one place.

- `knowledge`: the checkout's paths, the synthetic knowledge of tests/data and the variations
  tests derive from it (a copy, an edit, a second article).
- `cli`: the `qa-bot` command line in-process (main() with string streams), and as a process
  of the checkout under test (`python -m bot` with PYTHONPATH set to the checkout).
- `telegram`: the real bot polling the fake Bot API (tests/fakebotapi.py), and helpers to read
  its messages. The pytest fixtures themselves are in tests/conftest.py.
"""
