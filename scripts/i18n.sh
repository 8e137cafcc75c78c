#!/usr/bin/env bash
# make i18n: export each add-on's .pot from the test database (run `make test` or
# `KEEP_DB=1 make test` first) and merge it into fr.po, keeping existing translations.
# Strings Odoo already translates (Followers, Company…) come from Odoo's own fr.po files;
# the count of untranslated entries is printed: translate them by hand in fr.po.
source "$(dirname "$0")/common.sh"
compendia=()
for po in "$ODOO_SRC"/odoo/addons/base/i18n/fr.po "$ODOO_SRC"/addons/{mail,hr,hr_contract,account,web}/i18n/fr.po; do
    [ -f "$po" ] && compendia+=(--compendium="$po")
done
conf=$(write_odoo_conf)
db_exists "$TEST_DB_NAME" || die "base $TEST_DB_NAME absente." "lancez d'abord : make test"
for addon in "$PROJECT_DIR"/inclusion_numerique*/; do
    name=$(basename "$addon")
    installed=$(psql -d "$TEST_DB_NAME" -Atqc "select 1 from ir_module_module where name = '$name' and state = 'installed'")
    if [ "$installed" != 1 ]; then
        info "$name n'est pas installé dans $TEST_DB_NAME : ignoré"
        continue
    fi
    mkdir -p "$addon/i18n"
    "$PYTHON" "$ODOO_SRC/odoo-bin" -c "$conf" -d "$TEST_DB_NAME" --log-level=warn \
        --i18n-export="$addon/i18n/$name.pot" --modules="$name" --stop-after-init
    [ -f "$addon/i18n/fr.po" ] || msginit --no-translator --locale=fr_FR \
        --input="$addon/i18n/$name.pot" --output="$addon/i18n/fr.po"
    msgmerge --quiet --update --no-fuzzy-matching --backup=none "${compendia[@]}" \
        "$addon/i18n/fr.po" "$addon/i18n/$name.pot"
    msgattrib --no-obsolete --output-file="$addon/i18n/fr.po" "$addon/i18n/fr.po"
    missing=$(msgattrib --untranslated "$addon/i18n/fr.po" | grep -c '^msgid ' || true)
    info "$name : $missing chaîne(s) sans traduction française dans i18n/fr.po"
done
