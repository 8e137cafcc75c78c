#!/usr/bin/env bash
# make upgrade-test (also run by `make test`): a database of the previous release, built
# from git with its demo data (and a few invoiced sales, see upgrade_check.py), upgraded the way a customer does it (odoo-bin -u
# inclusion_numerique with the current add-ons); every add-on of the new layout that holds
# a part of the previous release must be installed (NEW_CAPABILITIES are chosen later in the
# settings), and the counts and a sample of values must be the same as before
# (scripts/upgrade_check.py prints the PASS/FAIL table). Exits non-zero on failure.
# UPGRADE_BASE_DB: a base database in French to start from (see create_base_db; make test
# passes its template); UPGRADE_DB_NAME: the database (kept afterwards, for inspection).
source "$(dirname "$0")/common.sh"
run_setup

# The previous release: 18.0.1.0.0, inclusion_numerique and inclusion_numerique_account.
UPGRADE_FROM_COMMIT=31f32a9
UPGRADE_FROM_ADDONS=inclusion_numerique,inclusion_numerique_account
# Capabilities the previous release had nothing of: installed from the settings, not by it.
NEW_CAPABILITIES=inclusion_numerique_portal
UPGRADE_DB_NAME=${UPGRADE_DB_NAME:-inclusion_upgrade}
old_dir=$BUILD_DIR/old_release
work=$BUILD_DIR/upgrade
db=$UPGRADE_DB_NAME

info "Version précédente ($UPGRADE_FROM_COMMIT) extraite dans $old_dir"
rm -rf "$old_dir" "$work"
mkdir -p "$old_dir" "$work"
git -C "$PROJECT_DIR" archive "$UPGRADE_FROM_COMMIT" ${UPGRADE_FROM_ADDONS//,/ } | tar -x -C "$old_dir" \
    || die "git archive $UPGRADE_FROM_COMMIT a échoué." "le dépôt doit contenir ce commit (git fetch)."
old_conf=$(write_odoo_conf "$old_dir" odoo-old-release)
new_conf=$(write_odoo_conf)

info "Base $db : $UPGRADE_FROM_ADDONS,$EXTRA_MODULES de la version précédente, démo, fr_FR"
if [ -n "${UPGRADE_BASE_DB:-}" ]; then
    clone_db "$UPGRADE_BASE_DB" "$db"
else
    create_base_db "$old_conf" "$db"
fi || die "la création de la base $db a échoué (voir le journal ci-dessus)."
install_addons "$old_conf" "$db" "$UPGRADE_FROM_ADDONS${EXTRA_MODULES:+,$EXTRA_MODULES}" \
    || die "l'installation de la version précédente a échoué (voir le journal ci-dessus)."

info "Données qu'une base de client a et la démo non (ventes facturées, un avoir), puis relevé"
"$PYTHON" "$PROJECT_DIR/scripts/upgrade_check.py" -c "$old_conf" -d "$db" fill \
    --json "$work/before.json" || die "l'ajout de données à la version précédente a échoué."
"$PYTHON" "$PROJECT_DIR/scripts/upgrade_check.py" -c "$old_conf" -d "$db" record \
    --json "$work/before.json" --modules "$UPGRADE_FROM_ADDONS" \
    || die "le relevé des données a échoué (voir ci-dessus)."

info "Mise à jour comme chez un client : odoo-bin -u inclusion_numerique (journal : $work/upgrade.log)"
upgrade_status=0
odoo_bin "$new_conf" "$db" -u inclusion_numerique --stop-after-init --log-level=info \
    --http-port="$HTTP_PORT" >"$work/upgrade.log" 2>&1 || upgrade_status=$?
# Warnings and errors of the upgrade (the whole log is in the file).
grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$work/upgrade.log" | cut -c1-400 || true
if [ "$upgrade_status" != 0 ]; then
    printf '\n--- fin du journal de mise à jour ---\n'
    tail -n 40 "$work/upgrade.log"
fi

info "Comparaison après la mise à jour"
"$PYTHON" "$PROJECT_DIR/scripts/upgrade_check.py" -c "$new_conf" -d "$db" check \
    --json "$work/before.json" --addons "$(project_addons | grep -vxF "${NEW_CAPABILITIES//,/$'\n'}" | paste -sd, -)" \
    --report "$work/report.json" --upgrade-status "$upgrade_status"
