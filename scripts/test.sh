#!/usr/bin/env bash
# Run the test suite (sets up .venv first). Extra arguments go to pytest.
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
.venv/bin/python -m pytest "$@"
