#include "core/geo/panama_canal.h"

#include <array>

namespace wake::geo {

namespace {

// Made by resources/tools/trace_canal.cpp (see panama_canal.h); regenerate
// rather than edit by hand.
constexpr std::array kPanamaCanal = {
    model::LatLon{8.86996, -79.51993}, model::LatLon{8.87221, -79.52061},
    model::LatLon{8.89089, -79.53951}, model::LatLon{8.92036, -79.53974},
    model::LatLon{8.94780, -79.56752}, model::LatLon{8.96040, -79.56775},
    model::LatLon{8.96692, -79.57435}, model::LatLon{8.97277, -79.57663},
    model::LatLon{8.97480, -79.57686}, model::LatLon{8.98177, -79.58027},
    model::LatLon{8.98514, -79.58050}, model::LatLon{8.98672, -79.58164},
    model::LatLon{9.00021, -79.59508}, model::LatLon{9.00021, -79.59553},
    model::LatLon{9.01641, -79.61193}, model::LatLon{9.01641, -79.61216},
    model::LatLon{9.01686, -79.61238}, model::LatLon{9.01821, -79.61420},
    model::LatLon{9.01843, -79.61420}, model::LatLon{9.03080, -79.63470},
    model::LatLon{9.04025, -79.64449}, model::LatLon{9.04272, -79.64631},
    model::LatLon{9.04362, -79.64631}, model::LatLon{9.05037, -79.65155},
    model::LatLon{9.06881, -79.67045}, model::LatLon{9.07398, -79.67318},
    model::LatLon{9.08747, -79.67888}, model::LatLon{9.10186, -79.68708},
    model::LatLon{9.10568, -79.69095}, model::LatLon{9.10861, -79.69459},
    model::LatLon{9.10973, -79.69778}, model::LatLon{9.10973, -79.70074},
    model::LatLon{9.11400, -79.70507}, model::LatLon{9.11535, -79.71213},
    model::LatLon{9.11535, -79.71987}, model::LatLon{9.11715, -79.72260},
    model::LatLon{9.11715, -79.73831}, model::LatLon{9.11760, -79.74082},
    model::LatLon{9.11895, -79.74218}, model::LatLon{9.11895, -79.75881},
    model::LatLon{9.11715, -79.76245}, model::LatLon{9.11468, -79.76496},
    model::LatLon{9.11400, -79.76860}, model::LatLon{9.11400, -79.77407},
    model::LatLon{9.15785, -79.81847}, model::LatLon{9.15830, -79.81915},
    model::LatLon{9.15830, -79.82644}, model::LatLon{9.16189, -79.83008},
    model::LatLon{9.16189, -79.83282}, model::LatLon{9.16437, -79.83532},
    model::LatLon{9.16527, -79.83919}, model::LatLon{9.18572, -79.85992},
    model::LatLon{9.20483, -79.86014}, model::LatLon{9.26754, -79.92368},
    model::LatLon{9.27923, -79.92208}, model::LatLon{9.28912, -79.92163},
    model::LatLon{9.29181, -79.92072}, model::LatLon{9.29788, -79.92003},
    model::LatLon{9.38799, -79.92003}, model::LatLon{9.39001, -79.91799},
};

} // namespace

std::span<const model::LatLon> panamaCanal()
{
    return kPanamaCanal;
}

} // namespace wake::geo
