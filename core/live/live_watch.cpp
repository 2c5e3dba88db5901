#include "core/live/live_watch.h"

#include <QDateTime>

#include <cstdlib>

namespace wake::live {

namespace {

model::Vessel vesselOf(std::uint32_t mmsi, const ais::VesselIdentity& identity)
{
    model::Vessel v;
    v.mmsi = mmsi;
    v.imo = identity.imo;
    if (identity.name) {
        v.name = QString::fromStdString(*identity.name);
    }
    if (identity.callSign) {
        v.callSign = QString::fromStdString(*identity.callSign);
    }
    v.aisShipType = identity.shipType;
    v.lengthM = identity.lengthM;
    v.beamM = identity.beamM;
    return v;
}

} // namespace

LiveWatch::LiveWatch(store::Database& db, LiveSession& session, watch::WatchRules rules,
                     lists::ListMatcher matcher, QObject* parent)
    : QObject(parent), m_db(db), m_session(session), m_matcher(std::move(matcher)),
      m_engine(std::make_unique<watch::WatchEngine>(std::move(rules), &m_matcher,
                                                    watch::MeetingPlaces::builtIn()))
{
    m_session.setObserver([this](const HeardMessage& m) { heard(m); });
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this,
            [this] { tick(QDateTime::currentMSecsSinceEpoch()); });
    m_timer.start();
}

LiveWatch::~LiveWatch()
{
    m_session.setObserver({});
}

void LiveWatch::heard(const HeardMessage& m)
{
    if (m.identity != nullptr) {
        // What the static data says, merged over what was known.
        raise(m_engine->identity(m.mmsi, m.timeUtcMs, vesselOf(m.mmsi, *m.identity)));
        return;
    }
    if (m.safety != nullptr) {
        const auto text = m.safety->text.view();
        raise(m_engine->safetyText(
            m.mmsi, m.timeUtcMs,
            QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()))));
        return;
    }
    if (m.fix == nullptr) {
        return;
    }
    watch::PositionReport r;
    r.timeUtcMs = m.timeUtcMs;
    r.mmsi = m.mmsi;
    r.vesselId = m.vesselId;
    r.latDeg = m.fix->latDeg;
    r.lonDeg = m.fix->lonDeg;
    r.sogKnots = m.fix->sogKnots;
    r.cogDeg = m.fix->cogDeg;
    r.navStatus = m.fix->navStatus;
    r.ownShip = m.ownShip;
    raise(m_engine->report(r));
}

void LiveWatch::tick(std::int64_t wallUtcMs)
{
    if (m_engine->now() > 0 && std::llabs(wallUtcMs - m_engine->now()) < kLiveWithinMs) {
        raise(m_engine->advanceTo(wallUtcMs));
    }
}

void LiveWatch::raise(std::vector<watch::Alert> alerts)
{
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    for (watch::Alert& a : alerts) {
        auto snoozed = m_db.isSnoozed(a.mmsi, a.rule, now);
        a.snoozed = snoozed && *snoozed && !a.isDistress(); // distress is never silenced
        auto id = m_db.storeAlert(a);
        if (id) {
            a.id = *id;
        } else {
            Q_EMIT storeFailed(id.error().toString());
        }
        ++m_raised;
        Q_EMIT alertRaised(a);
    }
}

} // namespace wake::live
