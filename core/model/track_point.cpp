#include "core/model/track_point.h"

namespace wake::model {

const char* toString(Provenance provenance)
{
    switch (provenance) {
    case Provenance::Reported:
        return "reported";
    case Provenance::Reconstructed:
        return "reconstructed";
    case Provenance::Observed:
        break;
    }
    return "observed";
}

std::optional<Provenance> provenanceFromInt(int value)
{
    if (value < 0 || value > 2) {
        return std::nullopt;
    }
    return static_cast<Provenance>(value);
}

} // namespace wake::model
