#!/usr/bin/env bash
# make lint: ruff (style) and pylint-odoo (OCA's checks) on the add-ons.
source "$(dirname "$0")/common.sh"
cd "$PROJECT_DIR"
[ -x "$VENV/bin/ruff" ] || bash scripts/setup.sh
addons=$(ls -d inclusion_numerique*/)
info "ruff"
"$VENV/bin/ruff" check $addons && "$VENV/bin/ruff" format --check $addons
info "pylint-odoo"
"$VENV/bin/pylint" --rcfile=.pylintrc $addons
