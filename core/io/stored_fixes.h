#pragma once

// A later file meets the store: for a vessel the store already holds, its
// stored fixes around the time being read say whether a new fix is that ship
// (it lies where the ship was heard just before and after) or another ship
// transmitting the same MMSI (the stored one was elsewhere then). Used by
// io/track_sink's routing; reads the store a window of fixes at a time.

#include "core/model/track_point.h"
#include "core/model/vessel.h"
#include "core/store/database.h"
#include "core/tracks/track_segmenter.h"
#include "core/util/result.h"

#include <cstdint>
#include <vector>

namespace wake::io {

// A vessel the store held before this input and its stored fixes around
// the time being read.
struct StoredFixWindow
{
    model::VesselId vessel = 0;
    std::vector<model::TrackPoint> fixes;
    std::int64_t validFromUtcMs = 1; // fixes cover +-30 min of times in [from, to]
    std::int64_t validToUtcMs = 0;
};

// The stored fixes just before and after a time, within 30 min each.
struct StoredNeighbours
{
    const model::TrackPoint* before = nullptr;
    const model::TrackPoint* after = nullptr;
};

// Reads the window again when t has left it (an hour of fixes at a time).
Result<StoredNeighbours> storedNeighbours(store::Database& db, StoredFixWindow& w, std::int64_t t);

// 0 (a perfect fit) to 1 (the limit) for a fix among a stored ship's fixes;
// negative when it is another ship.
double storedFit(const tracks::TrackSegmenter& segmenter, const StoredNeighbours& n,
                 const tracks::SegmenterFix& fix);

// The fix is a stored neighbour heard again: the same position (to the
// stored 1e-7 degree) within the segmenter's repeat seconds. The import that
// stored the neighbour dropped this one as a repeat; a later import must too.
bool repeatsStoredFix(const tracks::SegmenterRules& rules, const StoredNeighbours& n,
                      const model::TrackPoint& p);

// What the segmenter reads of a track point.
tracks::SegmenterFix segmenterFix(const model::TrackPoint& p);

} // namespace wake::io
