#!/usr/bin/env bash
# The main job: analyse the seed article and write its outputs to output/seed/ (sets up .venv first).
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
.venv/bin/discourse analyze seeds/tass_2017-04-04_lavrov_moscow_baku.txt --out output "$@"
