#!/usr/bin/env bash
# make test: set-up once, then these steps, each timed; a failed step does not stop the next:
#   templates  a base database in French (base, fr_FR, company in France in EUR), and one
#              with inclusion_numerique too: each database below starts as a copy of one;
#   alone      each add-on alone: a copy with only the add-on and its dependencies
#              installed (demo data), and its own tests there (pytest-odoo on <add-on>/tests);
#   upgrade    a database of the previous release upgraded (scripts/upgrade_test.sh);
#   lint       ruff, pylint-odoo, prettier, README.rst up to date (scripts/lint.sh);
#   full       the full database (every add-on and payroll, demo, fr_FR) and the whole suite,
#              HTTP server on, so that the tours run in headless Chromium.
# Then a table of the steps and one pytest-style line "N passed, M failed" over all steps.
# The exit status is pytest's of the full suite when it failed, else 1 when a step failed.
# KEEP_DB=1 reuses the full database (updated, not recreated); PYTEST_ARGS: what pytest runs
# in the full step. SKIP_ALONE=1, SKIP_UPGRADE=1, SKIP_LINT=1, SKIP_FULL=1 skip a step;
# ALONE=add-on,add-on limits the alone step to these add-ons.
source "$(dirname "$0")/common.sh"
cd "$PROJECT_DIR"
results=$BUILD_DIR/test-results
rm -rf "$results"
mkdir -p "$results"
steps=$results/steps.tsv
: >"$steps"
suite_status=0

# run_step NAME JUNIT_FILE COMMAND...: runs and times a step, records its result.
run_step() {
    local name=$1 junit=$2 start=$EPOCHREALTIME status=0
    "${@:3}" || status=$?
    printf '%s\t%s\t%s\t%s\n' "$name" "$status" \
        "$(awk "BEGIN { print $EPOCHREALTIME - $start }")" "$junit" >>"$steps"
    return "$status"
}

run_step set-up "" run_setup || die "la mise en place a échoué (voir ci-dessus)."
mapfile -t addons < <(project_addons)
[ ${#addons[@]} -gt 0 ] || die "aucun add-on trouvé (dossier inclusion_numerique*/ avec __manifest__.py)."
root_addon=inclusion_numerique
conf=$(write_odoo_conf)
base_conf=$(write_odoo_conf none odoo-base)
tpl_base=${TEST_DB_NAME}_tpl_base
tpl_root=${TEST_DB_NAME}_tpl_root

pytest_odoo() {
    "$VENV/bin/pytest" -c "$PROJECT_DIR/pytest.ini" --odoo-config="$conf" --odoo-http "$@"
}

make_root_template() {
    info "Base modèle $tpl_root : $tpl_base + $root_addon (démo)"
    clone_db "$tpl_base" "$tpl_root" && install_addons "$conf" "$tpl_root" "$root_addon"
}

# One add-on alone: a copy of the template, the add-on installed (its dependencies come with
# it, auto-install glue add-ons only when all theirs are there), its own tests.
test_alone() {
    local addon=$1 db=${TEST_DB_NAME}_alone${1#inclusion_numerique} status=0
    info "Seul : $addon (base $db : $addon et ses dépendances, démo, fr_FR)"
    db_exists "$tpl_root" || { echo "ÉCHEC : pas de base modèle $tpl_root" >&2; return 1; }
    if [ "$addon" = "$root_addon" ]; then clone_db "$tpl_root" "$db"; else clone_db "$tpl_root" "$db" \
        && install_addons "$conf" "$db" "$addon"; fi \
        || { echo "ÉCHEC : installation de $addon seul" >&2; return 1; }
    if [ ! -d "$addon/tests" ]; then
        echo "ÉCHEC : $addon n'a pas de tests ($addon/tests absent)" >&2
        return 1
    fi
    pytest_odoo --odoo-database="$db" --junitxml="$results/alone-$addon.xml" "$addon/tests" \
        || status=$?
    [ "$status" = 0 ] && drop_db "$db"
    return "$status"
}

test_full() {
    local modules
    modules=$(all_modules)
    if [ "${KEEP_DB:-0}" = 1 ] && db_exists "$TEST_DB_NAME"; then
        info "Base de test $TEST_DB_NAME réutilisée : installation/mise à jour de $modules"
        install_addons "$conf" "$TEST_DB_NAME" "$modules" || return 1
    else
        info "Base de test $TEST_DB_NAME : $modules, démo, fr_FR"
        db_exists "$tpl_base" || create_base_db "$base_conf" "$tpl_base" || return 1
        clone_db "$tpl_base" "$TEST_DB_NAME" && install_addons "$conf" "$TEST_DB_NAME" "$modules" \
            || { echo "ÉCHEC : création de la base $TEST_DB_NAME" >&2; return 1; }
    fi
    info "Tests (pytest-odoo, base $TEST_DB_NAME)"
    # shellcheck disable=SC2086 # PYTEST_ARGS is a list of arguments
    pytest_odoo --odoo-database="$TEST_DB_NAME" --junitxml="$results/full.xml" \
        ${PYTEST_ARGS:-${addons[*]}} || suite_status=$?
    return "$suite_status"
}

if [ "${SKIP_ALONE:-0}" != 1 ] || [ "${SKIP_UPGRADE:-0}" != 1 ] || [ "${KEEP_DB:-0}" != 1 ]; then
    info "Base modèle $tpl_base : base, fr_FR, société en France en EUR"
    run_step "template base" "" create_base_db "$base_conf" "$tpl_base" \
        || die "la base modèle $tpl_base n'a pas pu être créée (voir le journal ci-dessus)."
fi
if [ "${SKIP_ALONE:-0}" != 1 ]; then
    run_step "template $root_addon" "" make_root_template || true
    for addon in "${addons[@]}"; do
        if [ -n "${ALONE:-}" ] && [[ ",$ALONE," != *",$addon,"* ]]; then continue; fi
        run_step "alone $addon" "$results/alone-$addon.xml" test_alone "$addon" || true
    done
fi
if [ "${SKIP_UPGRADE:-0}" != 1 ]; then
    run_step upgrade "" env UPGRADE_BASE_DB="$tpl_base" UPGRADE_DB_NAME="${TEST_DB_NAME}_upgrade" \
        bash scripts/upgrade_test.sh || true
fi
if [ "${SKIP_LINT:-0}" != 1 ]; then
    run_step lint "" bash scripts/lint.sh || true
fi
if [ "${SKIP_FULL:-0}" != 1 ]; then
    run_step "full suite" "$results/full.xml" test_full || true
fi
for db in "$tpl_base" "$tpl_root"; do drop_db "$db"; done

"$PYTHON" scripts/test_report.py "$steps"
[ "$suite_status" = 0 ] || exit "$suite_status"
awk -F '\t' '$2 != 0 { failed = 1 } END { exit failed }' "$steps"
