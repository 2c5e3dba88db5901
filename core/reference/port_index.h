#pragma once

// The world's ports (World Port Index, plus UN/LOCODE sea ports that WPI lacks)
// with a spatial index for "nearest port" queries.
//
// The index is a k-d tree over unit vectors on the sphere: straight-line (chord)
// distance between unit vectors grows with great-circle distance, so the tree
// gives exact great-circle nearest neighbours, with no special case at the
// antimeridian or the poles.

#include "model/port.h"
#include "util/result.h"

#include <QHash>
#include <QString>

#include <array>
#include <cstddef>
#include <limits>
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

    const model::Port* byLocode(const QString& locode) const;
    const std::vector<model::Port>& ports() const { return m_ports; }

    PortIndex(const PortIndex&) = delete;
    PortIndex& operator=(const PortIndex&) = delete;
    PortIndex(PortIndex&&) = default;
    PortIndex& operator=(PortIndex&&) = default;

private:
    PortIndex() = default;
    void build();
    void buildNode(std::size_t begin, std::size_t end);
    void search(std::size_t begin, std::size_t end, const std::array<double, 3>& q,
                std::size_t limit, std::vector<std::pair<double, std::size_t>>& heap) const;

    std::vector<model::Port> m_ports;
    // Tree nodes in implicit layout: the median of [begin, end) at (begin+end)/2.
    std::vector<std::size_t> m_order;         // node -> port index
    std::vector<std::array<double, 3>> m_xyz; // node -> unit vector
    std::vector<std::uint8_t> m_axis;         // node -> split axis
    QHash<QString, std::size_t> m_byLocode;
};

} // namespace wake::reference
