#pragma once

// Writes generated traffic as a MarineCadastre CSV (the 2017+ columns), rows
// in time order with the vessels interleaved, as the real daily files come.
// A vessel's name changes in its rows from the time of its identity update.

#include "tests/support/traffic_generator.h"

#include <QString>

#include <optional>

namespace wake::traffic {

// Returns false when the file cannot be written.
bool writeMarineCadastreCsv(const GeneratedTraffic& traffic, const QString& path);

// Traffic generated over the built-in reference ports and written to path;
// nullopt when the ports cannot be loaded or the file cannot be written.
std::optional<GeneratedTraffic> writeGeneratedTraffic(const TrafficOptions& options,
                                                      const QString& path);

} // namespace wake::traffic
