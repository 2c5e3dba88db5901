#include "core/scenario/scenario_installer.h"

#include "core/geo/sea_route.h"
#include "core/scenario/passage_reconstruction.h"
#include "core/scenario/shipped_passages.h"

namespace wake::scenario {

namespace {

QString metaKey(const Scenario& s)
{
    return QStringLiteral("scenario:") + s.id;
}

} // namespace

Result<InstallResult> installScenario(store::Database& db, const Scenario& scenario)
{
    auto current = db.meta(metaKey(scenario));
    if (!current) {
        return current.error();
    }
    InstallResult result;
    if (current->has_value() && **current == scenarioInstallKey(scenario)) {
        auto vesselId = scenario.vessel.imo ? db.findVesselByImo(*scenario.vessel.imo)
                                            : Result<std::optional<model::VesselId>>(std::nullopt);
        if (vesselId && vesselId->has_value()) {
            result.vesselId = **vesselId;
            return result;
        }
    }

    // The shipped reconstruction when it was made for this file, else the
    // router (seconds): before the transaction, as it reads only the basemap.
    auto shipped = shippedPassages(scenario, 0);
    std::optional<geo::SeaRouter> router;
    if (!shipped) {
        auto built = geo::SeaRouter::builtIn();
        if (!built) {
            return built.error();
        }
        router.emplace(std::move(built).value());
    }

    Status s = db.inTransaction([&]() -> Status {
        if (Status st = db.upsertSources(scenario.sources); !st) {
            return st;
        }
        auto vesselId = db.upsertVessel(scenario.vessel);
        if (!vesselId) {
            return vesselId.error();
        }
        result.vesselId = *vesselId;
        if (Status st = db.replaceVesselFacts(*vesselId, scenario.vessel.facts); !st) {
            return st;
        }
        if (Status st = db.replaceIdentityHistory(*vesselId, scenario.vessel.history); !st) {
            return st;
        }
        for (const model::Port& port : scenario.ports) {
            if (auto id = db.upsertPort(port); !id) {
                return id.error();
            }
        }
        for (model::Voyage voyage : scenario.voyages) {
            voyage.vesselId = *vesselId;
            if (auto id = db.upsertVoyage(voyage); !id) {
                return id.error();
            }
        }
        // Replace what an earlier version of this scenario added.
        auto del = db.connection().prepare(
            QStringLiteral("DELETE FROM events WHERE vessel_id = ? AND origin = ?"));
        if (!del) {
            return del.error();
        }
        del->bind(1, *vesselId);
        del->bind(2, QStringLiteral("scenario:") + scenario.id);
        if (Status done = del->run(); !done) {
            return done;
        }
        auto delTrack = db.connection().prepare(QStringLiteral(
            "DELETE FROM track_points WHERE vessel_id = ? AND provenance IN (?, ?)"));
        if (!delTrack) {
            return delTrack.error();
        }
        delTrack->bind(1, *vesselId);
        delTrack->bind(2, static_cast<int>(model::Provenance::Reported));
        delTrack->bind(3, static_cast<int>(model::Provenance::Reconstructed));
        if (Status done = delTrack->run(); !done) {
            return done;
        }
        for (model::Event e : scenario.events) {
            e.vesselId = *vesselId;
            if (auto id = db.insertEvent(e); !id) {
                return id.error();
            }
        }
        const auto points = reportedTrackPoints(scenario, *vesselId);
        if (auto n = db.appendTrackPoints(points); !n) {
            return n.error();
        }
        std::vector<model::TrackPoint> passages =
            router ? reconstructPassages(points, *router) : *shipped;
        for (model::TrackPoint& p : passages) {
            p.vesselId = *vesselId;
        }
        if (auto n = db.appendTrackPoints(passages); !n) {
            return n.error();
        }
        return db.setMeta(metaKey(scenario), scenarioInstallKey(scenario));
    });
    if (!s) {
        return s.error();
    }
    result.installed = true;
    return result;
}

Result<store::Database> openWithBuiltInScenario(const QString& path)
{
    auto db = store::Database::open(path);
    if (!db) {
        return db.error();
    }
    auto sc = loadBuiltInScenario();
    if (!sc) {
        return sc.error();
    }
    if (auto r = installScenario(*db, *sc); !r) {
        return r.error();
    }
    return std::move(db).value();
}

Result<store::Database> openKeepingScenario(const QString& path)
{
    auto db = store::Database::open(path);
    if (!db) {
        return db.error();
    }
    auto sc = loadBuiltInScenario();
    if (!sc) {
        return sc.error();
    }
    auto installed = db->meta(metaKey(*sc));
    if (!installed) {
        return installed.error();
    }
    if (installed->has_value()) {
        if (auto r = installScenario(*db, *sc); !r) {
            return r.error();
        }
    }
    return std::move(db).value();
}

} // namespace wake::scenario
