#pragma once

// One position of one vessel at one time. A plain struct: tracks hold millions.

#include <cstdint>
#include <optional>

namespace wake::model {

// How we know the ship was there.
enum class Provenance : std::uint8_t
{
    Observed = 0,      // received over AIS
    Reported = 1,      // a source says the ship was there (for example a port on a date)
    Reconstructed = 2, // inferred by Wake (interpolation, sea route)
};

const char* toString(Provenance provenance);
std::optional<Provenance> provenanceFromInt(int value);

struct TrackPoint
{
    std::int64_t vesselId = 0;
    std::int64_t timeUtcMs = 0;
    double latDeg = 0.0;
    double lonDeg = 0.0;
    std::optional<float> sogKnots;
    std::optional<float> cogDeg;
    std::optional<std::int16_t> headingDeg;
    std::optional<std::uint8_t> navStatus; // ITU-R M.1371 navigational status 0-15
    Provenance provenance = Provenance::Observed;

    friend bool operator==(const TrackPoint&, const TrackPoint&) = default;
};

} // namespace wake::model
