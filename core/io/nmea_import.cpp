#include "io/nmea_import.h"

#include "ais/nmea_decoder.h"
#include "util/bounded_queue.h"

#include <atomic>
#include <cmath>
#include <thread>

namespace wake::io {

namespace {

constexpr std::int64_t kLinesPerChunk = 1 << 18;

struct IdentityEvent
{
    std::uint32_t mmsi = 0;
    std::optional<std::int64_t> timeUtcMs;
    ais::VesselIdentity identity;
};

// A batch of decoded positions, each with its MMSI in place of the vessel id
// (the store's ids are looked up by the writing thread), and the identities
// read along the way.
struct Chunk
{
    std::vector<model::TrackPoint> points;
    std::vector<IdentityEvent> identities;
    std::int64_t positionsRead = 0;
    std::int64_t positionsWithoutTime = 0;
    std::int64_t lines = 0;
    std::int64_t bytesRead = 0;
    bool last = false;
    ais::DecodeStats stats; // set on the last chunk
};

// One chunk being written, one waiting, one being filled: bounded memory.
using ChunkQueue = BoundedQueue<Chunk>;
constexpr std::size_t kQueuedChunks = 1;

void addMessage(const ais::DecodedMessage& m, const ImportOptions& options, Chunk& chunk)
{
    std::optional<std::int64_t> time = m.tagTimeUtcMs;
    if (!time && options.startUtcMs && options.linesPerSecond > 0.0) {
        time = *options.startUtcMs +
               std::llround(static_cast<double>(m.line - 1) * 1000.0 / options.linesPerSecond);
    }
    const std::uint32_t mmsi = m.message.header.mmsi;
    if (const auto fix = ais::vesselPosition(m.message)) {
        ++chunk.positionsRead;
        if (time) {
            chunk.points.push_back(observedPoint(mmsi, *time, *fix));
        } else {
            ++chunk.positionsWithoutTime;
        }
    } else if (auto identity = ais::vesselIdentity(m.message)) {
        chunk.identities.push_back({mmsi, time, std::move(*identity)});
    }
}

// stoppedStats receives the decoder's counts when the writer stops it early.
void decodeAll(LineReader& reader, const ImportOptions& options, std::size_t pointsPerChunk,
               ChunkQueue& queue, ais::DecodeStats& stoppedStats)
{
    ais::NmeaDecoder decoder;
    Chunk chunk;
    chunk.points.reserve(pointsPerChunk);
    std::int64_t chunkFirstLine = 0;
    std::string_view line;
    while (reader.next(line)) {
        const ais::DecodedMessage* m = decoder.decodeLine(line);
        if (!m) {
            if (decoder.lineNumber() - chunkFirstLine < kLinesPerChunk) {
                continue;
            }
        } else {
            addMessage(*m, options, chunk);
        }
        // A chunk also ends every kLinesPerChunk lines, so progress (and
        // Ctrl-C) keeps working in files that hold few positions.
        if (chunk.points.size() == pointsPerChunk ||
            decoder.lineNumber() - chunkFirstLine >= kLinesPerChunk) {
            chunkFirstLine = decoder.lineNumber();
            chunk.lines = decoder.lineNumber();
            chunk.bytesRead = reader.bytesRead();
            if (!queue.push(std::move(chunk))) {
                stoppedStats = decoder.stats();
                return;
            }
            chunk = Chunk{};
            chunk.points.reserve(pointsPerChunk);
        }
    }
    decoder.finish();
    chunk.lines = decoder.lineNumber();
    chunk.bytesRead = reader.bytesRead();
    chunk.last = true;
    chunk.stats = decoder.stats();
    queue.push(std::move(chunk));
}

} // namespace

Status importNmea(LineReader& reader, TrackSink& sink, ImportSummary& summary,
                  const ImportOptions& options, const ProgressCallback& progress)
{
    ChunkQueue queue(kQueuedChunks);
    ais::DecodeStats stoppedStats;
    std::thread decoder(
        [&] { decodeAll(reader, options, options.batchRows, queue, stoppedStats); });
    Status status;
    for (;;) {
        Chunk chunk = queue.pop();
        for (const IdentityEvent& e : chunk.identities) {
            if (status) {
                status = sink.addIdentity(e.mmsi, e.identity, e.timeUtcMs);
            }
        }
        if (status) {
            status = sink.addBatchByMmsi(chunk.points);
        }
        summary.positionsRead += chunk.positionsRead;
        summary.positionsWithoutTime += chunk.positionsWithoutTime;
        summary.lines = chunk.lines;
        if (chunk.last) {
            summary.nmea = chunk.stats;
            break;
        }
        if (!status) {
            break;
        }
        if (progress && !progress({chunk.bytesRead, reader.sizeBytes(), chunk.lines,
                                   sink.counts().positionsStored})) {
            summary.cancelled = true;
            break;
        }
    }
    queue.stop();
    decoder.join();
    if (stoppedStats.lines > 0) {
        // What the decoder had read when it was stopped (a little more than
        // was stored: its last chunk was not written).
        summary.nmea = stoppedStats;
        summary.lines = stoppedStats.lines;
    }
    if (summary.positionsWithoutTime > 0) {
        summary.note =
            QStringLiteral("%1 positions were not stored because their lines carry no time (no "
                           "NMEA 4.0 tag block with c:). Give the time of the first line and the "
                           "rate of lines per second (wake import --start ISO-TIME --rate N) to "
                           "place them in time.")
                .arg(summary.positionsWithoutTime);
    }
    return status;
}

} // namespace wake::io
