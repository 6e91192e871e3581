#!/usr/bin/env bash
# Measures NeighborBid against what this machine allows and writes docs/BENCHMARKS.md.
#
#   bash scripts/bench.sh            # build (Release), run every scenario, write docs/BENCHMARKS.md
#   bash scripts/bench.sh --smoke    # 5 seconds a scenario, small counts, checks correctness only
#
# Options: --build-dir DIR (use an existing build, skip building), --results DIR (keep the JSON of
# every run there), --only a,b,c (scenarios and ceilings to run: hot spread fanout connections
# listing cluster pgbench-hot pgbench-spread inproc-hot inproc-spread), --report FILE (where the
# report goes; the smoke run writes none unless given).
#
# It starts everything it needs and stops it again: a private PostgreSQL cluster on a unix socket
# in a temporary folder (synchronous commit on, as in production), Redis for the cluster scenario,
# and a fresh `neighborbid-server serve` per scenario so each one's peak memory is its own. Every
# server listens on 127.0.0.1 only; every scenario and every wait is bounded in time. After each
# scenario `console ledger verify` must pass. The exit status is 0 only when every run was correct.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"

SMOKE=0
BUILD_DIR=""
RESULTS=""
ONLY=""
REPORT=""
need_value() { [[ $# -ge 2 && -n "$2" ]] || { echo "bench: $1 needs a value (see --help)" >&2; exit 2; }; }
while [[ $# -gt 0 ]]; do
    case "$1" in
    --smoke) SMOKE=1 ;;
    --build-dir) need_value "$@"; BUILD_DIR="$2"; shift ;;
    --results) need_value "$@"; RESULTS="$2"; shift ;;
    --only) need_value "$@"; ONLY="$2"; shift ;;
    --report) need_value "$@"; REPORT="$2"; shift ;;
    -h | --help) sed -n '2,17p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

# Scenario sizes: the issue's defaults for the real run, small ones for the smoke run.
if [[ $SMOKE -eq 1 ]]; then
    DURATION=5 BIDDERS=20 AUCTIONS=50 LISTING=500 SUBSCRIBERS=100 CONNECTIONS=300 HOLD=2
else
    DURATION=20 BIDDERS=100 AUCTIONS=1000 LISTING=10000 SUBSCRIBERS=1000 CONNECTIONS=10000 HOLD=10
fi
DB_POOL=16
LISTING_CLIENTS=16
# Client event-loop threads where one is not enough: fanout and cluster keep their subscribers off
# the bidders' thread, connections opens its sockets on both cores.
LOAD_THREADS=2
SCENARIOS=(hot spread fanout connections listing cluster)
CEILINGS=(pgbench-hot pgbench-spread inproc-hot inproc-spread)
# The order of the run. How fast this machine makes a commit durable changes from minute to
# minute (pgbench-hot measured 133 to 247 transactions/s within a quarter of an hour), so a ratio
# of two figures taken minutes apart carried that drift: the pgbench ceilings run right before
# and right after their scenario, and the ceiling is the mean of the two.
STEPS=(pgbench-hot hot pgbench-hot inproc-hot pgbench-spread spread pgbench-spread inproc-spread
    fanout connections listing cluster)

# Time limits (seconds) of each step; a step that overruns them fails the run.
LIMIT_SETUP=120                      # initdb, createdb, migrate, start and stop of a server
LIMIT_SEED=$((SMOKE ? 180 : 900))    # nb-bench-seed
LIMIT_VERIFY=120                     # console ledger verify
LIMIT_RUN=$((DURATION + 150))        # one nb-bench, pgbench or nb-bench-inproc run
LIMIT_CONNECTIONS=$((HOLD + CONNECTIONS / 50 + 150))

log() { printf 'bench: %s\n' "$*" >&2; }
die() {
    log "$*"
    exit 1
}
wanted() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]; }
if [[ -n "$ONLY" ]]; then
    IFS=, read -r -a only_names <<<"$ONLY"
    for name in "${only_names[@]}"; do
        [[ " ${SCENARIOS[*]} ${CEILINGS[*]} " == *" $name "* ]] ||
            { echo "bench: --only: unknown scenario '$name' (see --help)" >&2; exit 2; }
    done
fi

# ---------------------------------------------------------------------------------------------
# Build.
if [[ -z "$BUILD_DIR" ]]; then
    bash "$ROOT/scripts/install-deps.sh"
    (cd "$ROOT" && cmake --preset release >/dev/null &&
        cmake --build --preset release --target neighborbid-server nb-bench nb-bench-seed nb-bench-inproc \
            nb-bench-report)
    BUILD_DIR="$ROOT/build/release"
fi
[[ -d "$BUILD_DIR" ]] || die "no build folder $BUILD_DIR"
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
# find_tool NAME RELATIVE_PATH: where the project's layout puts it, or anywhere under the build.
find_tool() {
    local path="$BUILD_DIR/$2"
    if [[ ! -x "$path" ]]; then
        path=$(find "$BUILD_DIR" -type f -name "$1" -perm -u+x -print -quit)
    fi
    [[ -n "$path" ]] || die "no $1 under $BUILD_DIR (build the project with tests first)"
    printf '%s' "$path"
}
SERVER_BIN=$(find_tool neighborbid-server server/neighborbid-server)
LOAD_BIN=$(find_tool nb-bench tests/bench/load/nb-bench)
SEED_BIN=$(find_tool nb-bench-seed tests/bench/seed/nb-bench-seed)
INPROC_BIN=$(find_tool nb-bench-inproc tests/bench/inproc/nb-bench-inproc)
REPORT_BIN=$(find_tool nb-bench-report tests/bench/report/nb-bench-report)
for tool in initdb pg_ctl createdb pgbench postgres; do
    [[ -x "$PGBIN/$tool" ]] || die "no $PGBIN/$tool (set PGBIN to PostgreSQL's bin folder)"
done

# Ten thousand sockets on each side need more descriptors than the usual 1,024; the servers, the
# load generator and PostgreSQL inherit the raised limit.
raise_fd_limit() {
    local want=65536 hard
    ulimit -Hn "$want" 2>/dev/null || true # only root may raise the hard limit
    hard=$(ulimit -Hn)
    [[ "$hard" == unlimited || "$hard" -gt "$want" ]] && hard=$want
    ulimit -Sn "$hard" 2>/dev/null || true
    if [[ $(ulimit -Sn) -lt $((CONNECTIONS + 1000)) ]]; then
        log "warning: open files limit $(ulimit -Sn) is below the $CONNECTIONS connections' needs"
    fi
}
raise_fd_limit

WORK=$(mktemp -d /tmp/nb-bench.XXXXXX)
chmod 755 "$WORK"

PIDS=()  # background processes still running: servers, Redis
CHILD="" # the bounded command being waited for
PG_STARTED=0
# PostgreSQL refuses to run as root: as root its commands run as the postgres user.
AS_POSTGRES=()
[[ $EUID -eq 0 ]] && AS_POSTGRES=(runuser -u postgres --)
# True while PID is a running process (not ended, not a zombie waiting to be reaped).
alive() {
    local state
    state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
    [[ -n "$state" && "$state" != Z && "$state" != X ]]
}
# stop_pid PID [SECONDS]: SIGTERM, then SIGKILL when it has not ended in time (returns 1 then);
# reaps it and forgets it.
stop_pid() {
    local pid="$1" grace="${2:-20}" i status=0
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
        alive "$pid" || break
        sleep 0.1
    done
    if alive "$pid"; then
        log "process $pid did not stop in ${grace} s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        status=1
    fi
    wait "$pid" 2>/dev/null || true
    local kept=() p
    for p in "${PIDS[@]}"; do
        [[ "$p" == "$pid" ]] || kept+=("$p")
    done
    PIDS=("${kept[@]}")
    return "$status"
}
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    set +e
    [[ -n "$CHILD" ]] && stop_pid "$CHILD" 15
    local pid
    for pid in "${PIDS[@]}"; do
        stop_pid "$pid" 15
    done
    if [[ $PG_STARTED -eq 1 ]]; then
        timeout 90 "${AS_POSTGRES[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w -t 60 stop >/dev/null 2>&1 ||
            timeout 60 "${AS_POSTGRES[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate -w -t 30 stop \
                >/dev/null 2>&1
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# bounded SECONDS COMMAND...: runs it with a time limit. In the background and waited for, so
# that a signal to this script is handled at once (bash runs traps between commands only).
bounded() {
    local limit="$1"
    shift
    timeout -k 10 "$limit" "$@" &
    CHILD=$!
    local status=0
    wait "$CHILD" || status=$?
    CHILD=""
    if [[ $status -eq 124 || $status -eq 137 ]]; then
        log "$(basename "$1") did not finish within $limit s"
    fi
    return "$status"
}

[[ -n "$RESULTS" ]] || RESULTS="$WORK/results"
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
rm -f "$RESULTS"/*.json

# ---------------------------------------------------------------------------------------------
# PostgreSQL: a private cluster, reachable only through its socket folder.
PGPORT=$((20000 + RANDOM % 20000))
SOCK="$WORK/sock"
mkdir -p "$WORK/pg" "$SOCK"
[[ $EUID -eq 0 ]] && chown postgres "$WORK/pg" "$SOCK"
bounded "$LIMIT_SETUP" "${AS_POSTGRES[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U neighborbid --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 || die "initdb failed: $(tail -n5 "$WORK/initdb.log")"
PG_STARTED=1
bounded "$LIMIT_SETUP" "${AS_POSTGRES[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w -t 60 \
    start -o "-c listen_addresses='' -k $SOCK -p $PGPORT -c max_connections=300 -c shared_buffers=256MB" \
    >/dev/null || die "PostgreSQL did not start: $(tail -n5 "$WORK/pg/server.log" 2>/dev/null)"
bounded "$LIMIT_SETUP" "$PGBIN/createdb" -h "$SOCK" -p "$PGPORT" -U neighborbid neighborbid ||
    die "createdb failed"
DSN="host=$SOCK port=$PGPORT dbname=neighborbid user=neighborbid"
bounded "$LIMIT_SETUP" "$SERVER_BIN" migrate --database "$DSN" >/dev/null 2>"$WORK/migrate.log" ||
    die "migrate failed: $(cat "$WORK/migrate.log")"

log "seeding: $BIDDERS bidders, $CONNECTIONS idle users, $AUCTIONS bid auctions, $LISTING active auctions"
SEED="$WORK/seed"
mkdir -p "$SEED"
bounded "$LIMIT_SEED" "$SEED_BIN" --database "$DSN" --out "$SEED" --bidders "$BIDDERS" \
    --idle "$CONNECTIONS" --auctions "$AUCTIONS" --listing "$LISTING" >&2 || die "seeding failed"

FAILED=()

# ---------------------------------------------------------------------------------------------
# Servers. start_server NAME [serve options...] starts one instance and sets SERVER_PID,
# HTTP_URL and WS_URL.
start_server() {
    local name="$1"
    shift
    local out="$WORK/$name.out"
    : >"$out"
    "$SERVER_BIN" serve --database "$DSN" --listen 127.0.0.1 --http-port 0 --ws-port 0 \
        --rate-limit 0 --db-pool "$DB_POOL" "$@" >"$out" 2>"$WORK/$name.err" </dev/null &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    local i http="" ws=""
    for ((i = 0; i < LIMIT_SETUP * 10; i++)); do
        http=$(sed -n 's/^http listening on //p' "$out" || true)
        ws=$(sed -n 's/^ws listening on //p' "$out" || true)
        [[ -n "$http" && -n "$ws" ]] && break
        alive "$SERVER_PID" || die "$name did not start: $(tail -n5 "$WORK/$name.err")"
        sleep 0.1
    done
    [[ -n "$http" && -n "$ws" ]] || die "$name did not start listening within $LIMIT_SETUP s"
    HTTP_URL="http://$http"
    WS_URL="ws://$ws/ws"
}
# stop_server NAME PID: a server that does not stop cleanly fails its scenario.
stop_server() {
    stop_pid "$2" 30 || FAILED+=("$1 (server did not stop)")
}

# Runs `console ledger verify` and keeps its answer next to the scenario's result.
verify_ledger() {
    local name="$1"
    if bounded "$LIMIT_VERIFY" "$SERVER_BIN" console --database "$DSN" ledger verify --json \
        >"$RESULTS/$name.ledger.json" 2>"$WORK/$name.ledger.err"; then
        log "$name: ledger verify ok"
    else
        log "$name: LEDGER VERIFY FAILED: $(cat "$RESULTS/$name.ledger.json" "$WORK/$name.ledger.err")"
        FAILED+=("$name (ledger)")
    fi
}

# run_load NAME LIMIT [nb-bench options...]
run_load() {
    local name="$1" limit="$2"
    shift 2
    log "$name: running"
    if ! bounded "$limit" "$LOAD_BIN" "$name" --json "$RESULTS/$name.json" "$@"; then
        FAILED+=("$name")
        log "$name: the run was not correct (see above)"
    fi
}

common_files=(--bidders-file "$SEED/bidders.tsv" --auctions-file "$SEED/auctions.tsv")

# scenario_single NAME LIMIT [nb-bench options...]
scenario_single() {
    local name="$1" limit="$2"
    shift 2
    start_server "$name"
    local pid=$SERVER_PID
    run_load "$name" "$limit" --http-url "$HTTP_URL" --ws-url "$WS_URL" --server-pid "$pid" "$@"
    stop_server "$name" "$pid"
    verify_ledger "$name"
}

scenario_cluster() {
    # A free port is not known in advance: another one when Redis cannot listen on the first.
    local redis_port redis_pid attempt i ready=0
    for ((attempt = 0; attempt < 5 && ready == 0; attempt++)); do
        redis_port=$((40000 + RANDOM % 20000))
        redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no \
            --daemonize no >"$WORK/redis.log" 2>&1 </dev/null &
        redis_pid=$!
        PIDS+=("$redis_pid")
        for ((i = 0; i < 100; i++)); do
            # Ours, not another Redis already on that port.
            if timeout 5 redis-cli -p "$redis_port" info server 2>/dev/null | grep -qE "^process_id:${redis_pid}([^0-9]|$)"; then
                ready=1
                break
            fi
            alive "$redis_pid" || break
            sleep 0.1
        done
        [[ $ready -eq 1 ]] || stop_pid "$redis_pid" 5 || true
    done
    [[ $ready -eq 1 ]] || die "Redis did not start: $(tail -n5 "$WORK/redis.log")"
    start_server cluster-a --redis "redis://127.0.0.1:$redis_port"
    local a_pid=$SERVER_PID a_http=$HTTP_URL a_ws=$WS_URL
    start_server cluster-b --redis "redis://127.0.0.1:$redis_port"
    local b_pid=$SERVER_PID b_ws=$WS_URL
    sleep 1 # both instances subscribed to the channel
    run_load cluster "$LIMIT_RUN" --http-url "$a_http" --ws-url "$a_ws" --ws-url2 "$b_ws" \
        --server-pid "$a_pid" --server-pid "$b_pid" --duration "$DURATION" --subscribers "$SUBSCRIBERS" \
        --threads "$LOAD_THREADS" "${common_files[@]}"
    stop_server cluster-a "$a_pid"
    stop_server cluster-b "$b_pid"
    stop_pid "$redis_pid" 10
    verify_ledger cluster
}

# run_scenario NAME: one network scenario against fresh servers.
run_scenario() {
    case "$1" in
    hot | spread)
        scenario_single "$1" "$LIMIT_RUN" --duration "$DURATION" --bidders "$BIDDERS" \
            "${common_files[@]}" ;;
    fanout)
        scenario_single fanout "$LIMIT_RUN" --duration "$DURATION" --subscribers "$SUBSCRIBERS" \
            --threads "$LOAD_THREADS" "${common_files[@]}" ;;
    connections)
        scenario_single connections "$LIMIT_CONNECTIONS" --connections "$CONNECTIONS" --hold "$HOLD" \
            --threads "$LOAD_THREADS" --idle-file "$SEED/idle.tsv" ;;
    listing)
        scenario_single listing "$LIMIT_RUN" --duration "$DURATION" --clients "$LISTING_CLIENTS" ;;
    cluster)
        scenario_cluster ;;
    esac
}

# ---------------------------------------------------------------------------------------------
# The ceiling: the same transaction straight from pgbench, and the service layer in-process.
# Bidders and bid auctions have consecutive ids (nb-bench-seed); hot bids on the first auction.
BIDDER_MIN=$(head -n1 "$SEED/bidders.tsv" | cut -f1)
BIDDER_MAX=$(tail -n1 "$SEED/bidders.tsv" | cut -f1)
AUCTION_MIN=$(head -n1 "$SEED/auctions.tsv" | cut -f1)
AUCTION_MAX=$(tail -n1 "$SEED/auctions.tsv" | cut -f1)

# Every pgbench run of a ceiling so far, by "name-cCLIENTS"; mean and list of the figures.
declare -A PGBENCH_TPS PGBENCH_LATENCY PGBENCH_FAILED
mean() { awk '{ for (i = 1; i <= NF; i++) sum += $i; printf "%.6f", sum / NF }' <<<"$*"; }
list() { local IFS=,; printf '%s' "$*"; }

pgbench_run() {
    local name="$1" clients="$2"
    local jobs=2 auction_max=$AUCTION_MAX
    ((clients < jobs)) && jobs=$clients
    [[ "$name" == pgbench-hot ]] && auction_max=$AUCTION_MIN
    log "$name: pgbench, $clients clients, ${DURATION} s"
    local out="$WORK/$name-c$clients.out"
    if ! bounded "$LIMIT_RUN" "$PGBIN/pgbench" -h "$SOCK" -p "$PGPORT" -U neighborbid -n -M prepared \
        -c "$clients" -j "$jobs" -T "$DURATION" -f "$ROOT/tests/bench/pgbench/bid.sql" \
        -D bidder_min="$BIDDER_MIN" -D bidder_max="$BIDDER_MAX" -D auction_min="$AUCTION_MIN" \
        -D auction_max="$auction_max" neighborbid >"$out" 2>&1; then
        log "$name: pgbench failed: $(grep -v '^pgbench (' "$out" | tail -n5)"
        FAILED+=("$name-c$clients")
        return
    fi
    local tps latency failed key="$name-c$clients"
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$out" | head -n1)
    latency=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$out")
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
    if [[ -z "$tps" || "${failed:-0}" -ne 0 ]]; then
        log "$name: pgbench gave no figure or failed transactions: $(tail -n5 "$out")"
        FAILED+=("$key")
    fi
    # Every run of this ceiling so far (before and after its scenario): the figures are their means.
    PGBENCH_TPS[$key]="${PGBENCH_TPS[$key]:-} ${tps:-0}"
    PGBENCH_LATENCY[$key]="${PGBENCH_LATENCY[$key]:-} ${latency:-0}"
    PGBENCH_FAILED[$key]=$((${PGBENCH_FAILED[$key]:-0} + ${failed:-0}))
    printf '{"scenario":"%s","clients":%d,"duration_s":%d,"tps":%s,"tps_runs":[%s],"latency_avg_ms":%s,"failed":%s}\n' \
        "$name" "$clients" "$DURATION" "$(mean ${PGBENCH_TPS[$key]})" "$(list ${PGBENCH_TPS[$key]})" \
        "$(mean ${PGBENCH_LATENCY[$key]})" "${PGBENCH_FAILED[$key]}" >"$RESULTS/$key.json"
    log "$name: $clients clients: ${tps:-?} transactions/s"
}

# sql STATEMENT: runs one statement on the bench database.
sql() {
    bounded "$LIMIT_VERIFY" "$PGBIN/psql" -h "$SOCK" -p "$PGPORT" -U neighborbid -X -q -v ON_ERROR_STOP=1 \
        -c "$1" neighborbid >/dev/null
}
# The events a ceiling queues are handed to nobody (no server runs then): they leave the outbox
# before the next scenario's server starts, or its relay would spend that scenario sending them.
# The auctions' replay logs keep them.
empty_outbox() {
    sql "DELETE FROM outbox" || die "could not empty the outbox after $1"
}
# Before each step: the dead row versions the steps before it left are cleared, as autovacuum
# clears them on a server that runs for days, so that no step pays for another's (a ceiling
# updates one auction row thousands of times; when the ceilings ran last, they met every
# scenario's). Every step starts from the same kind of tables.
vacuum_database() {
    sql "VACUUM (ANALYZE)" || die "could not vacuum the database before $1"
}

# run_ceiling NAME: what the machine allows for a scenario, without the server's network part.
run_ceiling() {
    local ceiling="$1"
    case "$ceiling" in
    pgbench-hot | pgbench-spread)
        # At the bidders' concurrency and at the server's pool size: the higher is the ceiling.
        pgbench_run "$ceiling" "$BIDDERS"
        [[ $BIDDERS -ne $DB_POOL ]] && pgbench_run "$ceiling" "$DB_POOL"
        verify_ledger "$ceiling" ;;
    inproc-hot | inproc-spread)
        log "$ceiling: in-process, $BIDDERS threads, ${DURATION} s"
        if ! bounded "$LIMIT_RUN" "$INPROC_BIN" --mode "${ceiling#inproc-}" --database "$DSN" \
            --threads "$BIDDERS" --pool "$DB_POOL" --duration "$DURATION" --bidders "$SEED/bidders.tsv" \
            --auctions "$SEED/auctions.tsv" --json "$RESULTS/$ceiling.json"; then
            FAILED+=("$ceiling")
            log "$ceiling: the run was not correct (see above)"
        fi
        verify_ledger "$ceiling" ;;
    esac
    empty_outbox "$ceiling"
}

for step in "${STEPS[@]}"; do
    wanted "$step" || continue
    vacuum_database "$step"
    if [[ " ${CEILINGS[*]} " == *" $step "* ]]; then
        run_ceiling "$step"
    else
        run_scenario "$step"
    fi
done

# ---------------------------------------------------------------------------------------------
if [[ $SMOKE -eq 0 && -z "$REPORT" ]]; then
    REPORT="$ROOT/docs/BENCHMARKS.md"
fi
if [[ -n "$REPORT" ]]; then
    build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null || true)
    report_command="bash scripts/bench.sh"
    [[ $SMOKE -eq 1 ]] && report_command+=" --smoke"
    if bounded "$LIMIT_VERIFY" "$REPORT_BIN" --results "$RESULTS" --out "$REPORT" \
        --command "$report_command" --build-type "${build_type:-unknown}" \
        --postgres "$("$PGBIN/postgres" --version)"; then
        log "report written to $REPORT"
    else
        FAILED+=("report")
    fi
fi

if [[ ${#FAILED[@]} -gt 0 ]]; then
    log "NOT CORRECT: ${FAILED[*]}"
    exit 1
fi
log "every run was correct"
