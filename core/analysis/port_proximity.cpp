#include "analysis/port_proximity.h"

#include "geo/geodesy.h"

#include <limits>

namespace wake::analysis {

PortProximity::PortProximity(const reference::PortIndex& ports, double interestKm)
    : m_ports(ports), m_interestKm(interestKm)
{}

PortDistance PortProximity::at(const model::LatLon& position)
{
    if (m_hasLast) {
        const double movedKm = geo::distanceM(m_last, position) / 1000.0;
        const double lowerBound = m_lastKm - movedKm;
        if (lowerBound > m_interestKm) {
            return {nullptr, lowerBound};
        }
    }
    const auto nearest = m_ports.nearest(position, 1);
    m_hasLast = true;
    m_last = position;
    if (nearest.empty()) {
        m_lastKm = std::numeric_limits<double>::infinity();
        return {nullptr, m_lastKm};
    }
    m_lastKm = nearest.front().distanceM / 1000.0;
    return {nearest.front().port, m_lastKm};
}

} // namespace wake::analysis
