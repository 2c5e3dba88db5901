#pragma once

// The world's ports (World Port Index, plus UN/LOCODE sea ports that WPI lacks)
// with a spatial index for "nearest port" queries.
// The index is a geo::SphereIndex: exact great-circle neighbours.

#include "core/geo/sphere_index.h"
#include "core/model/port.h"
#include "core/util/result.h"

#include <QHash>
#include <QString>

#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

namespace wake::reference {

struct NearestPort
{
    const model::Port* port = nullptr;
    double distanceM = 0.0;
};

class PortIndex
{
public:
    static Result<PortIndex> loadBuiltIn();
    static Result<PortIndex> load(const QString& wpiCsv, const QString& unlocodeCsv);
    static PortIndex fromPorts(std::vector<model::Port> ports);

    // Up to `limit` ports nearest to `position`, closest first, within maxDistanceM.
    std::vector<NearestPort>
    nearest(const model::LatLon& position, std::size_t limit,
            double maxDistanceM = std::numeric_limits<double>::infinity()) const;

    // The nearest World Port Index port (origin "WPI") within maxDistanceM:
    // ports a ship reaches, where UN/LOCODE's list also has inland towns.
    std::optional<NearestPort> nearestWpiPort(const model::LatLon& position,
                                              double maxDistanceM) const;

    const model::Port* byLocode(const QString& locode) const;
    const std::vector<model::Port>& ports() const { return m_ports; }

    PortIndex(const PortIndex&) = delete;
    PortIndex& operator=(const PortIndex&) = delete;
    PortIndex(PortIndex&&) = default;
    PortIndex& operator=(PortIndex&&) = default;

private:
    PortIndex() = default;
    void build();
    std::vector<model::Port> m_ports;
    geo::SphereIndex m_tree;
    geo::SphereIndex m_wpiTree;          // the WPI ports alone
    std::vector<std::size_t> m_wpiPorts; // m_wpiTree's points in m_ports
    QHash<QString, std::size_t> m_byLocode;
};

} // namespace wake::reference
