#!/usr/bin/env bash
# The two-node reliability run (issue #9): its own PostgreSQL on a free port, two application nodes sharing it,
# scenarios of load and faults, each reconciled; the table goes to stdout and target/reliability/report.{md,json}.
#   bash scripts/reliability.sh           full run (120 s of load per load scenario, 2,000 timers)
#   bash scripts/reliability.sh --short   every scenario with small numbers (CI)
#   bash scripts/reliability.sh --rate 20 another intake rate (requests a second) for the load scenarios
#   bash scripts/reliability.sh --only deployments   only the scenarios whose name starts with it
# Everything it starts is stopped on exit, also on failure; the exit code is non-zero when a scenario failed.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=("$@")   # --short, --rate N, --only NAME: passed to the runner

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/complaintdesk-reliability.XXXXXX)
chown postgres "$WORK"
PGDATA="$WORK/pgdata"
: > "$WORK/pids"

cleanup() {
  status=$?
  # the nodes the runner started (each pid it wrote), then our PostgreSQL; never the machine's own
  while read -r pid; do
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  done < "$WORK/pids"
  if [ -f "$PGDATA/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ $status -ne 0 ]; then
    mkdir -p target/reliability && cp "$WORK"/*.log target/reliability/ 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. the jar (built when missing or older than the sources) and the runner's classpath
jar=$(ls target/complaint-desk-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -type f | head -1)" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/complaint-desk-*.jar | grep -v original | head -1)
fi
if [ -z "$(ls target/test-classes/com/complaintdesk/reliability/ReliabilityRun.class 2>/dev/null)" ] \
   || [ -n "$(find src/test/java -newer target/test-classes/com/complaintdesk/reliability/ReliabilityRun.class -type f | head -1)" ]; then
  ./mvnw -B -q test-compile
fi
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" >/dev/null

# 2. our own PostgreSQL on a free port
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
runuser -u postgres -- "$PG_BIN/initdb" -D "$PGDATA" -A trust -U postgres --no-sync >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$WORK/pg.log" -w \
  -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on" start >/dev/null
runuser -u postgres -- "$PG_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" complaintdesk
echo "PostgreSQL on port $PGPORT, data in $PGDATA"

# 3.-4. the nodes and the scenarios
java -cp "target/test-classes:target/classes:$(cat "$WORK/classpath")" com.complaintdesk.reliability.ReliabilityRun \
  "${MODE[@]}" --jar "$jar" --work "$WORK" --out target/reliability \
  --pg-ctl "$PG_BIN/pg_ctl" --pg-data "$PGDATA" --pg-log "$WORK/pg.log" --pg-port "$PGPORT"
