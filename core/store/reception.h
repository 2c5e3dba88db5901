#pragma once

// One hearing of a live position by one source (schema 5). The position is
// stored once, at the time of its first hearing; each source that delivered
// it within the duplicate window adds a reception.

#include "core/model/vessel.h"

#include <cstdint>

namespace wake::store {

enum class TimeBasis : std::uint8_t
{
    ReceiveTime = 0, // Wake's clock when the line arrived
    SenderTag = 1,   // the NMEA 4.0 tag block c: the line came with
};

struct Reception
{
    model::VesselId vesselId = 0;
    std::int64_t timeUtcMs = 0; // of the stored position
    std::int64_t sourceId = 0;  // live_sources.id
    std::int64_t heardUtcMs = 0;
    TimeBasis timeBasis = TimeBasis::ReceiveTime;

    friend bool operator==(const Reception&, const Reception&) = default;
};

} // namespace wake::store
