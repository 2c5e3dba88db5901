#pragma once

// What is heard live besides ships: aids to navigation (type 21, real or
// virtual), base stations (type 4) and SAR aircraft (type 9), each with its
// last position, for the live picture's own symbols.

#include "core/ais/messages.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace wake::live {

struct Station
{
    enum class Kind : std::uint8_t
    {
        AidToNavigation,
        BaseStation,
        SarAircraft,
    };
    Kind kind = Kind::BaseStation;
    std::uint32_t mmsi = 0;
    double latDeg = 0.0;
    double lonDeg = 0.0;
    QString name;                    // an AtoN's name
    bool virtualAid = false;         // an AtoN with no physical mark: drawn as such
    int aidType = 0;                 // ITU-R M.1371 Table 74
    std::optional<double> courseDeg; // SAR aircraft
    std::optional<double> speedKnots;
    std::optional<int> altitudeM;
    std::int64_t lastHeardUtcMs = 0;
};

class StationTable
{
public:
    // Takes the message when it is one of a station's, with a position.
    // Returns whether it was.
    bool update(const ais::Message& message, std::int64_t timeUtcMs);
    std::vector<Station> snapshot() const;
    std::size_t size() const { return m_stations.size(); }

private:
    std::unordered_map<std::uint32_t, Station> m_stations;
};

} // namespace wake::live
