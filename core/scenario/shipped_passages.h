#pragma once

// The passage reconstruction of the built-in scenario, shipped with it.
// Routing the scenario's passages over the detailed coast takes seconds
// (geo::SeaRouter); every new store needs them, so the result is computed
// once, by the developer, and shipped as resources/scenario/<id>.passages.csv.
// The file names the scenario file's hash and the reconstruction version it
// was made for: a file made for anything else is not used (the installer
// routes instead), and a test routes again and compares, so the shipped file
// is always what the router gives.

#include "core/model/track_point.h"
#include "core/scenario/scenario.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <span>
#include <vector>

namespace wake::scenario {

// What a stored install and a shipped reconstruction are keyed on: the
// scenario file, and the version of the passage reconstruction, so a better
// router replaces the old routes.
QString scenarioInstallKey(const Scenario& scenario);

// The resource path of a scenario's shipped reconstruction.
QString shippedPassagesPath(const Scenario& scenario);

// The shipped reconstruction for vesselId, when one was made for this
// scenario file and reconstruction version; nullopt otherwise (or when it
// cannot be read).
std::optional<std::vector<model::TrackPoint>> shippedPassages(const Scenario& scenario,
                                                              model::VesselId vesselId);

// The file shippedPassages reads: a key line, then time (ms), latitude and
// longitude per point, written so that every double reads back exactly.
QByteArray passagesFile(const Scenario& scenario, std::span<const model::TrackPoint> points);

// Parses passagesFile's text; nullopt when the key differs or a line is bad.
std::optional<std::vector<model::TrackPoint>>
parsePassagesFile(const QByteArray& text, const QString& expectedKey, model::VesselId vesselId);

} // namespace wake::scenario
