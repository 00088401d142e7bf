# Shared by the bench/*.sh scripts (sourced from the project root).

# require_suite <port>...: stops with a hint unless every port answers (the suite must be up)
require_suite() {
  local port
  for port in "$@"; do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null || curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null ||
      { echo "bench: nothing answers on 127.0.0.1:$port; start the suite first: ./suite up" >&2; exit 1; }
  done
}

# use_database <database> <role> <password variable in .suite/secrets.env>: psql's connection for sql()
use_database() {
  [[ -r .suite/secrets.env ]] || { echo "bench: .suite/secrets.env missing; start the suite with ./suite up" >&2; exit 1; }
  # shellcheck disable=SC1091
  source .suite/secrets.env
  export PGHOST=127.0.0.1 PGPORT=5432 PGDATABASE="$1" PGUSER="$2" PGPASSWORD="${!3}"
}

sql() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

# the machine and commit a figure belongs to
print_machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), $(psql --version)"
  echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
}
