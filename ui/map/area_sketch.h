#pragma once

// An area being drawn on the map: a box dragged from corner to corner, or a
// polygon clicked vertex by vertex and closed (double-click or Enter). The
// points are in latitude and longitude, the longitudes left unwrapped as the
// screen gives them, so a shape drawn across 180 stays one shape.

#include "core/geo/area.h"
#include "core/model/lat_lon.h"

#include <optional>
#include <vector>

namespace wake::ui {

class AreaSketch
{
public:
    enum class Shape
    {
        Box,
        Polygon
    };
    explicit AreaSketch(Shape shape) : m_shape(shape) {}

    Shape shape() const { return m_shape; }
    // Box: the first corner (a drag begins). Polygon: nothing yet.
    void begin(model::LatLon at);
    // The pointer moved: the box's other corner, the polygon's next edge.
    void hover(model::LatLon at);
    // Box: the drag ended at its other corner. Polygon: a vertex clicked.
    void click(model::LatLon at);
    // Polygon: the last vertex taken back.
    void undo();
    // Whether area() can give a shape now.
    bool isComplete() const;
    // The finished area (a box of two corners, or a polygon of three or more
    // vertices with any area), named `name`.
    std::optional<geo::Area> area(const QString& name = {}) const;
    // What to draw: the corners or vertices so far and the pointer, closed
    // back to the first.
    std::vector<model::LatLon> outline() const;
    std::size_t vertexCount() const { return m_points.size(); }

private:
    Shape m_shape;
    std::vector<model::LatLon> m_points; // box: the first corner; polygon: the vertices
    std::optional<model::LatLon> m_pointer;
    std::optional<model::LatLon> m_corner; // box: the second corner, once released
};

} // namespace wake::ui
