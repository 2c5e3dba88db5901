#pragma once

// A track prepared for drawing at any zoom: its projected points (longitudes
// unwrapped across +-180) and, per integer zoom band, a Douglas–Peucker
// simplification cut into chunks with bounding boxes. A frame draws only the
// chunks that intersect the view, from the band of its zoom, so its cost
// follows what is visible rather than the size of the track.
//
// Levels are built on first use and may be asked for from several threads
// (the window renders its buffered layers off the GUI thread).

#include "core/geo/web_mercator.h"

#include <QRectF>

#include <array>
#include <cstdint>
#include <mutex>
#include <span>
#include <vector>

namespace wake::ui {

class TrackLevels
{
public:
    static constexpr int kBands = 18; // zoom 0 to 17
    static constexpr std::uint32_t kChunkPoints = 64;

    struct Chunk
    {
        std::uint32_t firstKept = 0; // indices into Level::kept, inclusive; chunks
        std::uint32_t lastKept = 0;  // share their end points so no segment is lost
        QRectF bounds;               // in world units
    };
    struct Level
    {
        std::vector<std::uint32_t> kept; // indices into points(), ascending
        std::vector<Chunk> chunks;
    };

    // observed[i] tells whether the segment from point i-1 to point i was
    // observed (element 0 is unused). Simplification never merges an observed
    // segment with an inferred one, so dashes stay exactly where they were.
    TrackLevels(std::vector<geo::WorldPoint> points, std::vector<bool> observed);

    std::span<const geo::WorldPoint> points() const { return m_points; }
    bool segmentObserved(std::uint32_t endIndex) const { return m_observed[endIndex]; }
    const QRectF& bounds() const { return m_bounds; }

    const Level& level(int band) const;
    static int bandForZoom(double zoom);
    // The tolerance of a band: under half a pixel anywhere in it.
    static double toleranceForBand(int band);

private:
    Level build(int band) const;

    std::vector<geo::WorldPoint> m_points;
    std::vector<bool> m_observed;
    QRectF m_bounds;
    mutable std::array<std::once_flag, kBands> m_once;
    mutable std::array<Level, kBands> m_levels;
};

} // namespace wake::ui
