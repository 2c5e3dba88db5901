#pragma once

#include <QByteArray>
#include <QString>

namespace wake::reference {

// Registers the core data resources (tables, ports, scenario). Idempotent;
// every loader calls it, so callers never need to.
void ensureCoreResources();

// Opens a resource path under ":/wake/" for reading, e.g. "tables/iso3166-1.csv".
QString corePath(const QString& relative);

} // namespace wake::reference
