#include "core/io/nmea_import.h"

#include "core/ais/duplicate_filter.h"
#include "core/ais/nmea_decoder.h"
#include "core/io/import_pipeline.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace wake::io {

namespace {

void addMessage(const ais::DecodedMessage& m, const ImportOptions& options, ImportChunk& chunk)
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
        chunk.identities.push_back({mmsi, time, std::move(*identity), std::nullopt});
    }
}

// Lines that name their source (tag block s:, as Wake's live recordings and
// merged receiver logs have) are checked for the same message heard again:
// the live path keeps such a message once, and so does its re-import.
bool isRepeat(const ais::DecodedMessage& m, ais::DuplicateFilter& filter)
{
    if (m.source.empty() || !m.tagTimeUtcMs) {
        return false;
    }
    return filter.check(m.payloadHash, *m.tagTimeUtcMs, 0).has_value();
}

// The decoder's counts when it has read the whole file, or when the writer
// stopped it early (stopped: it had read a little more than was stored).
struct DecoderEnd
{
    ais::DecodeStats stats;
    bool stopped = false;
};

void decodeAll(LineReader& reader, const ImportOptions& options, std::size_t pointsPerChunk,
               ChunkQueue& queue, DecoderEnd& end)
{
    ais::NmeaDecoder decoder;
    ais::DuplicateFilter duplicates;
    std::int64_t duplicateCount = 0;
    ImportChunk chunk;
    chunk.points.reserve(pointsPerChunk);
    std::int64_t chunkFirstLine = 0;
    // One line of look-ahead: a Gatehouse $PGHP time may follow the sentence
    // it stamps (exactEarth's logs), naming it by its checksum.
    std::string_view line;
    std::string current;
    std::string ahead;
    bool haveCurrent = reader.next(line);
    if (haveCurrent) {
        current.assign(line);
    }
    bool stampedBefore = false; // the line before current was a $PGHP: that one is its time
    for (; haveCurrent; current.swap(ahead)) {
        const bool haveAhead = reader.next(line);
        const bool currentIsGatehouse = current.starts_with("$PGHP");
        if (haveAhead) {
            ahead.assign(line);
            if (!stampedBefore && !currentIsGatehouse && ahead.starts_with("$PGHP")) {
                if (const auto g = ais::gatehouseTime(ahead);
                    g && g->sentenceChecksum >= 0 &&
                    g->sentenceChecksum == ais::sentenceChecksum(current)) {
                    decoder.expectGatehouseTime(*g);
                }
            }
        }
        haveCurrent = haveAhead;
        stampedBefore = currentIsGatehouse;
        const ais::DecodedMessage* m = decoder.decodeLine(current);
        if (!m) {
            if (decoder.lineNumber() - chunkFirstLine < kLinesPerChunk) {
                continue;
            }
        } else if (isRepeat(*m, duplicates)) {
            ++duplicateCount;
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
                end = {decoder.stats(), true};
                end.stats.duplicates = duplicateCount;
                return;
            }
            chunk = ImportChunk{};
            chunk.points.reserve(pointsPerChunk);
        }
    }
    decoder.finish();
    chunk.lines = decoder.lineNumber();
    chunk.bytesRead = reader.bytesRead();
    chunk.last = true;
    end = {decoder.stats(), false};
    end.stats.duplicates = duplicateCount;
    queue.push(std::move(chunk));
}

} // namespace

Status importNmea(LineReader& reader, TrackSink& sink, ImportSummary& summary,
                  const ImportOptions& options, const ProgressCallback& progress)
{
    ChunkQueue queue(kQueuedChunks);
    DecoderEnd end;
    std::thread decoder(
        [&] { decodeAll(reader, options, std::min(kChunkRows, options.batchRows), queue, end); });
    const Status status = writeChunks(queue, sink, summary, reader.sizeBytes(), progress);
    decoder.join();
    summary.nmea = end.stats;
    if (end.stopped) {
        summary.lines = end.stats.lines;
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
