#!/usr/bin/env bash
# Install dateline with its test tools, then run the tests, ruff and mypy.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh -r requirements-dev.txt
.venv/bin/python -m pytest -q "$@"
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/mypy
