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
# LightFM is compiled from source at install. Its own build adds -march=native, so the same seed gave other factors
# (and other metrics) on a machine with another CPU; built here for the architecture's baseline instead (the same
# machine code, hence the same numbers, on every machine of one architecture; as fast: 30 WARP epochs on ML-100K
# 1.0 s against 0.9 s). CFLAGS replaces Python's own flags, so -O3 is given again; and it reaches the link step, where
# -ffast-math itself would link crtfastmath.o, which flushes subnormal numbers to zero in every process that imports
# lightfm: its parts are given one by one instead (the same code, without that side effect).
case "$(uname -m)" in x86_64|amd64) LFM_ARCH="-march=x86-64 -mtune=generic";; *) LFM_ARCH="";; esac
LFM_FAST="-fno-math-errno -ffinite-math-only -fno-rounding-math -fno-signaling-nans -fcx-limited-range -fexcess-precision=fast"
LFM_FAST="$LFM_FAST -fno-signed-zeros -fno-trapping-math -fassociative-math -freciprocal-math"
LFM_CFLAGS="${RECO_LIGHTFM_CFLAGS:--DNDEBUG -fwrapv -O3 $LFM_FAST $LFM_ARCH}"
want="$("$VENV/bin/python" -c 'import hashlib,sys; print(hashlib.sha256(open("pyproject.toml","rb").read() + sys.argv[1].encode() + sys.argv[2].encode()).hexdigest())' "$EXTRAS" "$LFM_CFLAGS")"
stamp="$VENV/.reco_research-installed"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "[setup] installing reco_research and its pinned dependencies (first time: a few minutes)"
  log="$VENV/install.log"
  lfm="$(grep -o '"rectools-lightfm==[^"]*"' pyproject.toml | tr -d '"')"   # the pin of pyproject.toml
  if ! { "$VENV/bin/python" -m pip install --upgrade pip &&
         LIGHTFM_NO_CFLAGS=1 CFLAGS="$LFM_CFLAGS" "$VENV/bin/python" -m pip install --no-cache-dir --no-deps \
           --no-binary rectools-lightfm --force-reinstall "$lfm" &&
         "$VENV/bin/python" -m pip install -e ".[$EXTRAS]"; } >"$log" 2>&1; then
    tail -40 "$log" >&2; echo "[setup] FAILED to install the project; full log: $log" >&2; exit 1
  fi
  echo "$want" > "$stamp"
  echo "[setup] installed ($(grep -c . "$log") log lines in $log)"
fi
export PATH="$VENV/bin:$PATH"
source "$ROOT/scripts/cpu_env.sh"
# `source .venv/bin/activate` (JupyterLab, a plain `dvc repro`) gets the same CPU paths as the scripts
if ! grep -q "reco_research: cpu_env" "$VENV/bin/activate"; then
  printf '\n# reco_research: cpu_env (added by scripts/_setup.sh)\n[ -f "%s/scripts/cpu_env.sh" ] && . "%s/scripts/cpu_env.sh"\n' "$ROOT" "$ROOT" >> "$VENV/bin/activate"
fi
export DVC_NO_ANALYTICS=1
# The sentence-embedding model ships inside a package: never reach for the Hugging Face hub.
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
# One BLAS/OpenMP thread per process unless the user says otherwise: reproducible sums, no oversubscription.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}" MKL_NUM_THREADS="${MKL_NUM_THREADS:-1}"
# Spark (the spark models, the Spark report and scaling) needs Java 17 or later, and MLlib uses the native BLAS and
# LAPACK of libblas3 / liblapack3 (without them it warns and falls back to Java code): install them if missing.
java_ok() { local j="${JAVA_HOME:+$JAVA_HOME/bin/java}"; j="${j:-$(command -v java || true)}"; [ -n "$j" ] &&
  "$j" -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; }
need_apt=""
java_ok || need_apt="openjdk-17-jre-headless"
ldconfig -p 2>/dev/null | grep -q 'libblas\.so\.3 ' || need_apt="$need_apt libblas3"
ldconfig -p 2>/dev/null | grep -q 'liblapack\.so\.3 ' || need_apt="$need_apt liblapack3"
if [ -n "$need_apt" ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "[setup] installing ${need_apt# } (apt-get) for Spark"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${need_apt}; } >&2 ||
      echo "[setup] warning: apt-get install ${need_apt# } failed" >&2
  else
    echo "[setup] warning: Spark needs Java 17+ (Debian: openjdk-17-jre-headless; elsewhere any JDK/JRE 17 or 21 with JAVA_HOME set)" \
         "and the native BLAS (libblas3, liblapack3); missing here: ${need_apt# }" >&2
  fi
fi
# The reports are checked in a real browser (reco browser-check, and its test): headless Chromium and its driver.
if ! { command -v chromium >/dev/null || command -v chromium-browser >/dev/null; } || ! command -v chromedriver >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "[setup] installing chromium and chromium-driver (apt-get) for the browser check of the reports"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver; } >&2 ||
      echo "[setup] warning: apt-get install chromium chromium-driver failed" >&2
  else
    echo "[setup] warning: the browser check needs Chromium and chromedriver (Debian: chromium chromium-driver; elsewhere Chrome" \
         "or Chromium with the matching chromedriver on PATH)" >&2
  fi
fi
# The pipeline's serving stage load-tests the app with wrk against a redis-server: install them if missing.
if ! command -v wrk >/dev/null || ! command -v redis-server >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "[setup] installing wrk and redis-server (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk redis-server; } >&2 || echo "[setup] warning: apt-get install wrk redis-server failed" >&2
  else
    echo "[setup] warning: wrk and redis-server are needed by the serving stage: install the packages wrk and redis-server" >&2
  fi
fi
