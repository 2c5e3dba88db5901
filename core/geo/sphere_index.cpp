#include "core/geo/sphere_index.h"

#include "core/geo/geodesy.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

namespace wake::geo {

SphereIndex::SphereIndex(const std::vector<model::LatLon>& points) : m_points(points)
{
    const std::size_t n = points.size();
    m_order.resize(n);
    std::iota(m_order.begin(), m_order.end(), std::size_t{0});
    m_xyz.resize(n);
    m_axis.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        m_xyz[i] = toUnitVector(points[i]);
    }
    buildNode(0, n);
}

void SphereIndex::buildNode(std::size_t begin, std::size_t end)
{
    if (end - begin <= 1) {
        return;
    }
    // Split on the axis with the widest spread: ports and coasts cluster, so a
    // fixed x/y/z cycle would make poor cuts.
    std::array<double, 3> lo{2, 2, 2};
    std::array<double, 3> hi{-2, -2, -2};
    for (std::size_t i = begin; i < end; ++i) {
        for (std::size_t a = 0; a < 3; ++a) {
            lo[a] = std::min(lo[a], m_xyz[i][a]);
            hi[a] = std::max(hi[a], m_xyz[i][a]);
        }
    }
    std::size_t axis = 0;
    for (std::size_t a = 1; a < 3; ++a) {
        if (hi[a] - lo[a] > hi[axis] - lo[axis]) {
            axis = a;
        }
    }
    const std::size_t mid = begin + (end - begin) / 2;
    // Sort node payloads together through an index permutation.
    std::vector<std::size_t> perm(end - begin);
    std::iota(perm.begin(), perm.end(), begin);
    std::nth_element(perm.begin(), perm.begin() + static_cast<std::ptrdiff_t>(mid - begin),
                     perm.end(),
                     [&](std::size_t a, std::size_t b) { return m_xyz[a][axis] < m_xyz[b][axis]; });
    std::vector<std::size_t> order(perm.size());
    std::vector<std::array<double, 3>> xyz(perm.size());
    for (std::size_t i = 0; i < perm.size(); ++i) {
        order[i] = m_order[perm[i]];
        xyz[i] = m_xyz[perm[i]];
    }
    std::copy(order.begin(), order.end(), m_order.begin() + static_cast<std::ptrdiff_t>(begin));
    std::copy(xyz.begin(), xyz.end(), m_xyz.begin() + static_cast<std::ptrdiff_t>(begin));
    m_axis[mid] = static_cast<std::uint8_t>(axis);
    buildNode(begin, mid);
    buildNode(mid + 1, end);
}

void SphereIndex::search(std::size_t begin, std::size_t end, const std::array<double, 3>& q,
                         std::size_t limit, double maxChord2,
                         std::vector<std::pair<double, std::size_t>>& heap) const
{
    if (begin >= end) {
        return;
    }
    const std::size_t mid = begin + (end - begin) / 2;
    const double d2 = chord2(q, m_xyz[mid]);
    if (d2 <= maxChord2 && (heap.size() < limit || d2 < heap.front().first)) {
        if (heap.size() == limit) {
            std::pop_heap(heap.begin(), heap.end());
            heap.pop_back();
        }
        heap.emplace_back(d2, m_order[mid]);
        std::push_heap(heap.begin(), heap.end());
    }
    if (end - begin == 1) {
        return;
    }
    const std::size_t axis = m_axis[mid];
    const double diff = q[axis] - m_xyz[mid][axis];
    const bool leftFirst = diff < 0;
    if (leftFirst) {
        search(begin, mid, q, limit, maxChord2, heap);
    } else {
        search(mid + 1, end, q, limit, maxChord2, heap);
    }
    const double bound = heap.size() < limit ? maxChord2 : std::min(maxChord2, heap.front().first);
    if (diff * diff < bound) {
        if (leftFirst) {
            search(mid + 1, end, q, limit, maxChord2, heap);
        } else {
            search(begin, mid, q, limit, maxChord2, heap);
        }
    }
}

std::vector<SphereNeighbour> SphereIndex::nearest(const model::LatLon& position, std::size_t limit,
                                                  double maxDistanceM) const
{
    std::vector<SphereNeighbour> result;
    if (limit == 0 || m_points.empty() || !position.isValid()) {
        return result;
    }
    std::vector<std::pair<double, std::size_t>> heap;
    heap.reserve(limit + 1);
    // The radius as a chord bounds the search from the start: a query far
    // from every point (a ship at sea asking for ports within 100 km) looks
    // at a few nodes instead of collecting `limit` far ones. A little slack
    // keeps a point the haversine below puts just inside.
    double maxChord2 = std::numeric_limits<double>::infinity();
    if (maxDistanceM < std::numbers::pi * kEarthMeanRadiusM) {
        const double chord = 2.0 * std::sin(maxDistanceM / (2.0 * kEarthMeanRadiusM));
        maxChord2 = chord * chord * (1.0 + 1e-9) + 1e-18;
    }
    search(0, m_points.size(), toUnitVector(position), limit, maxChord2, heap);
    std::sort_heap(heap.begin(), heap.end());
    for (const auto& [d2, index] : heap) {
        // Report the haversine distance: it is what users compare with other tools.
        const double metres = distanceM(position, m_points[index]);
        if (metres <= maxDistanceM) {
            result.push_back({index, metres});
        }
    }
    return result;
}

} // namespace wake::geo
