#!/usr/bin/env bash
# The main job: ingest every plan PDF under samples/ into the embedded SQLite database.
# Extra arguments go to `kehoach ingest` (for example --db postgresql+psycopg://…).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/kehoach ingest samples/pdf "$@"
