#!/usr/bin/env bash
# make load: Locust (headless) against `odoo-bin --workers=2` on 127.0.0.1, on a copy of the
# benchmark database ($BENCH_DB, built by `make bench` when missing): $LOAD_USERS staff for
# $LOAD_TIME, then the figures per action and the check of the writes
# (scripts/load_prepare.py, load_locustfile.py, load_check.py).
source "$(dirname "$0")/common.sh"
run_setup
BENCH_DB=${BENCH_DB:-inclusion_bench}
LOAD_DB=${LOAD_DB:-${BENCH_DB}_load}
LOAD_USERS=${LOAD_USERS:-30}
LOAD_TIME=${LOAD_TIME:-2m}
LOAD_PORT=${LOAD_PORT:-8169}
LOAD_WORKERS=${LOAD_WORKERS:-2}
LOAD_DIR=$BUILD_DIR/load
LOAD_VENV=$BUILD_DIR/load-venv
mkdir -p "$LOAD_DIR"

if [ ! -x "$LOAD_VENV/bin/locust" ]; then
    info "Locust dans $LOAD_VENV (à part des paquets d'Odoo)"
    python3 -m venv "$LOAD_VENV" && "$LOAD_VENV/bin/pip" install -q -r "$PROJECT_DIR/requirements-load.txt" \
        || die "l'installation de Locust a échoué." "voir requirements-load.txt"
fi
conf=$(write_odoo_conf)
if ! db_exists "$BENCH_DB"; then
    info "Base de mesure $BENCH_DB absente : création (données seules)"
    BENCH_DATA_ONLY=1 bash "$PROJECT_DIR/scripts/bench.sh"
fi
info "Copie de $BENCH_DB dans $LOAD_DB et préparation (équipe, ateliers presque complets, ordinateurs)"
clone_db "$BENCH_DB" "$LOAD_DB" || die "la copie de $BENCH_DB a échoué (une session y est-elle ouverte ?)."
"$PYTHON" "$PROJECT_DIR/scripts/load_prepare.py" -c "$conf" -d "$LOAD_DB" --plan "$LOAD_DIR/plan.json"

info "Odoo : $LOAD_WORKERS workers sur $HTTP_INTERFACE:$LOAD_PORT"
port_busy "$LOAD_PORT" && die "le port $LOAD_PORT est déjà pris." "LOAD_PORT=... make load"
# exec: $! is Odoo's master process itself, which stops its workers when killed.
(exec "$PYTHON" "$ODOO_SRC/odoo-bin" -c "$conf" -d "$LOAD_DB" --workers="$LOAD_WORKERS" --max-cron-threads=0 \
    --http-interface=127.0.0.1 --http-port="$LOAD_PORT" --gevent-port=$((LOAD_PORT + 1)) \
    --db-filter="^$LOAD_DB\$" --db_maxconn=16 --limit-time-real=300 --limit-time-cpu=120 \
    --limit-memory-soft=$((2 * 1024 ** 3)) --log-level=warn --logfile="$LOAD_DIR/odoo.log") &
odoo_pid=$!
trap 'kill "$odoo_pid" 2>/dev/null; wait "$odoo_pid" 2>/dev/null' EXIT
for _ in $(seq 60); do
    curl -fs -o /dev/null "http://127.0.0.1:$LOAD_PORT/web/login" && break
    kill -0 "$odoo_pid" 2>/dev/null || die "Odoo s'est arrêté (voir $LOAD_DIR/odoo.log)."
    sleep 1
done

# Each worker loads the registry on its first request: not part of the measure.
for _ in $(seq $((LOAD_WORKERS * 2))); do
    curl -fs -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"params\": {\"db\": \"$LOAD_DB\", \"login\": \"load_staff_01\", \"password\": \"load_staff_01\"}}" \
        "http://127.0.0.1:$LOAD_PORT/web/session/authenticate" &
done
wait_warmup=$(jobs -p | grep -v "^$odoo_pid\$" || true)
[ -n "$wait_warmup" ] && wait $wait_warmup

info "Locust : $LOAD_USERS personnes pendant $LOAD_TIME"
LOAD_DB=$LOAD_DB LOAD_PLAN=$LOAD_DIR/plan.json LOAD_WRITES=$LOAD_DIR/writes.json \
    timeout 600 "$LOAD_VENV/bin/locust" -f "$PROJECT_DIR/scripts/load_locustfile.py" --headless \
    --users "$LOAD_USERS" --spawn-rate 3 --run-time "$LOAD_TIME" --stop-timeout 10 \
    --host "http://127.0.0.1:$LOAD_PORT" --csv "$LOAD_DIR/locust" --only-summary \
    --loglevel WARNING >"$LOAD_DIR/locust.log" 2>&1 || true
kill "$odoo_pid" && wait "$odoo_pid" 2>/dev/null || true
trap - EXIT
[ -f "$LOAD_DIR/locust_stats.csv" ] || die "Locust n'a rien mesuré (voir $LOAD_DIR/locust.log)."
echo "Settings: --workers=$LOAD_WORKERS --max-cron-threads=0 --db_maxconn=16, $LOAD_USERS users, $LOAD_TIME"
"$PYTHON" "$PROJECT_DIR/scripts/load_check.py" -c "$conf" -d "$LOAD_DB" --plan "$LOAD_DIR/plan.json" \
    --writes "$LOAD_DIR/writes.json" --stats "$LOAD_DIR/locust"
