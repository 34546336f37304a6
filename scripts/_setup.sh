# Sourced by scripts/repro.sh and scripts/test.sh: find the project root, create the virtual environment if it
# is missing, (re)install the project when pyproject.toml changed, and put the venv first on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${RECO_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "[setup] creating virtual environment in $VENV"
  "$PYTHON" -m venv "$VENV"
fi
EXTRAS="${RECO_EXTRAS:-dev,embed}"   # optional extras to install (embed: the sentence-embedding model, about 1 GB with torch)
want="$("$VENV/bin/python" -c 'import hashlib,sys; print(hashlib.sha256(open("pyproject.toml","rb").read() + sys.argv[1].encode()).hexdigest())' "$EXTRAS")"
stamp="$VENV/.reco_research-installed"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "[setup] installing reco_research and its pinned dependencies (first time: a few minutes)"
  log="$VENV/install.log"
  if ! { "$VENV/bin/python" -m pip install --upgrade pip && "$VENV/bin/python" -m pip install -e ".[$EXTRAS]"; } >"$log" 2>&1; then
    tail -40 "$log" >&2; echo "[setup] FAILED to install the project; full log: $log" >&2; exit 1
  fi
  echo "$want" > "$stamp"
  echo "[setup] installed ($(grep -c . "$log") log lines in $log)"
fi
export PATH="$VENV/bin:$PATH"
export DVC_NO_ANALYTICS=1
# The sentence-embedding model ships inside a package: never reach for the Hugging Face hub.
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
# One BLAS/OpenMP thread per process unless the user says otherwise: reproducible sums, no oversubscription.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}" MKL_NUM_THREADS="${MKL_NUM_THREADS:-1}"
