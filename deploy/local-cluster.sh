#!/usr/bin/env bash
# A Scalability.Orleans cluster on this machine: a PostgreSQL server (a throwaway one unless --postgres is given)
# and N silo processes on loopback, all sharing the database for membership and job state.
#
#   deploy/local-cluster.sh start [--silos N] [--postgres "<connection string>"] [--base-port P] [--workers W]
#                                 [--data-root DIR]...
#                                          # --data-root: a folder jobs may read and write (repeatable; default: the
#                                          # folder 'start' is run from). Jobs on files elsewhere are refused.
#                                          # again after a stop or a crash: restarts what is not running, and the
#                                          # unfinished jobs resume
#   deploy/local-cluster.sh add            # one more silo, as an operator adding capacity mid-job
#   deploy/local-cluster.sh status         # silos and their health
#   deploy/local-cluster.sh stop --silo I  # stop silo I alone (gracefully: its running chunks go back to their jobs);
#                                          # 'start' brings it back
#   deploy/local-cluster.sh stop [--purge] # stop the silos (gracefully) and the throwaway PostgreSQL; --purge deletes the
#                                          # state, otherwise the next start resumes the unfinished jobs
#
# State (built CLI, logs, pids, the throwaway database) lives in $SCALE_CLUSTER_DIR (default: ./.local-cluster).
# Extra arguments for every silo (for example "--plugin /path/to/processors.dll") go in $SCALE_SILO_ARGS.
set -euo pipefail

STATE_DIR="${SCALE_CLUSTER_DIR:-$PWD/.local-cluster}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SILOS=3
BASE_PORT=21000
WORKERS=0
POSTGRES=""
PURGE=false
ONE_SILO=""
DATA_ROOTS=()

die() { echo "local-cluster: $*" >&2; exit 1; }
say() { echo "local-cluster: $*" >&2; }

command="${1:-}"
[[ -n "$command" ]] || die "usage: $0 start|add|status|stop [options]"
shift
while [[ $# -gt 0 ]]; do
  case "$1" in
    --silos) SILOS="$2"; shift 2 ;;
    --postgres) POSTGRES="$2"; shift 2 ;;
    --base-port) BASE_PORT="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --purge) PURGE=true; shift ;;
    --silo) ONE_SILO="$2"; shift 2 ;;
    --data-root) DATA_ROOTS+=("$(cd "$2" && pwd)") || die "--data-root: '$2' is not a folder"; shift 2 ;;
    *) die "unknown option '$1'" ;;
  esac
done

# Finds a PostgreSQL server program on PATH or in Debian's versioned folders.
pg_bin() {
  local name="$1" found
  if found="$(command -v "$name" 2>/dev/null)"; then echo "$found"; return; fi
  found="$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$found" ]] || die "no '$name' found: install PostgreSQL (apt-get install postgresql) or pass --postgres \"<connection string>\""
  echo "$found"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# PostgreSQL refuses to run as root: the throwaway server runs as the 'postgres' user (or 'nobody') then.
as_db_user() {
  if [[ "$(id -u)" -eq 0 ]]; then
    local user=postgres
    id "$user" >/dev/null 2>&1 || user=nobody
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

# Starts the throwaway server, or restarts the one a previous 'stop' left (its jobs resume).
start_postgres() {
  local data="$STATE_DIR/pgdata" port fresh=true
  if [[ -f "$data/PG_VERSION" && -f "$STATE_DIR/postgres.port" ]]; then
    fresh=false
    port="$(cat "$STATE_DIR/postgres.port")"
  else
    rm -rf "$data"
    port="$(free_port)"
  fi
  mkdir -p "$data" "$STATE_DIR/pgsocket"
  if [[ "$(id -u)" -eq 0 ]]; then
    local user=postgres
    id "$user" >/dev/null 2>&1 || user=nobody
    chown "$user" "$data" "$STATE_DIR/pgsocket"
    chmod 700 "$data"
  fi
  say "starting a throwaway PostgreSQL on 127.0.0.1:$port (data in $data)"
  if $fresh; then
    as_db_user "$(pg_bin initdb)" -D "$data" -U scale --auth=trust --encoding=UTF8 >"$STATE_DIR/postgres-init.log" 2>&1 \
      || die "initdb failed: see $STATE_DIR/postgres-init.log"
  fi
  as_db_user "$(pg_bin pg_ctl)" -D "$data" -l "$data/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $STATE_DIR/pgsocket" start >/dev/null \
    || die "PostgreSQL did not start: see $data/server.log"
  if $fresh; then
    as_db_user "$(pg_bin createdb)" -h 127.0.0.1 -p "$port" -U scale scalability
  fi
  echo "$port" >"$STATE_DIR/postgres.port"
  touch "$STATE_DIR/postgres.running"
  POSTGRES="Host=127.0.0.1;Port=$port;Username=scale;Database=scalability"
}

build_cli() {
  if [[ ! -f "$STATE_DIR/bin/scale.dll" ]]; then
    say "building the scale CLI into $STATE_DIR/bin"
    dotnet build "$REPO_ROOT/client/Scalability.Cli/Scalability.Cli.csproj" -c Release -o "$STATE_DIR/bin" --nologo -v quiet >"$STATE_DIR/build.log" 2>&1 \
      || die "build failed: see $STATE_DIR/build.log"
  fi
}

start_silo() {
  local index="$1" log="$STATE_DIR/silo-$1.log"
  local silo_port=$((BASE_PORT + index)) gateway_port=$((BASE_PORT + 100 + index)) http_port=$((BASE_PORT + 200 + index))
  local lines_before
  touch "$log"
  lines_before="$(wc -l <"$log")"
  local roots=() root
  while IFS= read -r root; do roots+=(--data-root "$root"); done <"$STATE_DIR/data-roots"
  nohup dotnet "$STATE_DIR/bin/scale.dll" silo --clustering "postgres:$(cat "$STATE_DIR/connection")" \
    --silo-port "$silo_port" --gateway-port "$gateway_port" --http "http://127.0.0.1:$http_port" \
    --workers "$(cat "$STATE_DIR/workers")" --state "$STATE_DIR/silo-$index" "${roots[@]}" ${SCALE_SILO_ARGS:-} >>"$log" 2>&1 &
  echo $! >"$STATE_DIR/silo-$index.pid"
  for _ in $(seq 1 120); do
    if tail -n +"$((lines_before + 1))" "$log" | grep -q " active in cluster "; then
      say "silo $index: $(tail -n +"$((lines_before + 1))" "$log" | grep ' active in cluster ')"
      return
    fi
    alive "$(cat "$STATE_DIR/silo-$index.pid")" || die "silo $index exited: see $log"
    sleep 0.5
  done
  die "silo $index did not become active within 60 s: see $log"
}

silo_indices() {
  ls "$STATE_DIR"/silo-*.pid 2>/dev/null | sed -E 's/.*silo-([0-9]+)\.pid/\1/' | sort -n
}

# A process is alive if it exists and is not a zombie (a killed silo stays one until something reaps it).
alive() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != Z* ]]
}

silo_running() {
  [[ -f "$STATE_DIR/silo-$1.pid" ]] && alive "$(cat "$STATE_DIR/silo-$1.pid")"
}

# SIGTERM is a graceful stop: the silo gives its running chunks back to their jobs and leaves the cluster.
stop_silo() {
  local index="$1" pid
  pid="$(cat "$STATE_DIR/silo-$index.pid")"
  say "stopping silo $index (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do alive "$pid" || break; sleep 0.5; done
  if alive "$pid"; then say "silo $index did not stop in 30 s: killing it"; kill -KILL "$pid"; fi
}

# After a stop or a crash: the same database, the same silos on the same ports.
restart() {
  BASE_PORT="$(cat "$STATE_DIR/base-port")"
  # Roots given again replace the saved ones (for silos started from now on).
  if [[ ${#DATA_ROOTS[@]} -gt 0 ]]; then
    printf '%s\n' "${DATA_ROOTS[@]}" >"$STATE_DIR/data-roots"
  elif [[ ! -f "$STATE_DIR/data-roots" ]]; then
    echo "$PWD" >"$STATE_DIR/data-roots"
  fi
  if [[ -f "$STATE_DIR/postgres.port" ]] && ! as_db_user "$(pg_bin pg_ctl)" -D "$STATE_DIR/pgdata" status >/dev/null 2>&1; then
    start_postgres
  fi
  for index in $(seq 1 "$(cat "$STATE_DIR/silo-count")"); do
    if silo_running "$index"; then
      say "silo $index is running"
    else
      start_silo "$index"
    fi
  done
  say "cluster up again: unfinished jobs resume"
}

case "$command" in
  start)
    if [[ -f "$STATE_DIR/silo-count" ]]; then
      build_cli
      restart
      exit 0
    fi
    mkdir -p "$STATE_DIR"
    build_cli
    if [[ -z "$POSTGRES" ]]; then start_postgres; fi
    echo "$POSTGRES" >"$STATE_DIR/connection"
    echo "$BASE_PORT" >"$STATE_DIR/base-port"
    echo "$WORKERS" >"$STATE_DIR/workers"
    echo "$SILOS" >"$STATE_DIR/silo-count"
    [[ ${#DATA_ROOTS[@]} -gt 0 ]] || DATA_ROOTS=("$PWD")
    printf '%s\n' "${DATA_ROOTS[@]}" >"$STATE_DIR/data-roots"
    dotnet "$STATE_DIR/bin/scale.dll" db init --storage "postgres:$POSTGRES" >&2
    for index in $(seq 1 "$SILOS"); do start_silo "$index"; done
    say "cluster up; jobs may read and write under: ${DATA_ROOTS[*]}. Submit a job with:"
    echo "dotnet $STATE_DIR/bin/scale.dll run <tickets.csv> --out <results.csv> --cluster \"postgres:$POSTGRES\""
    ;;
  add)
    [[ -f "$STATE_DIR/silo-count" ]] || die "no cluster in $STATE_DIR: '$0 start' first"
    BASE_PORT="$(cat "$STATE_DIR/base-port")"
    next=$(($(cat "$STATE_DIR/silo-count") + 1))
    echo "$next" >"$STATE_DIR/silo-count"
    start_silo "$next"
    ;;
  status)
    [[ -f "$STATE_DIR/silo-count" ]] || die "no cluster in $STATE_DIR"
    BASE_PORT="$(cat "$STATE_DIR/base-port")"
    for index in $(silo_indices); do
      pid="$(cat "$STATE_DIR/silo-$index.pid")"
      if alive "$pid"; then
        health="$(curl -s "http://127.0.0.1:$((BASE_PORT + 200 + index))/healthz" || echo "no answer")"
        echo "silo $index (pid $pid): ${health%$'\n'}"
      else
        echo "silo $index (pid $pid): not running"
      fi
    done
    ;;
  stop)
    if [[ -n "$ONE_SILO" ]]; then
      [[ -f "$STATE_DIR/silo-$ONE_SILO.pid" ]] || die "no silo $ONE_SILO in $STATE_DIR (see '$0 status')"
      $PURGE && die "--purge deletes the whole cluster's state: not with --silo"
      silo_running "$ONE_SILO" || die "silo $ONE_SILO is not running"
      stop_silo "$ONE_SILO"
      exit 0
    fi
    for index in $(silo_indices); do
      if silo_running "$index"; then stop_silo "$index"; fi
    done
    if [[ -f "$STATE_DIR/postgres.running" ]]; then
      say "stopping the throwaway PostgreSQL (its data stays for the next start unless --purge)"
      as_db_user "$(pg_bin pg_ctl)" -D "$STATE_DIR/pgdata" -m fast -w stop >/dev/null || true
      rm -f "$STATE_DIR/postgres.running"
    fi
    if $PURGE; then rm -rf "$STATE_DIR"; say "deleted $STATE_DIR"; fi
    ;;
  *) die "unknown command '$command': start, add, status or stop" ;;
esac
