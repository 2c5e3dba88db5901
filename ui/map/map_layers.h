#pragma once

// The layers of the map, for the View menu and for the renderer.

#include <array>
#include <cstddef>

namespace wake::ui {

enum class MapLayer
{
    Basemap,
    Borders,
    Graticule,
    Ports,
    Tracks,
    Vessels,
    Events,
    Overlays, // scale and attribution
    Legend,   // what the track's lines mean; can be closed on its own
    Count
};

// How the tracks of the vessels around the selected one are drawn. Faint by
// default: with hundreds of vessels their full tracks buried the selection
// and its encounter partner. The selected vessel's track (MapLayer::Tracks)
// and its partners' are drawn whatever this says.
enum class OtherTracks
{
    Hidden,
    Faint,
    Full,
};

class MapLayerSet
{
public:
    MapLayerSet() { m_visible.fill(true); }
    bool contains(MapLayer layer) const { return m_visible[static_cast<std::size_t>(layer)]; }
    void set(MapLayer layer, bool visible) { m_visible[static_cast<std::size_t>(layer)] = visible; }
    OtherTracks otherTracks() const { return m_otherTracks; }
    void setOtherTracks(OtherTracks how) { m_otherTracks = how; }
    // The dark basemap (View → Theme → Dark).
    bool dark() const { return m_dark; }
    void setDark(bool dark) { m_dark = dark; }
    // The labels' size relative to normal (View → Text size).
    double textScale() const { return m_textScale; }
    void setTextScale(double scale) { m_textScale = scale; }
    friend bool operator==(const MapLayerSet&, const MapLayerSet&) = default;

private:
    std::array<bool, static_cast<std::size_t>(MapLayer::Count)> m_visible{};
    OtherTracks m_otherTracks = OtherTracks::Faint;
    bool m_dark = false;
    double m_textScale = 1.0;
};

} // namespace wake::ui
