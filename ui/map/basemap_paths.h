#pragma once

// The Natural Earth basemap as painter paths, one set per resolution, built on
// first use from the pre-projected resource and culled per part by bounding
// box. Safe to use from several threads: each resolution is built once.

#include <QPainterPath>
#include <QRectF>
#include <QString>

#include <array>
#include <mutex>
#include <vector>

namespace wake::ui {

class BasemapPaths
{
public:
    struct Part
    {
        QPainterPath path;
        QRectF bounds; // world units
    };
    struct Resolution
    {
        std::vector<Part> land;
        std::vector<Part> borders;
    };

    const Resolution& forZoom(double zoom) const;
    // Natural Earth resolution used at a zoom: "110m", "50m" or "10m".
    static QString resolutionForZoom(double zoom);

private:
    mutable std::array<std::once_flag, 3> m_once;
    mutable std::array<Resolution, 3> m_resolutions;
};

} // namespace wake::ui
