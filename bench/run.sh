#!/usr/bin/env bash
# The national campaign benchmark (README "Performance"): builds the jar, starts it with profile postgres
# against a fresh database on the local PostgreSQL, drives every county's plan (or the first N) through
# /api and engine REST, a bare four-task chain on the same engine, then query latency with a loaded history and
# open tasks spread and concentrated, then the same bare chain on vanilla Camunda (its own fresh database).
# Usage: bench/run.sh [--counties N] [--clients C] [--history M] [--open-tasks T]
set -euo pipefail
cd "$(dirname "$0")/.."

counties=0 clients=8 history=50000 open_tasks=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --counties) counties=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --history) history=$2; shift 2 ;;
    --open-tasks) open_tasks=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
pg_isready -q || { echo "PostgreSQL is not reachable at $PGHOST:$PGPORT" >&2; exit 1; }

mvn -q -B -DskipTests package
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
jar=$(ls target/township-reform-approval-*.jar | grep -v original | head -1)

db="reform_bench_$(date +%s)"
vanilla="${db}_vanilla"
psql -d postgres -v ON_ERROR_STOP=1 -qc "create database $db" -c "create database $vanilla"
[ -n "${KEEP_DB:-}" ] || trap 'psql -d postgres -qc "drop database if exists $db with (force)" -c "drop database if exists $vanilla with (force)" >/dev/null 2>&1 || true' EXIT

echo "machine=$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "database=PostgreSQL $(psql -d postgres -Atc 'show server_version') $db"
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.gov.reform.bench.CampaignBenchmark \
  --jar "$jar" --db-url "jdbc:postgresql://$PGHOST:$PGPORT/$db" --db-user "$PGUSER" \
  --counties "$counties" --clients "$clients" --history "$history" --open-tasks "$open_tasks" --log-dir target/bench \
  --vanilla-db-url "jdbc:postgresql://$PGHOST:$PGPORT/$vanilla"
