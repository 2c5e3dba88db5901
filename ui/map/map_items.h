#pragma once

// What on the map a user can pick (ships and event markers in view), with
// the words a screen reader says for each: the map's accessible children.

#include "ui/map/map_renderer.h"

#include <QPointF>
#include <QString>

#include <cstddef>
#include <vector>

namespace wake::ui {

class MapViewport;

struct MapItem
{
    MapHit::Kind kind = MapHit::Kind::Event;
    std::size_t index = 0; // as in MapHit
    QPointF at;            // on screen
    QString name;          // "Seizure: Seized by Panama"
    QString description;   // "15 Jul 2013 · high confidence"
    bool operator==(const MapItem&) const = default;
};

// The selectable items inside the view, the scene's vessels first, then the
// events, then other traffic, at most `limit` of them (a world view of a
// fleet would list thousands).
std::vector<MapItem> selectableItems(const MapRenderer& renderer, const MapViewport& vp,
                                     std::size_t limit = 500);

} // namespace wake::ui
