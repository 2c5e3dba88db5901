#include "core/export/track_export.h"

#include "core/store/database.h"

#include <QDateTime>
#include <QFile>
#include <QSaveFile>

#include <algorithm>

namespace wake::exporting {

QString isoUtc(std::int64_t utcMs)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    return t.toString(utcMs % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

bool eventHasClockTime(const model::Event& event)
{
    return event.time.precision >= model::TimePrecision::Minute;
}

QString eventTime(const model::Event& event)
{
    if (eventHasClockTime(event)) {
        return isoUtc(event.time.startUtcMs);
    }
    const QDate day = QDateTime::fromMSecsSinceEpoch(event.time.startUtcMs, Qt::UTC).date();
    switch (event.time.precision) {
    case model::TimePrecision::Year:
        return day.toString(QStringLiteral("yyyy"));
    case model::TimePrecision::Month:
        return day.toString(QStringLiteral("yyyy-MM"));
    default:
        return day.toString(Qt::ISODate);
    }
}

std::vector<model::Event> gapEvents(const std::vector<model::Event>& events)
{
    std::vector<model::Event> out;
    for (const model::Event& e : events) {
        if (e.kind == model::EventKind::AisGap || e.kind == model::EventKind::AisOff) {
            out.push_back(e);
        }
    }
    return out;
}

Result<TrackExport> loadTrackExport(store::Database& db, const ExportRequest& request)
{
    auto vessel = db.vessel(request.vesselId);
    if (!vessel) {
        return vessel.error();
    }
    if (!vessel->has_value()) {
        return Error{
            Error::Code::NotFound,
            QStringLiteral("there is no vessel %1 in this database (wake vessels lists them)")
                .arg(request.vesselId),
            {}};
    }
    auto points = db.track(request.vesselId, request.fromUtcMs, request.toUtcMs);
    if (!points) {
        return points.error();
    }
    store::EventFilter filter = store::EventFilter::forVessel(request.vesselId);
    filter.fromUtcMs = request.fromUtcMs;
    filter.toUtcMs = request.toUtcMs;
    auto events = db.events(filter);
    if (!events) {
        return events.error();
    }
    TrackExport out;
    out.vessel = std::move(**vessel);
    out.points = std::move(*points);
    // A position jump is a bad fix, not where the ship was: it stays out of
    // the line (its event, with the fix, is exported as an event).
    std::vector<std::int64_t> jumps;
    for (const model::Event& e : *events) {
        if (e.kind == model::EventKind::PositionJump && e.vesselId == request.vesselId) {
            jumps.push_back(e.time.startUtcMs);
        }
    }
    std::sort(jumps.begin(), jumps.end());
    std::erase_if(out.points, [&](const model::TrackPoint& p) {
        return std::binary_search(jumps.begin(), jumps.end(), p.timeUtcMs);
    });
    // Encounters list this vessel as the other one too; keep those, they are about it.
    out.events = std::move(*events);
    return out;
}

QByteArray render(const TrackExport& data, ExportFormat format)
{
    switch (format) {
    case ExportFormat::Gpx:
        return toGpx(data);
    case ExportFormat::Kml:
        return toKml(data);
    case ExportFormat::GeoJson:
        return toGeoJson(data);
    case ExportFormat::Csv:
        return toMarineCadastreCsv(data);
    }
    return {};
}

namespace {

// An export never replaces a database: the open store given as --out (by
// its own name, another path or a link all read the same bytes) or any other
// SQLite file, its write-ahead log or its journal. The file's first bytes
// tell, whatever its name.
bool isDatabaseFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray head = file.read(16);
    static const QByteArray sqlite("SQLite format 3\0", 16);
    static const QByteArray walBigEndian("\x37\x7f\x06\x82", 4);
    static const QByteArray walBigEndianChecksum("\x37\x7f\x06\x83", 4);
    return head == sqlite || head.startsWith(walBigEndian) || head.startsWith(walBigEndianChecksum);
}

bool isBesideADatabase(const QString& path)
{
    for (const auto* suffix : {"-wal", "-shm", "-journal"}) {
        const QLatin1String tail(suffix);
        if (path.endsWith(tail) && isDatabaseFile(path.chopped(tail.size()))) {
            return true;
        }
    }
    return false;
}

} // namespace

Status writeExport(const TrackExport& data, ExportFormat format, const QString& path)
{
    if (isDatabaseFile(path) || isBesideADatabase(path)) {
        return Error{Error::Code::InvalidArgument,
                     QStringLiteral("is a database, not an export: nothing was written (choose "
                                    "another file)"),
                     path};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{Error::Code::Io,
                     QStringLiteral("cannot write the export: %1").arg(file.errorString()), path};
    }
    const QByteArray bytes = render(data, format);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        return Error{Error::Code::Io,
                     QStringLiteral("cannot write the export: %1").arg(file.errorString()), path};
    }
    return {};
}

} // namespace wake::exporting
