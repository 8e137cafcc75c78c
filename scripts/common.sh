# Shared settings and helpers of the project's scripts (sourced, not run).
# Every variable below can be overridden from the environment.
set -euo pipefail

PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo}
ODOO_BRANCH=18.0
ODOO_GIT_URL=${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}
VENV=${VENV:-$PROJECT_DIR/.venv}
BUILD_DIR=${BUILD_DIR:-$PROJECT_DIR/.build}
HTTP_INTERFACE=${HTTP_INTERFACE:-127.0.0.1}
HTTP_PORT=${HTTP_PORT:-8069}
DB_NAME=${DB_NAME:-inclusion_demo}
TEST_DB_NAME=${TEST_DB_NAME:-inclusion_test}
# libpq's own variables choose the PostgreSQL server (local socket by default).
export PGHOST=${PGHOST:-} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-$(id -un)} PGPASSWORD=${PGPASSWORD:-}
MODULES=inclusion_numerique,inclusion_numerique_account,payroll
PYTHON=$VENV/bin/python

info() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() {
    printf '\n\033[31mERREUR / ERROR: %s\033[0m\n' "$1" >&2
    [ $# -gt 1 ] && printf '  -> %s\n' "${@:2}" >&2
    exit 1
}

is_odoo18() {
    [ -f "$1/odoo-bin" ] && grep -q "^version_info = (18, 0," "$1/odoo/release.py" 2>/dev/null
}

# Writes the Odoo configuration file used by run, test and bench.
write_odoo_conf() {
    local conf=$BUILD_DIR/odoo.conf site
    site=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    mkdir -p "$BUILD_DIR"
    cat >"$conf" <<CONF
[options]
addons_path = $PROJECT_DIR,$site/odoo/addons,$ODOO_SRC/addons,$ODOO_SRC/odoo/addons
data_dir = $BUILD_DIR/data
db_host = ${PGHOST:-False}
db_port = $PGPORT
db_user = $PGUSER
db_password = ${PGPASSWORD:-False}
http_interface = $HTTP_INTERFACE
http_port = $HTTP_PORT
list_db = False
without_demo = False
CONF
    echo "$conf"
}

pg_reachable() { pg_isready -q -d postgres >/dev/null 2>&1 && psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; }

db_exists() { [ "$(psql -d postgres -Atqc "select 1 from pg_database where datname = '$1'")" = 1 ]; }

port_busy() { (exec 3<>"/dev/tcp/$HTTP_INTERFACE/$1") 2>/dev/null; }

# Creates database $1: base in French, company in France in EUR, then the add-ons with
# demo data (so that accounting, if installed, starts with the French chart in EUR).
# A failed creation drops the database so that the next run starts clean.
create_database() {
    local db=$1 conf=$2
    info "Création de la base $db (modules : $MODULES, démo, fr_FR)"
    dropdb --if-exists "$db"
    if ! odoo_init "$conf" "$db" base --load-language=fr_FR \
        || ! "$PYTHON" "$PROJECT_DIR/scripts/init_db.py" -c "$conf" -d "$db" \
        || ! odoo_init "$conf" "$db" "$MODULES" \
        || ! "$PYTHON" "$PROJECT_DIR/scripts/init_db.py" -c "$conf" -d "$db"; then
        dropdb --if-exists "$db"
        die "la création de la base $db a échoué (voir le journal ci-dessus)." \
            "corrigez l'erreur puis relancez la commande."
    fi
}

odoo_init() {
    "$PYTHON" "$ODOO_SRC/odoo-bin" -c "$1" -d "$2" -i "$3" "${@:4}" --stop-after-init \
        --log-level=warn --http-port="$HTTP_PORT"
}
