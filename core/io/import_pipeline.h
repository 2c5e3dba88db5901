#pragma once

// The two threads of an import: one reads and parses the file (NMEA or CSV)
// into chunks, the calling thread writes them to the store. The machine Wake
// targets has two cores, and parsing and SQLite's inserts each take about
// half of an import, so overlapping them nearly halves the time. Chunks pass
// through a queue of bounded size, so memory stays constant however large
// the file.

#include "core/ais/messages.h"
#include "core/io/ais_import.h"
#include "core/io/track_sink.h"
#include "core/model/track_point.h"
#include "core/util/bounded_queue.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace wake::io {

struct IdentityEvent
{
    std::uint32_t mmsi = 0;
    std::optional<std::int64_t> timeUtcMs;
    ais::VesselIdentity identity;
    std::optional<QString> vesselType; // a CSV's free-text type
};

// Positions with their MMSI in place of the vessel id (the store's ids are
// looked up by the writing thread), and the identities read along the way.
struct ImportChunk
{
    std::vector<model::TrackPoint> points;
    std::vector<IdentityEvent> identities;
    std::int64_t positionsRead = 0;
    std::int64_t positionsWithoutTime = 0;
    std::int64_t lines = 0;
    std::int64_t bytesRead = 0;
    bool last = false;
};

// The writer sorts and stores a whole batch (ImportOptions::batchRows) at
// once, which takes seconds: the queue holds about a batch of chunks, so the
// reading thread goes on meanwhile (20 chunks of 100,000 positions: about
// 100 MB).
using ChunkQueue = BoundedQueue<ImportChunk>;
inline constexpr std::size_t kQueuedChunks = 20;
// Positions per chunk; the writer commits in larger batches (ImportOptions::batchRows).
inline constexpr std::size_t kChunkRows = 100000;
// A chunk also ends after this many lines, so progress and Ctrl-C keep
// working in files that hold few positions.
inline constexpr std::int64_t kLinesPerChunk = 1 << 18;

// Writes the queue's chunks into the sink until the last chunk, a failure, or
// a stop asked by progress (then summary.cancelled is set). Stops the queue
// before it returns, so the reading thread can end.
Status writeChunks(ChunkQueue& queue, TrackSink& sink, ImportSummary& summary,
                   std::int64_t totalBytes, const ProgressCallback& progress);

} // namespace wake::io
