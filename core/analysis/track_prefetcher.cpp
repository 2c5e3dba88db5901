#include "core/analysis/track_prefetcher.h"

namespace wake::analysis {

TrackPrefetcher::TrackPrefetcher(store::Database& db, std::vector<model::VesselId> vessels,
                                 std::int64_t fromUtcMs, std::int64_t toUtcMs)
    : m_db(db), m_vessels(std::move(vessels)), m_from(fromUtcMs), m_to(toUtcMs)
{
    if (m_db.target() == QLatin1String(":memory:") || m_vessels.size() < kReaders) {
        return;
    }
    std::vector<store::Database> connections;
    for (std::size_t r = 0; r < kReaders; ++r) {
        auto reader = store::Database::open(m_db.target());
        if (!reader) {
            return; // read on the calling thread instead
        }
        // The readers already keep the server busy side by side.
        reader->setTwoConnectionReads(false);
        connections.push_back(std::move(reader).value());
    }
    for (std::size_t r = 0; r < kReaders; ++r) {
        m_queues.push_back(std::make_unique<Queue>(4));
        m_threads.emplace_back([this, r, db = std::move(connections[r])]() mutable {
            readEvery(std::move(db), r, *m_queues[r]);
        });
    }
}

TrackPrefetcher::~TrackPrefetcher()
{
    for (auto& queue : m_queues) {
        queue->stop();
    }
    for (std::thread& t : m_threads) {
        t.join();
    }
}

void TrackPrefetcher::readEvery(store::Database db, std::size_t first, Queue& queue)
{
    for (std::size_t i = first; i < m_vessels.size(); i += kReaders) {
        if (!queue.push(db.track(m_vessels[i], m_from, m_to, store::TrackFields::Motion))) {
            return; // the consumer stopped
        }
    }
}

Result<std::vector<model::TrackPoint>> TrackPrefetcher::next()
{
    const std::size_t i = m_next++;
    if (m_threads.empty()) {
        return m_db.track(m_vessels.at(i), m_from, m_to, store::TrackFields::Motion);
    }
    return m_queues[i % kReaders]->pop();
}

} // namespace wake::analysis
