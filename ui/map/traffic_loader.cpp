#include "ui/map/traffic_loader.h"

#include "ui/map/traffic_worker.h"

namespace wake::ui {

TrafficLoader::TrafficLoader(QString databasePath, QObject* parent) : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const std::vector<TrafficTarget>>>();
    m_worker = new TrafficWorker(std::move(databasePath));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TrafficWorker::loaded, this, &TrafficLoader::loaded);
    m_thread.setObjectName(QStringLiteral("wake-traffic"));
    m_thread.start();
}

TrafficLoader::~TrafficLoader()
{
    m_thread.quit();
    m_thread.wait();
}

void TrafficLoader::request(std::int64_t timeUtcMs, std::int64_t maxAgeMs)
{
    m_worker->latestTime = timeUtcMs;
    m_worker->latestMaxAge = maxAgeMs;
    QMetaObject::invokeMethod(m_worker, &TrafficWorker::load, Qt::QueuedConnection);
}

void TrafficLoader::vesselsChanged()
{
    m_worker->vesselsStale = true;
}

void TrafficWorker::load()
{
    const std::int64_t t = latestTime;
    if (t == m_answered) {
        return; // a queued request that a newer one already answered
    }
    if (!m_db) {
        auto db = store::Database::open(m_path);
        if (!db) {
            return;
        }
        m_db.emplace(std::move(*db));
    }
    if (vesselsStale.exchange(false)) {
        m_vessels.clear();
        if (auto vessels = m_db->listVessels()) {
            for (const model::Vessel& v : *vessels) {
                m_vessels[v.id] = {v.name.value_or(QString()), v.aisShipType, v.mmsi};
            }
        }
    }
    auto positions = m_db->positionsAt(t, latestMaxAge);
    if (!positions) {
        return;
    }
    auto traffic = std::make_shared<std::vector<TrafficTarget>>();
    traffic->reserve(positions->size());
    const std::int64_t staleAfter = latestMaxAge / 2;
    for (const model::TrackPoint& p : *positions) {
        if (p.provenance != model::Provenance::Observed) {
            continue; // reported and reconstructed places are the scene's to draw, as such
        }
        TrafficTarget out;
        out.vesselId = p.vesselId;
        out.latDeg = p.latDeg;
        out.lonDeg = p.lonDeg;
        out.courseDeg = p.headingDeg ? std::optional<double>(*p.headingDeg)
                                     : (p.cogDeg ? std::optional<double>(*p.cogDeg) : std::nullopt);
        if (const auto it = m_vessels.find(p.vesselId); it != m_vessels.end()) {
            out.name = it->second.name;
            out.aisShipType = it->second.aisShipType;
            out.mmsi = it->second.mmsi;
        }
        out.stale = t - p.timeUtcMs > staleAfter;
        traffic->push_back(std::move(out));
    }
    m_answered = t;
    Q_EMIT loaded(t, std::move(traffic));
}

} // namespace wake::ui
