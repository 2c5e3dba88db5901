#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster (pg_virtualenv from
# Debian's postgresql-common): PGHOST, PGPORT, PGUSER and PGPASSWORD point at
# it (the cluster listens on the loopback only; Wake's tests connect to
# 127.0.0.1), and it is dropped when the command ends. -t keeps the cluster in
# a temporary directory even as root, so a cluster named "regress" left in
# /etc/postgresql by a killed run (or someone else's) never stops the tests. The store's
# tests make their own databases in it (tests/support/pg_test_server.h).
#
# usage: scripts/with_test_postgres.sh COMMAND [ARGS...]
set -euo pipefail
exec pg_virtualenv -t -v 15 env PGHOST=127.0.0.1 "$@"
