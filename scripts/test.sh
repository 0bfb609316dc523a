#!/usr/bin/env bash
# Run the test suite (sets up .venv first). Extra arguments go to pytest.
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
# The browser security test drives Debian's Chromium; install it where we can (root + apt).
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser test ..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
        >/dev/null 2>&1 || echo "chromium could not be installed: the browser test will be skipped"
fi
MPLBACKEND=Agg .venv/bin/python -m pytest "$@"
