#!/usr/bin/env bash
# make bench: a database of its own ($BENCH_DB, add-on without demo data), one year of a
# large structure, then the activity report timed against a hand-written SQL aggregate.
source "$(dirname "$0")/common.sh"
bash "$PROJECT_DIR/scripts/setup.sh"
BENCH_DB=${BENCH_DB:-inclusion_bench}
conf=$(write_odoo_conf)
info "Base $BENCH_DB (inclusion_numerique sans données de démonstration)"
dropdb --if-exists "$BENCH_DB"
odoo_init "$conf" "$BENCH_DB" inclusion_numerique --without-demo=all --load-language=fr_FR \
    || die "l'installation dans la base $BENCH_DB a échoué (voir le journal ci-dessus)."
info "Génération d'une année d'activité puis mesures"
"$PYTHON" "$PROJECT_DIR/scripts/bench.py" -c "$conf" -d "$BENCH_DB"
