#pragma once

// NMEA log import in two threads: one reads and decodes lines, the calling
// thread writes to the store. The machine Wake targets has two cores, and
// decoding and SQLite's inserts each take about half of an import, so
// overlapping them nearly halves the time. The threads pass chunks of
// decoded events through a queue of bounded size, so memory stays constant
// however large the file.

#include "io/ais_import.h"
#include "io/line_reader.h"
#include "io/track_sink.h"

namespace wake::io {

Status importNmea(LineReader& reader, TrackSink& sink, ImportSummary& summary,
                  const ImportOptions& options, const ProgressCallback& progress);

} // namespace wake::io
