#pragma once

// Every vessel at one moment, as the live session or the store knows it:
// drawn as ship symbols by type with their course, names at harbour zoom.
// Where more symbols than kDotThreshold fall on screen they would pile up,
// so each is a small dot in its type's colour instead of a ship symbol.

#include "geo/web_mercator.h"
#include "model/vessel.h"

#include <QColor>
#include <QString>

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
    std::optional<int> aisShipType;
    QString name;
    bool stale = false; // drawn fainter
};

class TrafficLayer
{
public:
    static constexpr std::size_t kDotThreshold = 4000;

    void setTargets(std::vector<TrafficTarget> targets);
    const std::vector<TrafficTarget>& targets() const { return m_targets; }
    bool isEmpty() const { return m_targets.empty(); }

    void paint(QPainter& p, const MapViewport& vp, bool withNames) const;
    // The target under a screen point (8 px), nearest first.
    const TrafficTarget* hit(QPointF screen, const MapViewport& vp) const;

private:
    std::vector<TrafficTarget> m_targets;
    std::vector<geo::WorldPoint> m_world; // projected once per update
    std::vector<QColor> m_colours;
};

} // namespace wake::ui
