#include "core/geo/lat_lon_box.h"

#include <algorithm>
#include <vector>

namespace wake::geo {

namespace {

double wrap(double lonDeg)
{
    while (lonDeg > 180.0) {
        lonDeg -= 360.0;
    }
    while (lonDeg < -180.0) {
        lonDeg += 360.0;
    }
    return lonDeg;
}

} // namespace

double LatLonBox::widthDeg() const
{
    return crossesAntimeridian() ? eastDeg + 360.0 - westDeg : eastDeg - westDeg;
}

std::optional<LatLonBox> boundingBox(std::span<const model::LatLon> points)
{
    std::vector<double> lons;
    lons.reserve(points.size());
    LatLonBox box{90.0, 0.0, -90.0, 0.0};
    for (const model::LatLon& p : points) {
        if (!p.isValid()) {
            continue;
        }
        box.southDeg = std::min(box.southDeg, p.latDeg);
        box.northDeg = std::max(box.northDeg, p.latDeg);
        lons.push_back(p.lonDeg == 180.0 ? -180.0 : p.lonDeg);
    }
    if (lons.empty()) {
        return std::nullopt;
    }
    std::sort(lons.begin(), lons.end());
    lons.erase(std::unique(lons.begin(), lons.end()), lons.end());
    // The box is the circle of longitudes minus its largest empty arc; the
    // arc across 180 (from the last longitude round to the first) counts too.
    double gap = lons.front() + 360.0 - lons.back();
    box.westDeg = lons.front();
    box.eastDeg = lons.back();
    for (std::size_t i = 1; i < lons.size(); ++i) {
        if (lons[i] - lons[i - 1] > gap) {
            gap = lons[i] - lons[i - 1];
            box.westDeg = lons[i];
            box.eastDeg = lons[i - 1];
        }
    }
    return box;
}

LatLonBox padded(const LatLonBox& box, double minPadDeg)
{
    const double padLat = std::max(minPadDeg, (box.northDeg - box.southDeg) / 4.0);
    const double padLon = std::max(minPadDeg, box.widthDeg() / 4.0);
    LatLonBox out;
    out.southDeg = std::max(-85.0, box.southDeg - padLat);
    out.northDeg = std::min(85.0, box.northDeg + padLat);
    if (box.widthDeg() + 2.0 * padLon >= 360.0) {
        out.westDeg = -180.0;
        out.eastDeg = 180.0;
        return out;
    }
    out.westDeg = wrap(box.westDeg - padLon);
    out.eastDeg = wrap(box.eastDeg + padLon);
    return out;
}

} // namespace wake::geo
