#include "core/analysis/shore_distance.h"

#include "core/geo/basemap.h"
#include "core/geo/geodesy.h"
#include "core/geo/web_mercator.h"

#include <algorithm>
#include <limits>

namespace wake::analysis {

Result<std::vector<model::LatLon>> builtInCoastPoints(double minSpacingKm)
{
    auto basemap = geo::loadBuiltInBasemap(QStringLiteral("10m"));
    if (!basemap) {
        return basemap.error();
    }
    const geo::BasemapLayer* land = basemap->layer(geo::BasemapLayer::Kind::Land);
    std::vector<model::LatLon> points;
    if (land == nullptr) {
        return points;
    }
    const double minSpacingM = minSpacingKm * 1000.0;
    for (const auto& part : land->parts) {
        std::optional<model::LatLon> last;
        for (const geo::BasemapPoint& bp : part) {
            const model::LatLon p = geo::unproject({bp.x, bp.y});
            if (!last || geo::distanceM(*last, p) >= minSpacingM) {
                points.push_back(p);
                last = p;
            }
        }
    }
    return points;
}

namespace {

// The coarse coast is the same for every caller, and most analyses never ask
// for it (a tenth of a second or more to build): built once per process, on
// first use, by whichever thread asks first.
const geo::SphereIndex* builtInCoastIndex()
{
    static const std::shared_ptr<const geo::SphereIndex> coast = [] {
        auto points = builtInCoastPoints();
        return points ? std::make_shared<const geo::SphereIndex>(*points)
                      : std::make_shared<const geo::SphereIndex>();
    }();
    return coast.get();
}

} // namespace

Result<std::shared_ptr<const ShoreDistance>>
ShoreDistance::builtIn(const reference::PortIndex& ports)
{
    auto shore = std::make_shared<ShoreDistance>(nullptr, &ports);
    shore->setDetailedCoast(geo::ShoreProximity::shared());
    return std::shared_ptr<const ShoreDistance>(std::move(shore));
}

double ShoreDistance::inlandKm(const model::LatLon& position, double maxKm) const
{
    return m_detailed ? m_detailed->shoreM(position, maxKm * 1000.0) / 1000.0 : 0.0;
}

bool ShoreDistance::atSea(const model::LatLon& position) const
{
    return !m_detailed || m_detailed->atSea(position);
}

ShoreDistance::ShoreDistance(const std::vector<model::LatLon>& coastPoints,
                             const reference::PortIndex* ports)
    : m_coast(std::make_shared<const geo::SphereIndex>(coastPoints)), m_ports(ports)
{}

ShoreDistance::ShoreDistance(std::shared_ptr<const geo::SphereIndex> coast,
                             const reference::PortIndex* ports)
    : m_coast(std::move(coast)), m_ports(ports)
{}

double ShoreDistance::nauticalMiles(const model::LatLon& position) const
{
    double metres = std::numeric_limits<double>::infinity();
    const geo::SphereIndex* coast = m_coast ? m_coast.get() : builtInCoastIndex();
    if (const auto c = coast->nearest(position, 1); !c.empty()) {
        metres = c.front().distanceM;
    }
    if (m_ports != nullptr) {
        if (const auto p = m_ports->nearest(position, 1); !p.empty()) {
            metres = std::min(metres, p.front().distanceM);
        }
    }
    if (m_detailed) {
        if (!m_detailed->atSea(position)) {
            return 0.0; // on a river, a lake or behind the detailed coast
        }
        // Natural Earth 1:10m lacks small islands and keys; GSHHG has them.
        // Its tiles are searched only as far as the coarse answer reaches.
        metres = std::min(metres, m_detailed->shoreM(position, std::min(metres, 150'000.0)));
    }
    return metres / geo::kMetresPerNauticalMile;
}

} // namespace wake::analysis
