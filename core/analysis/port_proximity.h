#pragma once

// Distance from a ship to the nearest reference port, for detectors that ask
// at every fix. Two shortcuts, both from the triangle inequality (a ship that
// moved m since the last query is within m of where it was):
// - at sea, when the nearest port was d away, every port is still at least
//   d - m away: no query while that is beyond what the caller cares about;
// - in port, when the nearest port was d1 away and the next d2, that port is
//   still the nearest while d1 + m < d2 - m: one distance, no query (a ship
//   at its berth barely moves).

#include "core/reference/port_index.h"

namespace wake::analysis {

struct PortDistance
{
    const model::Port* port = nullptr; // nullptr when only a lower bound is known
    double km = 0.0;                   // exact with a port, else a lower bound
};

class PortProximity
{
public:
    // Answers are exact whenever the nearest port is within interestKm.
    PortProximity(const reference::PortIndex& ports, double interestKm);

    PortDistance at(const model::LatLon& position);

    const reference::PortIndex& ports() const { return m_ports; }

private:
    const reference::PortIndex& m_ports;
    double m_interestKm;
    bool m_hasLast = false;
    model::LatLon m_last;
    double m_lastKm = 0.0;
    const model::Port* m_lastPort = nullptr;
    double m_secondKm = 0.0; // the second-nearest port at the last query
};

} // namespace wake::analysis
