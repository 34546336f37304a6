#!/usr/bin/env bash
# The tests: set up the environment if needed, fail if the notebooks are not clean or not in sync with the
# package, then run every notebook's tests with nbdev_test (fast: tiny synthetic data; `#| slow` cells skipped).
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
source "$ROOT/scripts/services.sh"   # throwaway redis-server and PostgreSQL for the serving tests, stopped on exit
snapshot() { { git ls-files -co --exclude-standard -- nbs reco_research | sort | while read -r f; do
  [ -f "$f" ] && printf '%s %s\n' "$(sha256sum "$f" | cut -c1-64)" "$f"; done; } ; }
before="$(snapshot)"
nbdev_clean >/dev/null
nbdev_export
after="$(snapshot)"
if [ "$before" != "$after" ]; then
  echo "[test] FAILED: nbdev_clean/nbdev_export changed these files (commit the cleaned notebooks and the export):" >&2
  diff <(echo "$before") <(echo "$after") | grep '^[<>]' | awk '{print "  " $3}' | sort -u >&2
  exit 1
fi
echo "[test] notebooks are clean and the package is in sync"
n=$(find nbs -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -not -name '_*' | wc -l)
start=$(date +%s)
if nbdev_test "$@"; then
  echo "[test] nbdev_test took $(( $(date +%s) - start )) s"
  echo "nbdev_test: $n passed, 0 failed"
else
  echo "[test] nbdev_test FAILED after $(( $(date +%s) - start )) s" >&2
  exit 1
fi
