#include "scenario/scenario_installer.h"

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
    if (current->has_value() && **current == QString::fromLatin1(scenario.contentHash)) {
        auto vesselId = scenario.vessel.imo ? db.findVesselByImo(*scenario.vessel.imo)
                                            : Result<std::optional<model::VesselId>>(std::nullopt);
        if (vesselId && vesselId->has_value()) {
            result.vesselId = **vesselId;
            return result;
        }
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
        auto delTrack = db.connection().prepare(
            QStringLiteral("DELETE FROM track_points WHERE vessel_id = ? AND provenance = ?"));
        if (!delTrack) {
            return delTrack.error();
        }
        delTrack->bind(1, *vesselId);
        delTrack->bind(2, static_cast<int>(model::Provenance::Reported));
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
        return db.setMeta(metaKey(scenario), QString::fromLatin1(scenario.contentHash));
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
