#!/usr/bin/env bash
# Execute a notebook with papermill and export it to HTML, as the main job does:
#   scripts/run_notebook.sh NOTEBOOK OUT_DIR [-p NAME VALUE ...]
# writes OUT_DIR/<notebook>.ipynb and OUT_DIR/<notebook>.html. The -p values override the
# notebook's cell tagged "parameters"; the kernel runs in the notebook's folder, so give
# absolute paths. Uses .venv/bin/python where it exists, else python3 on the PATH.
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 NOTEBOOK OUT_DIR [-p NAME VALUE ...]" >&2
    exit 2
fi
notebook=$1 out=$2
shift 2
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
py="$root/.venv/bin/python"
[ -x "$py" ] || py=$(command -v python3)
executed="$out/$(basename "$notebook")"
mkdir -p "$out"
# The kernel must draw charts inline (its own default) so that the executed notebook holds
# every chart as an image: a MPLBACKEND exported by the caller (Agg for scripts) is not
# passed on. ipykernel warns on every start that its local TCP sockets are unencrypted;
# that line is dropped (the kernel only listens on 127.0.0.1).
env -u MPLBACKEND "$py" -m papermill --no-progress-bar --log-level WARNING -k python3 \
    --cwd "$(dirname "$notebook")" "$notebook" "$executed" "$@" \
    2> >(grep -v "Kernel is running over TCP without encryption" >&2)
"$py" -m jupyter nbconvert --to html --log-level WARN "$executed"
echo "$notebook -> $executed (+ .html)"
