#include "core/io/import_pipeline.h"

namespace wake::io {

Status writeChunks(ChunkQueue& queue, TrackSink& sink, ImportSummary& summary,
                   std::int64_t totalBytes, const ProgressCallback& progress)
{
    Status status;
    for (;;) {
        ImportChunk chunk = queue.pop();
        // Positions first: static data goes to the track of the fix it came
        // with, or the one heard last (io/track_sink.h).
        if (status) {
            status = sink.addBatchByMmsi(chunk.points);
        }
        for (const IdentityEvent& e : chunk.identities) {
            if (status) {
                status = sink.addIdentity(e.mmsi, e.identity, e.timeUtcMs, e.vesselType);
            }
        }
        summary.positionsRead += chunk.positionsRead;
        summary.positionsWithoutTime += chunk.positionsWithoutTime;
        summary.lines = chunk.lines;
        if (chunk.last || !status) {
            break;
        }
        if (progress &&
            !progress({chunk.bytesRead, totalBytes, chunk.lines, sink.counts().positionsStored})) {
            summary.cancelled = true;
            break;
        }
    }
    queue.stop();
    return status;
}

} // namespace wake::io
