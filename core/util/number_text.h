#pragma once

// Numbers as Wake writes them for people, the same in every command, summary
// and panel: whole counts with thousands separators ("338,167") and decimals
// with a point and a fixed number of places ("1.7"), whatever the system's
// locale, so a script or a reader sees one form everywhere.

#include <QString>

#include <cstdint>

namespace wake::util {

QString countText(std::int64_t n);
QString decimalText(double value, int places);

} // namespace wake::util
