#include "tests/support/marine_cadastre_csv.h"

#include <QDateTime>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace wake::traffic {

bool writeMarineCadastreCsv(const GeneratedTraffic& traffic, const QString& path)
{
    struct Row
    {
        std::int64_t t;
        std::uint32_t vessel;
        std::uint32_t index;
    };
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(traffic.pointCount()));
    for (std::size_t v = 0; v < traffic.vessels.size(); ++v) {
        const auto& track = traffic.vessels[v].track;
        for (std::size_t i = 0; i < track.size(); ++i) {
            rows.push_back(
                {track[i].timeUtcMs, static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(i)});
        }
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.t != b.t ? a.t < b.t : a.vessel < b.vessel;
    });
    std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(path.toLocal8Bit().constData(), "wb"),
                                              &std::fclose);
    if (!out) {
        return false;
    }
    std::fputs("MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,"
               "Status,Length,Width,Draft,Cargo,TransceiverClass\n",
               out.get());
    std::vector<std::string> names;
    for (const auto& v : traffic.vessels) {
        names.push_back(v.name.toStdString());
    }
    std::vector<const IdentityUpdate*> updates;
    for (const auto& u : traffic.identityUpdates) {
        updates.push_back(&u);
    }
    std::sort(updates.begin(), updates.end(),
              [](const auto* a, const auto* b) { return a->timeUtcMs < b->timeUtcMs; });
    std::size_t nextUpdate = 0;
    char time[32];
    for (const Row& r : rows) {
        while (nextUpdate < updates.size() && updates[nextUpdate]->timeUtcMs <= r.t) {
            names[updates[nextUpdate]->vessel] = updates[nextUpdate]->newName.toStdString();
            ++nextUpdate;
        }
        const model::TrackPoint& p = traffic.vessels[r.vessel].track[r.index];
        const std::time_t secs = static_cast<std::time_t>(p.timeUtcMs / 1000);
        std::tm tm{};
        gmtime_r(&secs, &tm);
        std::strftime(time, sizeof time, "%Y-%m-%dT%H:%M:%S", &tm);
        std::fprintf(out.get(), "%u,%s,%.6f,%.6f,%.1f,%.1f,511,%s,,,70,%s,180,30,9.5,,A\n",
                     traffic.vessels[r.vessel].mmsi, time, p.latDeg, p.lonDeg,
                     static_cast<double>(p.sogKnots.value_or(0.0F)),
                     static_cast<double>(p.cogDeg.value_or(0.0F)), names[r.vessel].c_str(),
                     p.navStatus == 5 ? "moored" : "under way using engine");
    }
    return std::ferror(out.get()) == 0;
}

std::optional<GeneratedTraffic> writeGeneratedTraffic(const TrafficOptions& options,
                                                      const QString& path)
{
    auto ports = reference::PortIndex::loadBuiltIn();
    if (!ports) {
        return std::nullopt;
    }
    GeneratedTraffic traffic = generateTraffic(*ports, options);
    if (!writeMarineCadastreCsv(traffic, path)) {
        return std::nullopt;
    }
    return traffic;
}

} // namespace wake::traffic
