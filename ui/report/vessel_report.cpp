#include "ui/report/vessel_report.h"

#include "core/export/track_export.h"
#include "core/geo/lat_lon_box.h"
#include "core/lists/list_library.h"
#include "core/reference/core_resources.h"
#include "ui/map/map_renderer.h"
#include "ui/map/map_scene_loader.h"
#include "ui/map/map_viewport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QPainter>

#include <algorithm>
#include <limits>
#include <set>

namespace wake::ui {

namespace {

QString sha256Of(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

// The span drawn: the span's own fixes framed with sea round them, the ship
// where it was at the span's end.
QImage drawMap(store::Database& db, const model::Vessel& vessel,
               const std::vector<model::TrackPoint>& whole, std::int64_t from, std::int64_t to,
               bool spanGiven, const reference::PortIndex* ports, const lists::ListMatcher& matcher,
               QSize size)
{
    auto scene = loadMapScene(db, vessel, whole, ports, &matcher);
    if (!scene) {
        return {};
    }
    std::optional<std::pair<model::LatLon, model::LatLon>> box;
    std::optional<std::int64_t> time;
    if (spanGiven) {
        std::vector<model::LatLon> inSpan;
        for (const model::TrackPoint& p : whole) {
            if (p.timeUtcMs >= from && p.timeUtcMs <= to) {
                inSpan.push_back({p.latDeg, p.lonDeg});
                time = p.timeUtcMs;
            }
        }
        if (const auto b = geo::boundingBox(inSpan)) {
            const geo::LatLonBox padded = geo::padded(*b, 0.5);
            box = std::make_pair(padded.southWest(), padded.northEast());
        }
    } else {
        box = defaultVoyageBounds(db, vessel.id);
        if (const auto span = defaultVoyageSpan(db, vessel.id)) {
            time = span->second;
        }
    }
    MapViewport viewport({0.5, 0.5}, 0, QSizeF(size));
    if (box) {
        viewport.fit(box->first, box->second);
    }
    MapRenderer renderer;
    renderer.setScene(std::move(scene).value());
    renderer.setTime(time);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    renderer.paint(painter, viewport);
    return image;
}

} // namespace

Result<ReportData> gatherReport(store::Database& db, model::VesselId id,
                                std::optional<std::int64_t> fromUtcMs,
                                std::optional<std::int64_t> toUtcMs,
                                const reference::PortIndex* ports, QSize mapSize)
{
    auto matcher = lists::loadedMatcher(db);
    if (!matcher) {
        return matcher.error();
    }
    auto profile = investigate::buildProfile(db, id, fromUtcMs, toUtcMs, *matcher);
    if (!profile) {
        return profile.error();
    }
    ReportData r;
    r.profile = std::move(profile).value();
    r.database = db.path();
    r.generatedUtc = exporting::isoUtc(QDateTime::currentMSecsSinceEpoch());

    store::EventFilter filter = store::EventFilter::forVessel(id);
    filter.fromUtcMs = fromUtcMs;
    filter.toUtcMs = toUtcMs;
    auto events = db.events(filter);
    if (!events) {
        return events.error();
    }
    r.events = std::move(events).value();

    auto reviews = db.eventReviews();
    auto notes = db.caseNotes(id);
    if (!reviews || !notes) {
        return reviews ? notes.error() : reviews.error();
    }
    for (auto& review : *reviews) {
        r.reviews.emplace(review.eventKey, std::move(review));
    }
    r.notes = std::move(notes).value();

    std::set<QString> cited;
    for (const auto& f : r.profile.vessel.facts) {
        cited.insert(f.attribution.sourceIds.begin(), f.attribution.sourceIds.end());
    }
    for (const auto& h : r.profile.vessel.history) {
        cited.insert(h.sourceIds.begin(), h.sourceIds.end());
    }
    for (const auto& e : r.events) {
        cited.insert(e.attribution.sourceIds.begin(), e.attribution.sourceIds.end());
        if (e.rulesId && !r.rules.count(*e.rulesId)) {
            auto rules = db.analysisRules(*e.rulesId);
            if (!rules) {
                return rules.error();
            }
            r.rules[*e.rulesId] = rules->value_or(QString());
        }
    }
    std::vector<QString> ids(cited.begin(), cited.end());
    std::sort(ids.begin(), ids.end(), [](const QString& a, const QString& b) {
        return a.mid(1).toInt() != b.mid(1).toInt() ? a.mid(1).toInt() < b.mid(1).toInt() : a < b;
    });
    auto sources = db.sources(ids);
    if (!sources) {
        return sources.error();
    }
    r.sources = std::move(sources).value();

    auto whole = db.track(id, std::numeric_limits<std::int64_t>::min(),
                          std::numeric_limits<std::int64_t>::max());
    if (!whole) {
        return whole.error();
    }
    r.map = drawMap(db, r.profile.vessel, *whole, r.profile.fromUtcMs, r.profile.toUtcMs,
                    fromUtcMs || toUtcMs, ports, *matcher, mapSize);

    for (const lists::WatchList& l : matcher->lists()) {
        r.data.push_back({l.title(), l.origin, l.sha256});
    }
    const bool fromScenario = std::any_of(r.events.begin(), r.events.end(), [](const auto& e) {
        return e.origin.startsWith(QLatin1String("scenario:"));
    });
    if (fromScenario) {
        const QString scenario =
            reference::corePath(QStringLiteral("scenario/chong-chon-gang.wake.json"));
        r.data.push_back({QStringLiteral("The Chong Chon Gang scenario (sourced fact sheet)"),
                          QStringLiteral("built in"), sha256Of(scenario)});
    }
    return r;
}

} // namespace wake::ui
