#include "core/scenario/shipped_passages.h"

#include "core/reference/core_resources.h"

#include <QFile>
#include <QList>

#include <cmath>

namespace wake::scenario {

namespace {

// Bumped whenever the reconstruction changes what it returns.
constexpr const char* kReconstructionVersion = "passages-3"; // from quay to quay
constexpr const char* kKeyPrefix = "# wake passages for ";

} // namespace

QString scenarioInstallKey(const Scenario& scenario)
{
    return QString::fromLatin1(scenario.contentHash) + QLatin1Char('+') +
           QLatin1String(kReconstructionVersion);
}

QString shippedPassagesPath(const Scenario& scenario)
{
    return reference::corePath(QStringLiteral("scenario/%1.passages.csv").arg(scenario.id));
}

QByteArray passagesFile(const Scenario& scenario, std::span<const model::TrackPoint> points)
{
    QByteArray out = kKeyPrefix + scenarioInstallKey(scenario).toLatin1() + '\n';
    out += "time_utc_ms,lat_deg,lon_deg\n";
    for (const model::TrackPoint& p : points) {
        // 17 significant digits: every double reads back as itself.
        out += QByteArray::number(static_cast<qlonglong>(p.timeUtcMs)) + ',' +
               QByteArray::number(p.latDeg, 'g', 17) + ',' + QByteArray::number(p.lonDeg, 'g', 17) +
               '\n';
    }
    return out;
}

std::optional<std::vector<model::TrackPoint>>
parsePassagesFile(const QByteArray& text, const QString& expectedKey, model::VesselId vesselId)
{
    const QList<QByteArray> lines = text.split('\n');
    if (lines.size() < 2 || lines[0] != kKeyPrefix + expectedKey.toLatin1()) {
        return std::nullopt;
    }
    std::vector<model::TrackPoint> points;
    for (qsizetype i = 2; i < lines.size(); ++i) {
        if (lines[i].isEmpty()) {
            continue;
        }
        const QList<QByteArray> f = lines[i].split(',');
        bool okT = false;
        bool okLat = false;
        bool okLon = false;
        model::TrackPoint p;
        p.vesselId = vesselId;
        if (f.size() == 3) {
            p.timeUtcMs = f[0].toLongLong(&okT);
            p.latDeg = f[1].toDouble(&okLat);
            p.lonDeg = f[2].toDouble(&okLon);
        }
        if (!okT || !okLat || !okLon || std::abs(p.latDeg) > 90.0 || std::abs(p.lonDeg) > 180.0 ||
            (!points.empty() && p.timeUtcMs <= points.back().timeUtcMs)) {
            return std::nullopt;
        }
        p.provenance = model::Provenance::Reconstructed;
        points.push_back(p);
    }
    return points;
}

std::optional<std::vector<model::TrackPoint>> shippedPassages(const Scenario& scenario,
                                                              model::VesselId vesselId)
{
    QFile file(shippedPassagesPath(scenario));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return parsePassagesFile(file.readAll(), scenarioInstallKey(scenario), vesselId);
}

} // namespace wake::scenario
