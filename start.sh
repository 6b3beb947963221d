#!/usr/bin/env bash
# Starts the whole vareg stack on this machine with no external services:
# embedded PostgreSQL (data in ./data), the local EVM node, the contracts, the backend on
# http://localhost:8080 and the anchoring worker. Ctrl-C stops everything.
#   ./start.sh            start (builds first when the sources changed)
#   ./start.sh --demo     start with demo emissions in the register
# Ports: VAREG_HTTP_PORT (8080), VAREG_WORKER_PORT (8081), VAREG_CHAIN_PORT (8545), VAREG_POSTGRES_PORT (54329).
set -euo pipefail
cd "$(dirname "$0")"

die() { echo "vareg: $*" >&2; exit 1; }

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }

find_java() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for dir in ${VAREG_JVM_DIRS:-/usr/lib/jvm /opt/java}; do
    for d in "$dir"/*/bin/java; do [ -x "$d" ] && candidates+=("$d"); done
  done
  for j in "${candidates[@]}"; do
    local v; v=$(java_major "$j" || true)
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then echo "$j"; return 0; fi
  done
  return 1
}

JAVA=$(find_java) || die "needs a JDK 21 or newer: install one (e.g. Temurin 21) and set JAVA_HOME to it"
export JAVA_HOME; JAVA_HOME=$(cd "$(dirname "$JAVA")/.." && pwd)

command -v node >/dev/null 2>&1 || die "needs Node.js 20 or newer (for the Solidity compiler and the local EVM node): install it from your package manager"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "needs Node.js 20 or newer, found $(node -v): upgrade Node.js"
command -v npm >/dev/null 2>&1 || die "needs npm (comes with Node.js): install it"

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for spec in "VAREG_HTTP_PORT:8080" "VAREG_WORKER_PORT:8081" "VAREG_CHAIN_PORT:8545" "VAREG_POSTGRES_PORT:54329"; do
  var=${spec%%:*}; port=${!var:-${spec##*:}}
  if port_taken "$port"; then
    die "port $port is taken: stop what listens there (another vareg?) or choose another with $var=<port>"
  fi
done

jars=(devstack/target/vareg-devstack-0.1.0-SNAPSHOT-exec.jar backend/target/vareg-backend.jar anchoring-worker/target/vareg-anchoring-worker.jar)
needs_build=false
for jar in "${jars[@]}"; do
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src contracts/package-lock.json -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  echo "vareg: building (first start or sources changed) ..."
  ./mvnw -q -B -DskipTests install || die "the build failed: see the Maven output above"
fi

exec "$JAVA" -jar devstack/target/vareg-devstack-0.1.0-SNAPSHOT-exec.jar "$@"
