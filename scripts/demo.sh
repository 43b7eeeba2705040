#!/usr/bin/env bash
# Install dateline and run it on the bundled demo corpus: writes demo.db and report.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
rm -f demo.db demo.db-wal demo.db-shm
.venv/bin/dateline run examples/demo -o report.html --db demo.db
