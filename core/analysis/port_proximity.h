#pragma once

// Distance from a ship to the nearest reference port, for detectors that ask
// at every fix. Ships spend most of their time far from any port, so a query
// is skipped when the last answer already proves the ship is farther than
// anything the caller cares about: if the nearest port was d from q, every
// port is at least d - |pq| from p (triangle inequality).

#include "reference/port_index.h"

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
};

} // namespace wake::analysis
