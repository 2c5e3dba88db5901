#pragma once

// The two AIS CSV layouts Wake reads, mapped by header name (so column order
// and the 16- or 17-column MarineCadastre variants do not matter):
//
// MarineCadastre (marinecadastre.gov, US NAIS):
//   MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,
//   VesselType,Status,Length,Width,Draft,Cargo[,TransceiverClass]
//   2017-12-01T00:00:01, IMO written "IMO9739666", Status a number or (2017) text.
// Danish Maritime Authority (web.ais.dk/aisdata), 26 columns:
//   # Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,
//   ROT,SOG,COG,Heading,IMO,Callsign,Name,Ship type,Cargo type,Width,Length,
//   Type of position fixing device,Draught,Destination,ETA,Data source type,A,B,C,D
//   18/03/2023 00:00:00, "Unknown" for missing IMO, text ship types.

#include "core/io/ais_import.h"
#include "core/io/line_reader.h"
#include "core/io/track_sink.h"

namespace wake::io {

struct CsvImportContext
{
    LineReader& reader;
    TrackSink& sink;
    ImportSummary& summary;
    const ProgressCallback& progress;
};

Status importCsv(ImportFormat format, CsvImportContext& context);

} // namespace wake::io
