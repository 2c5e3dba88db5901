#pragma once

// The voyage in a few lines of HTML: ports and dates as reported, the
// distance run (and how much of it is a reconstructed route), the time at
// sea and the time with AIS off.

#include "core/model/event.h"
#include "core/model/port.h"
#include "core/model/track_point.h"
#include "core/model/voyage.h"

#include <QString>

#include <span>
#include <vector>

namespace wake::ui {

QString voyageSummaryHtml(const model::Voyage& voyage, const std::vector<model::Port>& places,
                          std::span<const model::TrackPoint> track,
                          std::span<const model::Event> events);

// "3 d 4 h", "5 h 20 min".
QString formatDuration(std::int64_t ms);

} // namespace wake::ui
