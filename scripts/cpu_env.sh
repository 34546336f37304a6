# Sourced by scripts/_setup.sh (and by .venv/bin/activate, which _setup.sh extends): the same numbers on every x86-64
# machine with AVX2. Libraries pick their code path by the CPU they find (OpenBLAS's kernel, NumPy's and PyTorch's
# AVX-512 loops, MKL, numba's target), and each path rounds in its own way: DBSCAN's eps on Online Retail moved in its
# last bit between OpenBLAS's Haswell and SkylakeX kernels and one user changed sides. Here every library takes its
# AVX2 path, whatever the machine offers above it. RECO_PORTABLE_MATH=0 keeps each library's own choice (fastest);
# RECO_BLAS_CORETYPE=SkylakeX (say) imitates another machine's BLAS when checking tolerances.
if [ "${RECO_PORTABLE_MATH:-1}" != 0 ]; then
  if [ "$(uname -m)" = x86_64 ] && grep -qw avx2 /proc/cpuinfo 2>/dev/null && grep -qw fma /proc/cpuinfo 2>/dev/null; then
    export OPENBLAS_CORETYPE="${RECO_BLAS_CORETYPE:-Haswell}"
    export NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR"
    export NUMBA_CPU_NAME=haswell
    export ATEN_CPU_CAPABILITY=avx2 MKL_CBWR=AVX2 ONEDNN_MAX_CPU_ISA=AVX2
  else
    echo "[setup] note: not an x86-64 CPU with AVX2 and FMA: results may differ from the committed metrics in their last bits" >&2
  fi
fi
