#!/usr/bin/env bash
# Run roledef's benchmark (see benchmarks/README.md); arguments go to run.py, e.g. --quick.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec python3 benchmarks/run.py "$@"
