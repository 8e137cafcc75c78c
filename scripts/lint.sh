#!/usr/bin/env bash
# make lint: the hooks of .pre-commit-config.yaml (pre-commit from the .venv) on every file of
# the repository, new files not yet added to git included: ruff and ruff format (add-ons and
# scripts/), pylint-odoo (add-ons), prettier (XML, JS), XML well formed, README.rst up to
# date with readme/, no merge conflict markers or debugger calls, shell scripts parse.
# The hooks only check; `make format` applies the fixes. No network needed.
source "$(dirname "$0")/common.sh"
run_setup
cd "$PROJECT_DIR"
export PATH="$VENV/bin:$PATH" PRE_COMMIT_HOME="$BUILD_DIR/pre-commit"
if [ ! -x "$BUILD_DIR/node_modules/.bin/prettier" ]; then
    info "prettier absent de $BUILD_DIR/node_modules (npm requis) : hook prettier sauté"
    export SKIP=${SKIP:+$SKIP,}prettier
fi
mapfile -t files < <(git ls-files --cached --others --exclude-standard | while IFS= read -r f; do
    [ -f "$f" ] && echo "$f"; done)
pre-commit run --color="${PRE_COMMIT_COLOR:-auto}" --files "${files[@]}"
