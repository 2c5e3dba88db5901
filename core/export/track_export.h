#pragma once

// Exporting one vessel's track and events to files other tools read: QGIS
// and GDAL (GPX, GeoJSON, KML), Google Earth (KML), spreadsheets and AIS
// tools (CSV with MarineCadastre's columns). A point Wake did not receive
// over AIS says so in every format (its provenance: reported or
// reconstructed), so an export never passes an inferred position off as an
// observed one. Files are written whole or not at all.

#include "core/export/export_format.h"
#include "core/model/event.h"
#include "core/model/track_point.h"
#include "core/model/vessel.h"
#include "core/util/result.h"

#include <QByteArray>

#include <vector>

namespace wake::store {
class Database;
}

namespace wake::exporting {

struct TrackExport
{
    model::Vessel vessel;
    std::vector<model::TrackPoint> points; // time order
    std::vector<model::Event> events;      // the vessel's, in the time window
};

struct ExportRequest
{
    model::VesselId vesselId = 0;
    std::int64_t fromUtcMs = 0;
    std::int64_t toUtcMs = 0;
};

// The vessel, its track in [from, to] and its events that overlap it.
Result<TrackExport> loadTrackExport(store::Database& db, const ExportRequest& request);

QByteArray toGpx(const TrackExport& data);
QByteArray toKml(const TrackExport& data);
QByteArray toGeoJson(const TrackExport& data);
QByteArray toMarineCadastreCsv(const TrackExport& data);
QByteArray render(const TrackExport& data, ExportFormat format);

// Writes atomically: an existing file is replaced only once the new one is complete.
Status writeExport(const TrackExport& data, ExportFormat format, const QString& path);

// "2013-07-15T12:00:00Z", with milliseconds when there are any.
QString isoUtc(std::int64_t utcMs);
// An event's time as precisely as it is known: a date-time when the source
// gave the hour, else the date ("2013-07-15") or month as reported, never a
// midnight nobody reported.
QString eventTime(const model::Event& event);
bool eventHasClockTime(const model::Event& event);
// The AIS-gap and AIS-off events among these (where a track is cut).
std::vector<model::Event> gapEvents(const std::vector<model::Event>& events);

} // namespace wake::exporting
