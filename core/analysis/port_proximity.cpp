#include "core/analysis/port_proximity.h"

#include "core/geo/geodesy.h"

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
        if (m_lastPort != nullptr && m_lastKm + movedKm < m_secondKm - movedKm) {
            return {m_lastPort, geo::distanceM(m_lastPort->position, position) / 1000.0};
        }
    }
    const auto nearest = m_ports.nearest(position, 2);
    m_hasLast = true;
    m_last = position;
    if (nearest.empty()) {
        m_lastKm = std::numeric_limits<double>::infinity();
        m_lastPort = nullptr;
        return {nullptr, m_lastKm};
    }
    m_lastKm = nearest.front().distanceM / 1000.0;
    m_lastPort = nearest.front().port;
    m_secondKm = nearest.size() > 1 ? nearest[1].distanceM / 1000.0
                                    : std::numeric_limits<double>::infinity();
    return {m_lastPort, m_lastKm};
}

} // namespace wake::analysis
