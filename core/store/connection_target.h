#pragma once

// What a --db value (or the window's "Connect to a server") names: an SQLite
// file, a PostgreSQL server (a postgresql:// or postgres:// URI in any case,
// or libpq's key=value pairs), or something that looks like a connection
// target but is neither (a misspelt scheme, another database's URI): that is
// refused, never made a file of that name. Nothing here connects; Qt Core only.

#include <QString>

namespace wake::store {

struct ConnectionTarget
{
    enum class Kind
    {
        File,
        Server,
        NotATarget,
    };
    Kind kind = Kind::File;
    QString text;   // the file path as given, or the server target as libpq reads it
    QString scheme; // of a URI ("postgresl"), for the message
};

ConnectionTarget classifyTarget(const QString& target);
// The target as it may be shown: any password in it replaced by ***.
QString maskedTarget(const QString& target);

} // namespace wake::store
