#include "ui/video/replay_video.h"

#include "core/replay/clock_text.h"
#include "ui/map/map_style.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace wake::ui {

int ReplayVideoOptions::frameCount() const
{
    return std::max(2, static_cast<int>(std::lround(durationS * fps)));
}

std::int64_t ReplayVideoOptions::timeOfFrame(int i) const
{
    const double share = static_cast<double>(i) / (frameCount() - 1);
    return fromUtcMs + static_cast<std::int64_t>(
                           std::llround(share * static_cast<double>(toUtcMs - fromUtcMs)));
}

std::int64_t ReplayVideoOptions::captionHoldMs() const
{
    const double replayPerVideoSecond = static_cast<double>(toUtcMs - fromUtcMs) / durationS;
    return static_cast<std::int64_t>(4.0 * replayPerVideoSecond);
}

QSize evenVideoSize(QSize requested)
{
    return {std::max(64, requested.width() & ~1), std::max(64, requested.height() & ~1)};
}

namespace {

const model::Event* lastReached(const MapScene& scene, std::int64_t t)
{
    const model::Event* last = nullptr;
    for (const model::Event& e : scene.events) {
        if (e.position && e.time.startUtcMs <= t &&
            (!last || e.time.startUtcMs >= last->time.startUtcMs)) {
            last = &e;
        }
    }
    return last;
}

// The caption of e at replay time t, once e is reached; empty after the hold.
QString captionOf(const model::Event* e, std::int64_t timeUtcMs, std::int64_t holdMs)
{
    if (!e || timeUtcMs - e->time.startUtcMs > holdMs) {
        return {};
    }
    // The date as the source gave it: a day-precision event has no hour.
    const QString when = !e->reportedTime.isEmpty()
                             ? e->reportedTime
                             : QDateTime::fromMSecsSinceEpoch(e->time.startUtcMs, Qt::UTC)
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    return when + QStringLiteral(" · ") + e->title;
}

} // namespace

QString captionAt(const MapScene& scene, std::int64_t timeUtcMs, std::int64_t holdMs)
{
    return captionOf(lastReached(scene, timeUtcMs), timeUtcMs, holdMs);
}

QString videoClockAt(const MapScene& scene, std::int64_t timeUtcMs)
{
    // The focused ship's clock; with no focus, a time of day as soon as any
    // ship shown is between AIS fixes (the hour is then observed).
    if (scene.focusTrack && *scene.focusTrack < scene.tracks.size()) {
        return replay::clockText(
            timeUtcMs, replay::sampleTrack(scene.tracks[*scene.focusTrack].points, timeUtcMs),
            replay::ClockStyle::Video);
    }
    std::optional<replay::VesselState> shown;
    for (const MapTrack& track : scene.tracks) {
        shown = replay::sampleTrack(track.points, timeUtcMs);
        if (replay::hasTimeOfDay(shown)) {
            break;
        }
    }
    return replay::clockText(timeUtcMs, shown, replay::ClockStyle::Video);
}

void paintVideoOverlay(QPainter& p, QSize size, const QString& clock, const QString& caption)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const double scale = std::max(1.0, size.height() / 720.0);
    QFont font = p.font();
    font.setPixelSize(static_cast<int>(std::lround(20 * scale)));
    font.setBold(true);
    p.setFont(font);
    auto box = [&](const QString& text, QPointF anchor, Qt::Alignment align) {
        const QRectF textRect = p.fontMetrics().boundingRect(text);
        const double pad = 8 * scale;
        QRectF r(0, 0, textRect.width() + 2 * pad, textRect.height() + pad);
        if (align & Qt::AlignHCenter) {
            r.moveCenter(QPointF(anchor.x(), anchor.y() - r.height() / 2));
        } else {
            r.moveTopLeft(anchor);
        }
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 170));
        p.drawRoundedRect(r, 6 * scale, 6 * scale);
        p.setPen(Qt::white);
        p.drawText(r, Qt::AlignCenter, text);
    };
    box(clock, QPointF(12 * scale, 12 * scale), Qt::AlignLeft);
    if (!caption.isEmpty()) {
        QString text = caption;
        const int maxWidth = size.width() - static_cast<int>(40 * scale);
        text = p.fontMetrics().elidedText(text, Qt::ElideRight, maxWidth);
        box(text, QPointF(size.width() / 2.0, size.height() - 48 * scale), Qt::AlignHCenter);
    }
    p.restore();
}

Status renderReplayVideo(MapRenderer& renderer, const MapViewport& viewport,
                         const ReplayVideoOptions& options, FrameSink& sink,
                         const std::function<bool(int, int)>& progress)
{
    const QSize size = viewport.size().toSize();
    QImage base(size, QImage::Format_ARGB32_Premultiplied);
    base.fill(renderer.isDark() ? style::darkPalette().sea : style::kSea);
    {
        QPainter p(&base);
        renderer.staticLayers().paint(p, viewport);
    }
    const int total = options.frameCount();
    const std::int64_t hold = options.captionHoldMs();
    for (int i = 0; i < total; ++i) {
        const std::int64_t t = options.timeOfFrame(i);
        renderer.setTime(t);
        const model::Event* reached = lastReached(renderer.scene(), t);
        renderer.setHighlightedEvent(reached ? std::optional(reached->id) : std::nullopt);
        QImage frame = base.copy();
        {
            QPainter p(&frame);
            renderer.paintDynamic(p, viewport);
            paintVideoOverlay(p, size, videoClockAt(renderer.scene(), t),
                              captionOf(reached, t, hold));
        }
        if (Status s = sink.write(frame); !s) {
            sink.cancel();
            return s;
        }
        if (progress && !progress(i + 1, total)) {
            sink.cancel();
            return Error{Error::Code::Io, QStringLiteral("cancelled"), {}};
        }
    }
    return sink.finish();
}

} // namespace wake::ui
