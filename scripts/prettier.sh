#!/usr/bin/env bash
# prettier with its XML plugin, as installed by scripts/setup.sh in $BUILD_DIR/node_modules
# (a pre-commit hook and `make format` call it): scripts/prettier.sh --check FILE...
source "$(dirname "$0")/common.sh"
modules=$BUILD_DIR/node_modules
[ -x "$modules/.bin/prettier" ] || die "prettier absent de $modules." "make setup (npm requis)"
exec "$modules/.bin/prettier" --plugin="$modules/@prettier/plugin-xml/src/plugin.js" "$@"
