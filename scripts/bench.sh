#!/usr/bin/env bash
# make bench: a database of its own ($BENCH_DB, without demo data) with the reports add-on
# (inclusion_numerique_report, and through it the base and the workshops, which the
# generated year fills) and the equipment reports (sales), one year of a large structure,
# then the figures of scripts/bench.py: the yearly report against the fastest single SQL
# pass, the exports' rows/s and peak RSS at two sizes, the anonymisation of every inactive
# person and the audit trail's cost on opening a form, growth at 10x the people.
# BENCH_DATA_ONLY=1: the database only (make load copies it).
source "$(dirname "$0")/common.sh"
run_setup
BENCH_DB=${BENCH_DB:-inclusion_bench}
BENCH_ADDONS=inclusion_numerique_report,inclusion_numerique_report_equipment
conf=$(write_odoo_conf)
info "Base $BENCH_DB ($BENCH_ADDONS et ses dépendances, sans données de démonstration)"
drop_db "$BENCH_DB"
{ odoo_install "$conf" "$BENCH_DB" base --without-demo=all --load-language=fr_FR \
    && odoo_install "$conf" "$BENCH_DB" "$BENCH_ADDONS" --without-demo=all; } \
    || die "l'installation dans la base $BENCH_DB a échoué (voir le journal ci-dessus)."
info "Génération d'une année d'activité puis mesures"
"$PYTHON" "$PROJECT_DIR/scripts/bench.py" -c "$conf" -d "$BENCH_DB" ${BENCH_DATA_ONLY:+--data-only}
