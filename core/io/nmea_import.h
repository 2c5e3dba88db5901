#pragma once

// NMEA log import in two threads (io/import_pipeline.h): one reads and
// decodes lines, the calling thread writes to the store.

#include "core/io/ais_import.h"
#include "core/io/line_reader.h"
#include "core/io/track_sink.h"

namespace wake::io {

Status importNmea(LineReader& reader, TrackSink& sink, ImportSummary& summary,
                  const ImportOptions& options, const ProgressCallback& progress);

} // namespace wake::io
