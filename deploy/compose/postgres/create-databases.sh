#!/bin/sh
# Creates one database per Dealflow service (DEALFLOW_DATABASES) on an empty PostgreSQL volume.
set -eu
for db in $DEALFLOW_DATABASES; do
  echo "CREATE DATABASE \"$db\";" | psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER"
done
