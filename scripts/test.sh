#!/usr/bin/env bash
# make test: set-up, a fresh test database with the add-ons, the whole suite with
# the linters, then pytest-odoo (HTTP server on, so tours run in headless Chromium).
# KEEP_DB=1 reuses the test database and only updates the add-on (faster while coding).
source "$(dirname "$0")/common.sh"
bash "$PROJECT_DIR/scripts/setup.sh"
conf=$(write_odoo_conf)
if [ "${KEEP_DB:-0}" = 1 ] && db_exists "$TEST_DB_NAME"; then
    info "Mise à jour des modules dans la base de test $TEST_DB_NAME"
    "$PYTHON" "$ODOO_SRC/odoo-bin" -c "$conf" -d "$TEST_DB_NAME" -u "${MODULES%,payroll}" \
        --stop-after-init --log-level=warn
else
    create_database "$TEST_DB_NAME" "$conf"
fi
cd "$PROJECT_DIR"
lint_status=0
if [ "${SKIP_LINT:-0}" != 1 ]; then
    bash "$PROJECT_DIR/scripts/lint.sh" || lint_status=1
fi
# pytest runs last so that its summary line (the test count) closes the output.
info "Tests (pytest-odoo, base $TEST_DB_NAME)"
"$VENV/bin/pytest" -c "$PROJECT_DIR/pytest.ini" --odoo-config="$conf" \
    --odoo-database="$TEST_DB_NAME" --odoo-http ${PYTEST_ARGS:-inclusion_numerique*} || exit $?
[ $lint_status = 0 ] || die "ruff ou pylint-odoo signalent des erreurs (voir plus haut)." "make lint"
