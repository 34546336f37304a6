#!/usr/bin/env bash
# The main job: set up the environment if needed, then rebuild every stage of dvc.yaml (data, models, reports).
# Extra arguments go to `dvc repro` (e.g. a stage name, or -f to force). Afterwards the stage times are gathered
# into metrics/pipeline.json and the README's table.
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
start=$(date +%s)
dvc repro "$@"
reco pipeline --repro-seconds $(( $(date +%s) - start ))
echo "[repro] done: open reports/index.html; numbers: dvc metrics show"
