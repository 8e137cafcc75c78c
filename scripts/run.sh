#!/usr/bin/env bash
# make run: set-up, then the demo database (created once, RESET_DB=1 recreates it),
# then Odoo served on $HTTP_INTERFACE:$HTTP_PORT.
source "$(dirname "$0")/common.sh"
bash "$PROJECT_DIR/scripts/setup.sh"
if port_busy "$HTTP_PORT"; then
    die "le port HTTP $HTTP_PORT est déjà utilisé sur $HTTP_INTERFACE." \
        "arrêtez l'autre serveur ou choisissez un port libre : make run HTTP_PORT=8070"
fi
conf=$(write_odoo_conf)
if [ "${RESET_DB:-0}" = 1 ] || ! db_exists "$DB_NAME"; then
    create_database "$DB_NAME" "$conf"
else
    info "Base $DB_NAME existante réutilisée (RESET_DB=1 pour la recréer) ; mise à jour du module"
    "$PYTHON" "$ODOO_SRC/odoo-bin" -c "$conf" -d "$DB_NAME" -u inclusion_numerique \
        --stop-after-init --log-level=warn
fi
info "Odoo démarre sur http://$HTTP_INTERFACE:$HTTP_PORT/web/login"
info "Identifiant : admin   Mot de passe : admin   (base $DB_NAME)"
exec "$PYTHON" "$ODOO_SRC/odoo-bin" -c "$conf" -d "$DB_NAME" --db-filter="^$DB_NAME\$"
