#pragma once

// Every vessel at one moment, as the live session or the store knows it:
// drawn as ship symbols by type with their course, names at harbour zoom.
// Where more symbols than kDotThreshold fall on screen they would pile up,
// so the layer becomes a density map instead: vessels per small cell.

#include "core/geo/web_mercator.h"
#include "core/model/vessel.h"

#include <QColor>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace wake::ui {

class MapViewport;

struct TrafficTarget
{
    model::VesselId vesselId = 0;
    double latDeg = 0.0;
    double lonDeg = 0.0;
    std::optional<double> courseDeg; // heading, else course over ground
    std::optional<double> cogDeg;    // course over ground, for its vector
    std::optional<double> sogKnots;
    std::optional<int> aisShipType;
    QString name;
    std::optional<std::uint32_t> mmsi;
    bool stale = false; // drawn fainter

    // What a hover says: the name and the MMSI, as far as they are known;
    // never the store's internal id, which means nothing to a reader.
    QString label() const;
};

class TrafficLayer
{
public:
    static constexpr std::size_t kDotThreshold = 4000;
    static constexpr int kDensityCellPx = 4;
    // Targets are filed in kBuckets x kBuckets cells of the world, so a
    // harbour view looks at the few cells it shows, not at every vessel.
    static constexpr int kBuckets = 256;

    void setTargets(std::vector<TrafficTarget> targets);
    const std::vector<TrafficTarget>& targets() const { return m_targets; }
    bool isEmpty() const { return m_targets.empty(); }

    void paint(QPainter& p, const MapViewport& vp, bool withNames) const;
    // The target under a screen point (8 px), nearest first.
    const TrafficTarget* hit(QPointF screen, const MapViewport& vp) const;

    // Screen positions of the targets within marginPx of the view, every world copy.
    std::vector<std::pair<QPointF, std::size_t>> onScreen(const MapViewport& vp,
                                                          double marginPx) const;

private:
    void paintDensity(QPainter& p, const MapViewport& vp,
                      const std::vector<std::pair<QPointF, std::size_t>>& visible) const;

    std::vector<TrafficTarget> m_targets;
    std::vector<geo::WorldPoint> m_world; // projected once per update
    std::vector<QColor> m_colours;
    std::vector<std::vector<std::uint32_t>> m_buckets;
};

} // namespace wake::ui
