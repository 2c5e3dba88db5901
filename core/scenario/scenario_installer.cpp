#include "scenario/scenario_installer.h"

#include "geo/sea_route.h"
#include "scenario/passage_reconstruction.h"

namespace wake::scenario {

namespace {

QString metaKey(const Scenario& s)
{
    return QStringLiteral("scenario:") + s.id;
}

// What the stored install is keyed on: the scenario file, and the version of
// the passage reconstruction, so a better router replaces the old routes.
constexpr const char* kReconstructionVersion = "passages-2";

QString installKey(const Scenario& s)
{
    return QString::fromLatin1(s.contentHash) + QLatin1Char('+') +
           QLatin1String(kReconstructionVersion);
}

} // namespace

Result<InstallResult> installScenario(store::Database& db, const Scenario& scenario)
{
    auto current = db.meta(metaKey(scenario));
    if (!current) {
        return current.error();
    }
    InstallResult result;
    if (current->has_value() && **current == installKey(scenario)) {
        auto vesselId = scenario.vessel.imo ? db.findVesselByImo(*scenario.vessel.imo)
                                            : Result<std::optional<model::VesselId>>(std::nullopt);
        if (vesselId && vesselId->has_value()) {
            result.vesselId = **vesselId;
            return result;
        }
    }

    // Routing runs before the transaction: it reads only the built-in basemap.
    auto router = geo::SeaRouter::builtIn();
    if (!router) {
        return router.error();
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
        if (del->step() != store::Statement::Step::Done) {
            return del->lastError();
        }
        auto delTrack = db.connection().prepare(QStringLiteral(
            "DELETE FROM track_points WHERE vessel_id = ? AND provenance IN (?, ?)"));
        if (!delTrack) {
            return delTrack.error();
        }
        delTrack->bind(1, *vesselId);
        delTrack->bind(2, static_cast<int>(model::Provenance::Reported));
        delTrack->bind(3, static_cast<int>(model::Provenance::Reconstructed));
        if (delTrack->step() != store::Statement::Step::Done) {
            return delTrack->lastError();
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
        if (auto n = db.appendTrackPoints(reconstructPassages(points, *router)); !n) {
            return n.error();
        }
        return db.setMeta(metaKey(scenario), installKey(scenario));
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

} // namespace wake::scenario
