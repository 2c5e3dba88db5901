#include "ui/replay/replay_icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace wake::ui {

namespace {

void paintGlyph(QPainter& p, ReplayIcon kind, double s)
{
    const auto triangle = [&](double left, double right, bool pointsRight) {
        QPainterPath path;
        if (pointsRight) {
            path.moveTo(left, s * 0.2);
            path.lineTo(right, s * 0.5);
            path.lineTo(left, s * 0.8);
        } else {
            path.moveTo(right, s * 0.2);
            path.lineTo(left, s * 0.5);
            path.lineTo(right, s * 0.8);
        }
        path.closeSubpath();
        p.drawPath(path);
    };
    switch (kind) {
    case ReplayIcon::Play:
        triangle(s * 0.3, s * 0.8, true);
        break;
    case ReplayIcon::Pause:
        p.drawRect(QRectF(s * 0.28, s * 0.2, s * 0.15, s * 0.6));
        p.drawRect(QRectF(s * 0.57, s * 0.2, s * 0.15, s * 0.6));
        break;
    case ReplayIcon::PreviousEvent:
        p.drawRect(QRectF(s * 0.2, s * 0.2, s * 0.1, s * 0.6));
        triangle(s * 0.32, s * 0.78, false);
        break;
    case ReplayIcon::NextEvent:
        triangle(s * 0.22, s * 0.68, true);
        p.drawRect(QRectF(s * 0.7, s * 0.2, s * 0.1, s * 0.6));
        break;
    }
}

} // namespace

QIcon replayIcon(ReplayIcon kind, const QColor& color)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        paintGlyph(p, kind, size);
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace wake::ui
