// CSV with MarineCadastre's columns (as `wake import` and AIS tools read
// them), and a Provenance column last: a reported or reconstructed row is not
// an AIS message, and `wake import` skips such rows (and counts them) rather
// than store them as received. Unknown values stay empty, never invented:
// the scenario ship's MMSI column is empty.

#include "core/export/track_export.h"
#include "core/export/track_parts.h"
#include "core/io/csv_cell.h"

#include <QDateTime>

namespace wake::exporting {

namespace {

QByteArray quoted(const QString& text)
{
    return io::csvCell(text);
}

template <typename T>
QByteArray optionalNumber(const std::optional<T>& v, int decimals)
{
    return v ? QByteArray::number(static_cast<double>(*v), 'f', decimals) : QByteArray();
}

} // namespace

QByteArray toMarineCadastreCsv(const TrackExport& data)
{
    const model::Vessel& v = data.vessel;
    QByteArray out = "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,"
                     "VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass,Provenance\n";
    // The vessel's columns are the same on every row.
    QByteArray vesselColumns = quoted(v.name.value_or(QString())) + ',' +
                               (v.imo ? "IMO" + QByteArray::number(*v.imo) : QByteArray()) + ',' +
                               quoted(v.callSign.value_or(QString())) + ',' +
                               (v.aisShipType ? QByteArray::number(*v.aisShipType) : QByteArray());
    const QByteArray mmsi = v.mmsi ? QByteArray::number(*v.mmsi) : QByteArray();
    const QByteArray dimensions = optionalNumber(v.lengthM, 0) + ',' + optionalNumber(v.beamM, 0) +
                                  ',' + optionalNumber(v.draughtM, 1);
    for (const model::TrackPoint& p : data.points) {
        const QByteArray time = QDateTime::fromMSecsSinceEpoch(p.timeUtcMs, Qt::UTC)
                                    .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                                    .toLatin1();
        out += mmsi + ',' + time + ',' + QByteArray::number(p.latDeg, 'f', 7) + ',' +
               QByteArray::number(normalisedLongitude(p.lonDeg), 'f', 7) + ',' +
               optionalNumber(p.sogKnots, 1) + ',' + optionalNumber(p.cogDeg, 1) + ',' +
               (p.headingDeg ? QByteArray::number(*p.headingDeg) : QByteArray("511")) + ',' +
               vesselColumns + ',' +
               (p.navStatus ? QByteArray::number(*p.navStatus) : QByteArray()) + ',' + dimensions +
               ",,," + model::toString(p.provenance) + '\n';
    }
    return out;
}

} // namespace wake::exporting
