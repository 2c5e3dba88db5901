#include "tests/bench/fleet_fixture.h"

#include "core/geo/geodesy.h"
#include "core/geo/web_mercator.h"
#include "core/reference/port_index.h"
#include "core/store/database.h"
#include "ui/map/map_style.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>
#include <limits>
#include <random>

namespace wake::bench {

namespace {

QString fleetPath()
{
    const QString env = qEnvironmentVariable("WAKE_BENCH_FLEET_DB");
    if (!env.isEmpty()) {
        return env;
    }
    return QDir(QCoreApplication::applicationDirPath())
        .filePath(QStringLiteral("fleet-10m.sqlite"));
}

// Each vessel sails the great circle between two random ports over 10,000
// minutes with a little positional noise, as AIS fixes have: long legs over
// oceans, some across the antimeridian, some through the Caribbean.
void buildFleet(store::Database& db)
{
    const auto ports = reference::PortIndex::loadBuiltIn();
    if (!ports || ports->ports().empty()) {
        std::fprintf(stderr, "cannot load the port index\n");
        std::abort();
    }
    const auto& all = ports->ports();
    std::mt19937 rng(2013);
    std::uniform_int_distribution<std::size_t> pickPort(0, all.size() - 1);
    std::normal_distribution<double> noiseDeg(0.0, 0.0003);
    std::uniform_int_distribution<int> startOffsetMin(0, 600);
    constexpr int kShipTypes[] = {70, 71, 79, 80, 84, 60, 69, 30, 52, 36, 90};
    std::uniform_int_distribution<std::size_t> pickType(0, std::size(kShipTypes) - 1);
    std::vector<model::TrackPoint> points;
    points.reserve(kFleetPointsPerVessel);
    for (int v = 0; v < kFleetVessels; ++v) {
        model::Vessel vessel;
        vessel.mmsi = 200'000'000u + static_cast<std::uint32_t>(v);
        vessel.name = QStringLiteral("BENCH %1").arg(v, 4, 10, QLatin1Char('0'));
        vessel.aisShipType = kShipTypes[pickType(rng)];
        const auto id = db.upsertVessel(vessel);
        if (!id) {
            std::fprintf(stderr, "%s\n", qPrintable(id.error().toString()));
            std::abort();
        }
        // In the Caribbean for a fifth of the fleet, so that view is busy too.
        const model::LatLon from = all[pickPort(rng)].position;
        model::LatLon to = all[pickPort(rng)].position;
        if (v % 5 == 0) {
            to = {15.0 + (v % 7), -80.0 + (v % 11)};
        }
        points.clear();
        const std::int64_t start = kFleetStartUtcMs + startOffsetMin(rng) * kFleetStepMs;
        for (int i = 0; i < kFleetPointsPerVessel; ++i) {
            const auto at = geo::interpolateGreatCircle(
                from, to, static_cast<double>(i) / (kFleetPointsPerVessel - 1));
            model::TrackPoint p;
            p.vesselId = *id;
            p.timeUtcMs = start + i * kFleetStepMs;
            p.latDeg = std::clamp(at.latDeg + noiseDeg(rng), -85.0, 85.0);
            p.lonDeg = geo::wrapLongitude(at.lonDeg + noiseDeg(rng));
            p.sogKnots = 12.0f;
            points.push_back(p);
        }
        if (auto stored = db.insertTrackPoints(points); !stored) {
            std::fprintf(stderr, "%s\n", qPrintable(stored.error().toString()));
            std::abort();
        }
    }
}

} // namespace

Fleet loadFleet()
{
    const QString path = fleetPath();
    const std::int64_t expected = std::int64_t{kFleetVessels} * kFleetPointsPerVessel;
    bool ready = false;
    if (auto probe = store::Database::open(path)) {
        const auto count = probe->trackPointCount();
        ready = count && *count == expected;
    }
    if (!ready) {
        std::fprintf(stderr, "building the benchmark fleet in %s (once)...\n", qPrintable(path));
        QFile::remove(path);
        auto fresh = store::Database::open(path);
        if (!fresh) {
            std::fprintf(stderr, "%s\n", qPrintable(fresh.error().toString()));
            std::abort();
        }
        buildFleet(*fresh);
    }
    auto db = store::Database::open(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        std::abort();
    }
    Fleet fleet;
    QElapsedTimer timer;
    timer.start();
    const auto vessels = db->listVessels();
    for (const model::Vessel& v : vessels.value()) {
        ui::MapTrack track;
        track.vesselId = v.id;
        track.name = v.name.value_or(QString());
        track.aisShipType = v.aisShipType;
        track.color = ui::style::kTrack;
        track.points = db->track(v.id, std::numeric_limits<std::int64_t>::min(),
                                 std::numeric_limits<std::int64_t>::max())
                           .value();
        fleet.scene.tracks.push_back(std::move(track));
    }
    fleet.loadSeconds = timer.nsecsElapsed() / 1e9;
    fleet.scene.focusTrack = 0;
    fleet.replayTimeUtcMs = kFleetStartUtcMs + kFleetPointsPerVessel / 2 * kFleetStepMs;
    return fleet;
}

} // namespace wake::bench
