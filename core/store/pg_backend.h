#pragma once

// What the PostgreSQL store needs beyond store/sql_connection.h: the libpq
// handle (for COPY), a server's name without its password, and libpq errors
// as wake::Error values.

#include "core/store/sql_connection.h"

typedef struct pg_conn PGconn;

namespace wake::store {

PGconn* pgHandle(Connection& connection);
// "postgresql://user@host:port/dbname": never the password.
QString describeServer(PGconn* conn);
Error postgresError(PGconn* conn, const QString& message, const QString& what);

} // namespace wake::store
