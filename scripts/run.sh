#!/usr/bin/env bash
# make run: set-up, then the demo database with every add-on (created once, RESET_DB=1
# recreates it; an existing one gets its add-ons updated and the missing ones installed),
# then Odoo served on $HTTP_INTERFACE:$HTTP_PORT.
source "$(dirname "$0")/common.sh"
run_setup
if port_busy "$HTTP_PORT"; then
    die "le port HTTP $HTTP_PORT est déjà utilisé sur $HTTP_INTERFACE." \
        "arrêtez l'autre serveur ou choisissez un port libre : make run HTTP_PORT=8070"
fi
conf=$(write_odoo_conf)
if [ "${RESET_DB:-0}" = 1 ] || ! db_exists "$DB_NAME"; then
    create_database "$DB_NAME" "$conf"
else
    modules=$(all_modules)
    info "Base $DB_NAME existante réutilisée (RESET_DB=1 pour la recréer) : add-ons mis à jour, ceux qui manquent installés ($modules)"
    odoo_install "$conf" "$DB_NAME" "$modules" \
        || die "la mise à jour de la base $DB_NAME a échoué (voir le journal ci-dessus)." \
            "corrigez l'erreur, ou recréez la base : make run RESET_DB=1"
fi
info "Odoo démarre sur http://$HTTP_INTERFACE:$HTTP_PORT/web/login"
info "Identifiant : admin   Mot de passe : admin   (base $DB_NAME)"
exec "$PYTHON" "$ODOO_SRC/odoo-bin" -c "$conf" -d "$DB_NAME" --db-filter="^$DB_NAME\$"
