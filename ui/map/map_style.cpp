#include "ui/map/map_style.h"

#include "core/geo/web_mercator.h"
#include "ui/map/map_viewport.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <numbers>
#include <unordered_map>
#include <vector>

namespace wake::ui::style {

namespace {
thread_local const MapPalette* t_palette = nullptr;
thread_local double t_textScale = 0; // 0: none set on this thread
std::atomic<double> g_textScale{1.0};
} // namespace

const MapPalette& lightPalette()
{
    static const MapPalette p{kSea,
                              kLand,
                              kCoast,
                              kBorder,
                              kGraticule,
                              kGraticule.darker(150),
                              kPort,
                              kPortOutline,
                              kPortText,
                              kPlace,
                              kPlaceOutline,
                              kPlaceText,
                              QColor(255, 255, 255, 210),
                              QColor(255, 255, 255, 200),
                              QColor(0x22, 0x22, 0x22),
                              QColor(0x1b, 0x1b, 0x1b)};
    return p;
}

const MapPalette& darkPalette()
{
    // Night-chart colours: dark water, darker land, light text on dark halos.
    static const MapPalette p{
        QColor(0x1b, 0x2a, 0x3a),      QColor(0x2c, 0x2f, 0x33),       QColor(0x5f, 0x77, 0x8c),
        QColor(0x7a, 0x66, 0x66),      QColor(0x52, 0x6b, 0x82, 0x90), QColor(0x8f, 0xa5, 0xb9),
        QColor(0xa9, 0xb8, 0xc6),      QColor(0x1b, 0x2a, 0x3a),       QColor(0xcf, 0xd8, 0xe0),
        QColor(0x9d, 0xb4, 0xff),      QColor(0x1b, 0x2a, 0x3a),       QColor(0xc4, 0xd1, 0xff),
        QColor(0x14, 0x18, 0x1c, 220), QColor(0x23, 0x26, 0x2a, 215),  QColor(0xe6, 0xe6, 0xe6),
        QColor(0xf0, 0xf0, 0xf0)};
    return p;
}

const MapPalette& palette()
{
    return t_palette != nullptr ? *t_palette : lightPalette();
}

UsePalette::UsePalette(bool dark, double textScale)
    : m_before(t_palette), m_textScaleBefore(t_textScale)
{
    t_palette = dark ? &darkPalette() : &lightPalette();
    t_textScale = textScale;
}

UsePalette::~UsePalette()
{
    t_palette = m_before;
    t_textScale = m_textScaleBefore;
}

void setTextScale(double scale)
{
    g_textScale = scale;
}

double textScale()
{
    return t_textScale > 0 ? t_textScale : g_textScale.load();
}

QFont labelFont(int pointSize, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(pointSize * textScale());
    f.setBold(bold);
    return f;
}

double portMinZoom(model::HarborSize size)
{
    switch (size) {
    case model::HarborSize::Large:
        return 3.0;
    case model::HarborSize::Medium:
        return 4.5;
    case model::HarborSize::Small:
        return 6.0;
    case model::HarborSize::VerySmall:
        return 7.5;
    case model::HarborSize::Unknown:
        break;
    }
    return 9.0;
}

QColor reconstructed(const QColor& color)
{
    QColor c = color;
    c.setAlpha(170);
    return c.lighter(125);
}

QString shortPlaceName(const QString& place)
{
    qsizetype cut = place.size();
    for (const QChar stop : {QLatin1Char('('), QLatin1Char(',')}) {
        const qsizetype i = place.indexOf(stop);
        if (i > 0) {
            cut = std::min(cut, i);
        }
    }
    return place.left(cut).trimmed();
}

void drawHaloText(QPainter& p, QPointF baseline, const QString& text, const QColor& color)
{
    // Outlining glyphs and stroking the halo costs far more than the label
    // is worth each frame: each label is drawn once into an image (per
    // thread, as the static layers render on a worker) and copied after.
    struct Label
    {
        QImage image;
        QPointF offset; // from the baseline to the image's top-left corner
    };
    thread_local QHash<QString, Label> labels;
    const qreal dpr = p.device() != nullptr ? p.device()->devicePixelRatioF() : 1.0;
    const QColor halo = palette().halo;
    const QString key = text + QChar(0x1f) + p.font().key() + QChar(0x1f) +
                        QString::number(color.rgba()) + QChar(0x1f) + QString::number(halo.rgba()) +
                        QChar(0x1f) + QString::number(dpr);
    auto it = labels.find(key);
    if (it == labels.end()) {
        if (labels.size() > 4096) {
            labels.clear();
        }
        QPainterPath path;
        path.addText(QPointF(0, 0), p.font(), text);
        const QRectF bounds = path.boundingRect().adjusted(-3, -3, 3, 3);
        QImage image((bounds.size() * dpr).toSize() + QSize(1, 1),
                     QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        QPainter ip(&image);
        ip.setRenderHint(QPainter::Antialiasing, true);
        ip.translate(-bounds.topLeft());
        ip.setBrush(Qt::NoBrush);
        ip.setPen(QPen(halo, 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        ip.drawPath(path);
        ip.setPen(Qt::NoPen);
        ip.setBrush(color);
        ip.drawPath(path);
        ip.end();
        it = labels.insert(key, {std::move(image), bounds.topLeft()});
    }
    const QPointF at = baseline + it->offset;
    p.drawImage(QPointF(std::round(at.x()), std::round(at.y())), it->image);
}

CalloutPlacement placeSeizureCallout(QPointF at, const QStringList& callouts, QSizeF viewSize,
                                     const QRectF& keepClear)
{
    const QFontMetricsF fm(labelFont(9, true));
    auto placed = [&](QSizeF boxSize, bool toLeft, bool below) {
        const double preferredX = toLeft ? at.x() - 18 - boxSize.width() : at.x() + 18;
        const double x =
            std::clamp(preferredX, 4.0, std::max(4.0, viewSize.width() - boxSize.width() - 4));
        return QRectF(QPointF(x, below ? at.y() + 38 - boxSize.height() + 8 : at.y() - 38),
                      boxSize);
    };
    const QRectF view(QPointF(0, 0), viewSize);
    for (const QString& wording : callouts) {
        const QSizeF size = fm.boundingRect(wording).size() + QSizeF(14, 8);
        for (const auto& [left, under] : {std::pair{false, false}, std::pair{true, false},
                                          std::pair{false, true}, std::pair{true, true}}) {
            const QRectF candidate = placed(size, left, under);
            if (view.contains(candidate) && !candidate.intersects(keepClear)) {
                return {wording, candidate, left, under};
            }
        }
    }
    const QString shortest = callouts.back();
    const QSizeF size = fm.boundingRect(shortest).size() + QSizeF(14, 8);
    const bool toLeft = at.x() + 18 + size.width() > viewSize.width() - 4;
    return {shortest, placed(size, toLeft, false), toLeft, false};
}

void drawSeizureMarker(QPainter& p, QPointF at, const QStringList& callouts, QSizeF viewSize,
                       const QRectF& keepClear)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(Qt::white, 2.0));
    p.setBrush(kSeizure);
    p.drawEllipse(at, 10, 10);
    p.setPen(QPen(Qt::white, 2.6, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(at + QPointF(-4.5, -4.5), at + QPointF(4.5, 4.5));
    p.drawLine(at + QPointF(-4.5, 4.5), at + QPointF(4.5, -4.5));
    if (callouts.isEmpty()) {
        p.restore();
        return; // a copy of the world that is not the one labelled
    }

    p.setFont(labelFont(9, true));
    const CalloutPlacement c = placeSeizureCallout(at, callouts, viewSize, keepClear);
    p.setPen(QPen(kSeizure, 1.5));
    const QPointF corner =
        c.below
            ? (c.toLeft ? c.box.topRight() - QPointF(8, 0) : c.box.topLeft() + QPointF(8, 0))
            : (c.toLeft ? c.box.bottomRight() - QPointF(8, 0) : c.box.bottomLeft() + QPointF(8, 0));
    p.drawLine(at + QPointF(c.toLeft ? -7 : 7, c.below ? 7 : -7), corner);
    p.setBrush(QColor(255, 255, 255, 235));
    p.drawRoundedRect(c.box, 4, 4);
    p.setPen(kSeizure);
    p.drawText(c.box.adjusted(7, 4, -7, -4), Qt::AlignLeft | Qt::AlignVCenter, c.text);
    p.restore();
}

namespace {

// The largest 1, 2 or 5 x 10^k not above limit.
double niceBelow(double limit)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(limit)));
    for (double f : {5.0, 2.0, 1.0}) {
        if (f * magnitude <= limit) {
            return f * magnitude;
        }
    }
    return magnitude;
}

} // namespace

void drawScaleBar(QPainter& p, const MapViewport& vp)
{
    const double latDeg = geo::unproject(vp.center()).latDeg;
    const double metresPerPx = geo::metresPerWorldUnit(latDeg) / vp.scale();
    constexpr double kMaxBarPx = 130.0;
    const double nm = niceBelow(kMaxBarPx * metresPerPx / 1852.0);
    const double km = niceBelow(kMaxBarPx * metresPerPx / 1000.0);
    const double nmPx = nm * 1852.0 / metresPerPx;
    const double kmPx = km * 1000.0 / metresPerPx;
    const QPointF origin(12, vp.size().height() - 30);
    p.save();
    p.setFont(labelFont(8));
    p.setPen(Qt::NoPen);
    p.setBrush(palette().panel);
    p.drawRoundedRect(QRectF(origin + QPointF(-6, -16), QSizeF(std::max(nmPx, kmPx) + 70, 36)), 3,
                      3);
    p.setPen(QPen(palette().panelText, 1.5));
    p.drawLine(origin, origin + QPointF(nmPx, 0));
    p.drawLine(origin + QPointF(0, 12), origin + QPointF(kmPx, 12));
    auto fmt = [](double v) {
        return v >= 1 ? QString::number(v, 'g', 6) : QString::number(v);
    };
    p.drawText(origin + QPointF(nmPx + 5, 4), fmt(nm) + QStringLiteral(" nm"));
    p.drawText(origin + QPointF(kmPx + 5, 16), fmt(km) + QStringLiteral(" km"));
    p.restore();
}

namespace {

void paintVesselShape(QPainter& p, QPointF at, std::optional<double> courseDeg, ShipClass type,
                      const QColor& fill, double size, double outline)
{
    if (!courseDeg) {
        p.save();
        drawGlyph(p, at, shipBadge(type), fill, 4.5 * size);
        p.restore();
        return;
    }
    p.setPen(QPen(Qt::white, outline));
    p.setBrush(fill);
    // The class's hull, bow up (screen y down), rotated clockwise by the course.
    const double rad = *courseDeg * std::numbers::pi / 180.0;
    const double c = std::cos(rad) * size;
    const double s = std::sin(rad) * size;
    QPolygonF hull = shipHull(type);
    for (QPointF& point : hull) {
        point = at + QPointF(point.x() * c - point.y() * s, point.x() * s + point.y() * c);
    }
    p.drawPolygon(hull);
}

// Antialiased outlined polygons cost microseconds each, and the world view
// shows a thousand ships twice. Each (colour, course in 5-degree steps) is
// drawn once into a small image and then only copied. GUI thread only.
const QImage& vesselSprite(ShipClass type, const QColor& fill, std::optional<double> courseDeg,
                           qreal dpr)
{
    constexpr int kSteps = 72;
    constexpr int kSidePx = 22;
    const int bucket =
        courseDeg ? static_cast<int>(std::lround(*courseDeg / (360.0 / kSteps))) % kSteps : kSteps;
    const std::uint64_t key =
        (std::uint64_t{fill.rgba()} << 24) | (static_cast<std::uint64_t>(type) << 16) |
        (std::uint64_t(bucket) << 8) | static_cast<std::uint64_t>(std::lround(dpr * 4));
    static std::unordered_map<std::uint64_t, QImage> sprites;
    auto it = sprites.find(key);
    if (it == sprites.end()) {
        QImage image(QSize(kSidePx, kSidePx) * dpr, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        const QPointF centre(kSidePx / 2.0, kSidePx / 2.0);
        if (bucket < kSteps) {
            paintVesselShape(p, centre, bucket * (360.0 / kSteps), type, fill, 1.0, 1.0);
        } else {
            paintVesselShape(p, centre, std::nullopt, type, fill, 1.0, 1.0);
        }
        p.end();
        it = sprites.emplace(key, std::move(image)).first;
    }
    return it->second;
}

} // namespace

void drawVesselSymbol(QPainter& p, QPointF at, std::optional<double> courseDeg, ShipClass type,
                      const QColor& fill, bool emphasised)
{
    if (emphasised) {
        // One ship: drawn exactly, larger, in a ring. A ring, not a disc: the
        // white halo it was covered the port names under the ship.
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(palette().halo, 3.0));
        p.drawEllipse(at, 13, 13);
        p.setPen(QPen(fill, 1.4));
        p.drawEllipse(at, 13, 13);
        paintVesselShape(p, at, courseDeg, type, fill, 1.6, 1.6);
        return;
    }
    const QImage& sprite = vesselSprite(type, fill, courseDeg, p.device()->devicePixelRatio());
    const QSizeF half = sprite.deviceIndependentSize() / 2;
    p.drawImage(QPointF(std::round(at.x() - half.width()), std::round(at.y() - half.height())),
                sprite);
}

void drawListedMark(QPainter& p, QPointF at, bool emphasised)
{
    const double r = emphasised ? 17.0 : 10.0;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(palette().halo, 4.0));
    p.drawEllipse(at, r, r);
    p.setPen(QPen(okabe_ito::kVermillion, 2.0));
    p.drawEllipse(at, r, r);
    // A tab at north-east, so the mark reads without colour too.
    const QPointF tab = at + QPointF(r * 0.707, -r * 0.707);
    p.setPen(QPen(palette().halo, 1.0));
    p.setBrush(okabe_ito::kVermillion);
    p.drawRect(QRectF(tab - QPointF(3.5, 3.5), QSizeF(7, 7)));
    p.restore();
}

void drawAttribution(QPainter& p, QSizeF size, const QString& text)
{
    p.save();
    p.setFont(labelFont(7));
    const QFontMetricsF fm(p.font());
    const QString line = QStringLiteral("Map data: ") + text;
    const QRectF r(size.width() - fm.horizontalAdvance(line) - 12, size.height() - fm.height() - 4,
                   fm.horizontalAdvance(line) + 10, fm.height() + 2);
    p.setPen(Qt::NoPen);
    p.setBrush(palette().panel);
    p.drawRect(r);
    p.setPen(palette().panelText);
    p.drawText(r, Qt::AlignCenter, line);
    p.restore();
}

namespace {

QStringList legendLines(bool withEnvelopes)
{
    QStringList lines = {
        QStringLiteral("reported place on a reported date (port reference point)"),
        QStringLiteral("reconstructed: a plausible sea route between reported places; the route "
                       "and speed were not reported")};
    if (withEnvelopes) {
        lines << QStringLiteral("AIS off: the edge of where the ship could have been, and ports "
                                "within reach (reconstruction)");
    }
    return lines;
}

constexpr double kLegendSymbol = 42;

// Where each line of the legend goes. It sits bottom-right, above the attribution, where a
// fitted voyage leaves the most open sea, and wraps rather than running off a narrow map.
struct LegendLayout
{
    QRectF box;
    std::vector<QRectF> rows; // text rectangles
};

LegendLayout layOutLegend(const QFontMetricsF& fm, QSizeF size, const QStringList& lines)
{
    const double textWidth = std::clamp(size.width() * 0.45 - kLegendSymbol, 120.0, 460.0);
    double used = 0;
    double height = 10;
    std::vector<QRectF> bounds;
    for (const QString& line : lines) {
        bounds.push_back(fm.boundingRect(QRectF(0, 0, textWidth, 1e6),
                                         Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, line));
        used = std::max(used, bounds.back().width());
        height += bounds.back().height() + 2;
    }
    const double w = used + kLegendSymbol + 8;
    const double bottom = size.height() - fm.height() - 10; // clear of the attribution line
    LegendLayout layout{QRectF(size.width() - w - 10, bottom - height, w, height), {}};
    double y = layout.box.top() + 5;
    for (const QRectF& b : bounds) {
        layout.rows.emplace_back(layout.box.left() + kLegendSymbol, y, used + 2, b.height() + 2);
        y += b.height() + 2;
    }
    return layout;
}

QFont legendFont()
{
    return labelFont(8);
}

} // namespace

QRectF legendBox(QSizeF size, bool withEnvelopes)
{
    return layOutLegend(QFontMetricsF(legendFont()), size, legendLines(withEnvelopes)).box;
}

void drawLegend(QPainter& p, QSizeF size, bool withEnvelopes)
{
    p.save();
    p.setFont(legendFont());
    const QFontMetricsF fm(p.font());
    const QStringList lines = legendLines(withEnvelopes);
    const LegendLayout layout = layOutLegend(fm, size, lines);
    const QRectF& box = layout.box;
    p.setPen(Qt::NoPen);
    p.setBrush(palette().panel);
    p.drawRoundedRect(box, 4, 4);
    auto rowY = [&](int row) {
        return layout.rows[row].top() + fm.height() / 2;
    };
    p.setPen(QPen(Qt::white, 1.2));
    p.setBrush(kTrack);
    p.drawEllipse(QPointF(box.left() + 20, rowY(0)), 3.5, 3.5);
    p.setPen(QPen(reconstructed(kTrack), 1.8, Qt::DashLine));
    p.drawLine(QPointF(box.left() + 8, rowY(1)), QPointF(box.left() + 34, rowY(1)));
    if (withEnvelopes) {
        p.setPen(QPen(kEnvelope, 1.4, Qt::DashLine));
        p.drawLine(QPointF(box.left() + 8, rowY(2)), QPointF(box.left() + 24, rowY(2)));
        p.setPen(QPen(kEnvelope, 1.2));
        p.setBrush(Qt::white);
        p.drawRect(QRectF(box.left() + 27, rowY(2) - 3, 6, 6));
    }
    p.setPen(palette().panelText);
    for (int row = 0; row < lines.size(); ++row) {
        p.drawText(layout.rows[row], Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, lines[row]);
    }
    p.restore();
}

} // namespace wake::ui::style
