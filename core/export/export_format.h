#pragma once

// The formats a track can be exported to, by name or by file extension.

#include "core/util/result.h"

#include <QString>

#include <optional>

namespace wake::exporting {

enum class ExportFormat
{
    Gpx,     // GPX 1.1: a track, a segment per part, events as waypoints
    Kml,     // KML 2.2 with gx:Track (Google Earth), events as placemarks
    GeoJson, // RFC 7946: the track with coordinateProperties.times, events as points
    Csv,     // MarineCadastre's columns, plus Provenance
};

// "gpx", "kml", "geojson" (or "json"), "csv"; case does not matter.
Result<ExportFormat> exportFormatFromName(const QString& name);
// From the file name's extension (.gpx .kml .geojson .json .csv).
std::optional<ExportFormat> exportFormatFromPath(const QString& path);
QString extensionOf(ExportFormat format);
// For file dialogs: "GPX 1.1 (*.gpx)" ...
QString fileFilterOf(ExportFormat format);

} // namespace wake::exporting
