#pragma once

// Colours, fonts and glyphs of the map, in one place.

#include "core/model/event.h"
#include "core/model/port.h"
#include "ui/map/map_glyphs.h"

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>

class QPainter;

namespace wake::ui {
class MapViewport;
}

namespace wake::ui::style {

inline const QColor kSea{0xb9, 0xd3, 0xe6};
inline const QColor kLand{0xf2, 0xef, 0xe6};
inline const QColor kCoast{0x7d, 0x93, 0xa6};
inline const QColor kBorder{0xa8, 0x90, 0x90};
inline const QColor kGraticule{0x8a, 0xa6, 0xbd, 0x90};
inline const QColor kPort{0x4b, 0x5d, 0x6e};
inline const QColor kPortOutline{0xff, 0xff, 0xff};
inline const QColor kPortText{0x33, 0x40, 0x4d};
inline const QColor kPlace{0x23, 0x3b, 0x8c};
// Learned places: Okabe-Ito's bluish green, a ring with a light fill.
inline const QColor kLearnedPlace{0x00, 0x9e, 0x73};
inline const QColor kPlaceOutline{0xff, 0xff, 0xff};
inline const QColor kPlaceText{0x1a, 0x2a, 0x66};
inline const QColor kTrack{0xc2, 0x41, 0x0c};
inline const QColor kEnvelope{0x6a, 0x1b, 0x9a}; // AIS gaps and where the ship could have been
// Other vessels under way in the same period: present, but behind the selected one.
inline const QColor kOtherTrack{0x6f, 0x7f, 0x8f, 0xb0};
// A vessel the selected one met (Okabe-Ito's blue): found at once among many.
inline const QColor kPartnerTrack{0x00, 0x72, 0xb2};

// The basemap's colours and those of what is drawn on it as text and
// panels, light or dark (View → Theme). The painting on a thread uses the
// palette a UsePalette set there (the static layers paint on a worker).
struct MapPalette
{
    QColor sea, land, coast, border, graticule, graticuleText;
    QColor port, portOutline, portText, place, placeOutline, placeText;
    QColor halo;             // round map labels
    QColor panel, panelText; // scale bar, attribution, legend
    QColor vesselText;       // ships' names
};
const MapPalette& lightPalette();
const MapPalette& darkPalette();
const MapPalette& palette(); // this thread's
// Also the text scale of the map's labels on this thread (a map painted on a
// worker takes it from its layer set, not from the window).
class UsePalette
{
public:
    explicit UsePalette(bool dark, double textScale = 1.0);
    ~UsePalette();
    UsePalette(const UsePalette&) = delete;
    UsePalette& operator=(const UsePalette&) = delete;

private:
    const MapPalette* m_before;
    double m_textScaleBefore;
};

// View → Text size: labels of the map, the timeline and the charts follow
// it. A UsePalette on the thread overrides it.
void setTextScale(double scale);
double textScale();
// DejaVu Sans at pointSize times the text scale.
QFont labelFont(int pointSize, bool bold = false);
// The zoom from which a reference port is drawn: larger harbours earlier.
double portMinZoom(model::HarborSize size);
// A lighter version of a track colour for reconstructed (inferred) segments.
QColor reconstructed(const QColor& color);
// "Manzanillo International Terminal (MIT), Colón, Panama" -> "Manzanillo International Terminal".
QString shortPlaceName(const QString& place);

void drawHaloText(QPainter& p, QPointF baseline, const QString& text, const QColor& color);
// Where a seizure's callout goes: the longest of callouts (longest first) that fits above right
// of the marker, else above left, else below, in the view and clear of keepClear (the legend).
// Where none fits, the shortest goes above.
struct CalloutPlacement
{
    QString text;
    QRectF box;
    bool toLeft = false;
    bool below = false;
};
CalloutPlacement placeSeizureCallout(QPointF at, const QStringList& callouts, QSizeF viewSize,
                                     const QRectF& keepClear);
// The callout is the longest of callouts (longest first) that fits above right of the marker,
// or elsewhere next to it, in the view and clear of keepClear (the legend). No callouts: the
// marker alone.
void drawSeizureMarker(QPainter& p, QPointF at, const QStringList& callouts, QSizeF viewSize,
                       const QRectF& keepClear = {});
// The class's hull pointing along the course (degrees from north), or the
// class's badge when the course is unknown (map_glyphs.h). `emphasised` draws
// it larger in a ring.
void drawVesselSymbol(QPainter& p, QPointF at, std::optional<double> courseDeg, ShipClass type,
                      const QColor& fill, bool emphasised);
// The mark of a ship on a sanctions or watch list: a vermillion ring with a
// tick at north-east, outside the ship's own symbol (or its focus ring).
void drawListedMark(QPainter& p, QPointF at, bool emphasised);
void drawScaleBar(QPainter& p, const MapViewport& vp);
void drawAttribution(QPainter& p, QSizeF size, const QString& text);
// withEnvelopes adds the line for the reachability of dark periods.
void drawLegend(QPainter& p, QSizeF size, bool withEnvelopes = false);
// Where drawLegend puts its box in a view of this size.
QRectF legendBox(QSizeF size, bool withEnvelopes = false);

} // namespace wake::ui::style
