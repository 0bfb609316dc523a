#!/usr/bin/env bash
# The main job: analyse the seed article into output/ (sets up .venv first):
#   output/<article>/      tables (CSV), charts (PNG, SVG, PDF), report.html, analysis.json
#   output/notebooks/      notebook 01 executed on the seed with papermill (.ipynb and .html)
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
seed=seeds/tass_2017-04-04_lavrov_moscow_baku.txt
targets=data/targets/lavrov_2017.yaml
MPLBACKEND=Agg .venv/bin/discourse analyze "$seed" --targets "$targets" --out output "$@"
bash scripts/run_notebook.sh notebooks/01_seed_article.ipynb output/notebooks \
    -p article_path "$PWD/$seed" -p targets_path "$PWD/$targets" \
    -p output_dir "$PWD/output/notebooks/01_seed_article"
