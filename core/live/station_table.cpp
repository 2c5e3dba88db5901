#include "core/live/station_table.h"

namespace wake::live {

bool StationTable::update(const ais::Message& message, std::int64_t timeUtcMs)
{
    Station s;
    s.mmsi = message.header.mmsi;
    s.lastHeardUtcMs = timeUtcMs;
    std::optional<double> lat;
    std::optional<double> lon;
    if (const auto* a = std::get_if<ais::AidToNavigationReport>(&message.body)) {
        s.kind = Station::Kind::AidToNavigation;
        s.name = QString::fromLatin1(a->name.view().data(),
                                     static_cast<qsizetype>(a->name.view().size()));
        s.virtualAid = a->virtualAid;
        s.aidType = a->aidType;
        lat = ais::latitudeDeg(a->lat);
        lon = ais::longitudeDeg(a->lon);
    } else if (const auto* b = std::get_if<ais::BaseStationReport>(&message.body);
               b != nullptr && message.header.type == 4) {
        s.kind = Station::Kind::BaseStation;
        lat = ais::latitudeDeg(b->lat);
        lon = ais::longitudeDeg(b->lon);
    } else if (const auto* r = std::get_if<ais::SarAircraftReport>(&message.body)) {
        s.kind = Station::Kind::SarAircraft;
        lat = ais::latitudeDeg(r->lat);
        lon = ais::longitudeDeg(r->lon);
        s.courseDeg = ais::courseDeg(r->course);
        if (r->speed != 1023) {
            s.speedKnots = r->speed;
        }
        if (r->alt != 4095) {
            s.altitudeM = r->alt;
        }
    } else {
        return false;
    }
    if (!lat || !lon) {
        return true; // a station's message, but no position to draw
    }
    s.latDeg = *lat;
    s.lonDeg = *lon;
    m_stations[s.mmsi] = std::move(s);
    return true;
}

std::vector<Station> StationTable::snapshot() const
{
    std::vector<Station> out;
    out.reserve(m_stations.size());
    for (const auto& [mmsi, s] : m_stations) {
        out.push_back(s);
    }
    return out;
}

} // namespace wake::live
