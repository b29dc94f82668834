#!/usr/bin/env bash
# The whole test suite (SQLite always; PostgreSQL when reachable, else those tests skip
# with the reason). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
