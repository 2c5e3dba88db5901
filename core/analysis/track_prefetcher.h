#pragma once

// Reads vessels' tracks ahead of the detectors: two threads, each with its
// own connection to the database (file or server), read every other vessel's track while
// the detectors work on the current one. Reading 10 M positions out of
// SQLite costs more than the detectors do, so one reader would leave the
// detectors waiting; with two, the two cores Wake targets stay busy. An
// in-memory database has no second connection: its tracks are read on the
// calling thread.

#include "core/model/track_point.h"
#include "core/model/vessel.h"
#include "core/store/database.h"
#include "core/util/bounded_queue.h"
#include "core/util/result.h"

#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

namespace wake::analysis {

class TrackPrefetcher
{
public:
    // The tracks of `vessels`, in that order, between the times given.
    TrackPrefetcher(store::Database& db, std::vector<model::VesselId> vessels,
                    std::int64_t fromUtcMs, std::int64_t toUtcMs);
    ~TrackPrefetcher(); // stops and joins the reading thread

    TrackPrefetcher(const TrackPrefetcher&) = delete;
    TrackPrefetcher& operator=(const TrackPrefetcher&) = delete;

    // The next vessel's track; call once per vessel given.
    Result<std::vector<model::TrackPoint>> next();

private:
    static constexpr std::size_t kReaders = 2;
    using Queue = BoundedQueue<Result<std::vector<model::TrackPoint>>>;
    // Reader r reads vessels r, r + kReaders, ... into its own queue.
    void readEvery(store::Database db, std::size_t first, Queue& queue);

    store::Database& m_db;
    std::vector<model::VesselId> m_vessels;
    std::int64_t m_from;
    std::int64_t m_to;
    std::size_t m_next = 0;
    std::vector<std::unique_ptr<Queue>> m_queues;
    std::vector<std::thread> m_threads;
};

} // namespace wake::analysis
