#!/usr/bin/env bash
# The main job: set up the environment if needed, then rebuild every stage of dvc.yaml (data, models, reports).
# Extra arguments go to `dvc repro` (e.g. a stage name, or -f to force).
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
dvc repro "$@"
echo "[repro] done: open reports/index.html; numbers: dvc metrics show"
