#pragma once

// Nearest-neighbour search over points on the sphere: a k-d tree over unit
// vectors. The straight-line (chord) distance between unit vectors grows with
// great-circle distance, so the tree gives exact great-circle neighbours with
// no special case at the antimeridian or the poles. Ports and coastline
// vertices both use it.

#include "core/model/lat_lon.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace wake::geo {

struct SphereNeighbour
{
    std::size_t index = 0; // position in the points given to build()
    double distanceM = 0.0;
};

class SphereIndex
{
public:
    SphereIndex() = default;
    explicit SphereIndex(const std::vector<model::LatLon>& points);

    // Up to `limit` points nearest to `position`, closest first, within maxDistanceM.
    std::vector<SphereNeighbour>
    nearest(const model::LatLon& position, std::size_t limit,
            double maxDistanceM = std::numeric_limits<double>::infinity()) const;

    std::size_t size() const { return m_order.size(); }

private:
    void buildNode(std::size_t begin, std::size_t end);
    void search(std::size_t begin, std::size_t end, const std::array<double, 3>& q,
                std::size_t limit, double maxChord2,
                std::vector<std::pair<double, std::size_t>>& heap) const;

    std::vector<model::LatLon> m_points;
    // Tree nodes in implicit layout: the median of [begin, end) at (begin+end)/2.
    std::vector<std::size_t> m_order;         // node -> point index
    std::vector<std::array<double, 3>> m_xyz; // node -> unit vector
    std::vector<std::uint8_t> m_axis;         // node -> split axis
};

} // namespace wake::geo
