#!/usr/bin/env bash
# The large Spark run of the scaling report: ALS on Spark at 10^7 events (params.yaml's scaling_large block), the DVC
# stage scaling_spark_large. It is frozen (`frozen: true` in dvc.yaml) so that `dvc repro` skips it: it takes longer
# than the whole pipeline's budget. This script lifts the flag, reproduces that stage alone and puts the flag back,
# whatever happens (`dvc unfreeze` cannot edit a stage that uses ${...} parameters). Then commit
# metrics/scaling_spark_large.json and dvc.lock; the scaling stage reads the file and labels its rows.
# Arguments go to dvc repro: `bash scripts/scaling_large.sh --force` reruns it even if DVC sees nothing changed.
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
flag() { python - "$1" "$2" <<'PY'
import re, sys
text = open("dvc.yaml").read()
new, n = re.subn(r"(\n  scaling_spark_large:\n    frozen: )" + sys.argv[1], r"\g<1>" + sys.argv[2], text)
if n != 1: sys.exit(f"dvc.yaml: the stage scaling_spark_large with 'frozen: {sys.argv[1]}' was not found")
open("dvc.yaml", "w").write(new)
PY
}
flag true false
trap 'flag false true' EXIT
dvc repro --single-item "$@" scaling_spark_large
