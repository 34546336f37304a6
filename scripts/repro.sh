#!/usr/bin/env bash
# The main job: set up the environment if needed, then rebuild every stage of dvc.yaml (data, models, reports).
# `reco repro` is `dvc repro` with independent stages run two at a time (reco_research.repro): the same stages, the
# same dvc.lock, so a plain `dvc repro` afterwards runs nothing. Extra arguments: stage names and/or -f (force).
# Afterwards the stage times are gathered into metrics/pipeline.json and the README's table.
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
start=$(date +%s)
reco repro --jobs "${RECO_REPRO_JOBS:-2}" "$@"
reco pipeline --repro-seconds $(( $(date +%s) - start ))
echo "[repro] done: open reports/index.html; numbers: dvc metrics show"
