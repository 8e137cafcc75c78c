#!/usr/bin/env bash
# make format: apply what `make lint` checks and can fix by itself: ruff's fixes, ruff
# format, prettier (XML, JS), the README.rst of each add-on (make readme). Review the diff.
source "$(dirname "$0")/common.sh"
run_setup
cd "$PROJECT_DIR"
mapfile -t addons < <(ls -d inclusion_numerique*/)
"$VENV/bin/ruff" check --fix "${addons[@]}" scripts
"$VENV/bin/ruff" format "${addons[@]}" scripts
mapfile -t web_files < <(git ls-files --cached --others --exclude-standard -- '*.xml' '*.js' \
    | grep -v -e '/static/lib/' -e '^\.build/' | while IFS= read -r f; do [ -f "$f" ] && echo "$f"; done)
if [ -x "$BUILD_DIR/node_modules/.bin/prettier" ]; then
    bash scripts/prettier.sh --write --log-level=warn "${web_files[@]}"
else
    info "prettier absent de $BUILD_DIR/node_modules (npm requis) : XML et JS non formatés"
fi
"$PYTHON" scripts/gen_readme.py
