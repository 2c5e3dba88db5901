#pragma once

// A replay as video frames: the map of one view at evenly spaced replay
// times from `from` to `to`, with the clock (replay/clock_text.h) and the caption of the event
// the replay last reached burned in. The static layers are drawn once; each
// frame adds the moving parts (the travelled track, the ships, events).

#include "ui/map/map_renderer.h"
#include "ui/map/map_viewport.h"
#include "ui/video/frame_sink.h"

#include <functional>

namespace wake::ui {

struct ReplayVideoOptions
{
    std::int64_t fromUtcMs = 0;
    std::int64_t toUtcMs = 0;
    double durationS = 20.0;
    int fps = 25;

    int frameCount() const;
    // The replay time of frame i (0 .. frameCount()-1).
    std::int64_t timeOfFrame(int i) const;
    // How long a caption stays: four seconds of video, in replay time.
    std::int64_t captionHoldMs() const;
};

// Sizes a video can have: even, and at least 64 pixels each way.
QSize evenVideoSize(QSize requested);

// The caption at replay time t: the last event with a position reached in
// the hold before t ("15 Jul 2013 · Seized: ..."), empty when none.
QString captionAt(const MapScene& scene, std::int64_t timeUtcMs, std::int64_t holdMs);

// The clock burned into a frame: the focused ship's (replay/clock_text.h),
// with an hour only where an AIS fix is behind it; a reported voyage's
// frames carry its dates alone.
QString videoClockAt(const MapScene& scene, std::int64_t timeUtcMs);

// Draws the clock (top left) and a caption (bottom centre) over a frame.
void paintVideoOverlay(QPainter& p, QSize size, const QString& clock, const QString& caption);

// Renders every frame into the sink. progress(done, total) is called after
// each frame; returning false cancels (the sink is cancelled and the result
// says so). The renderer's time and highlighted event are changed.
Status renderReplayVideo(MapRenderer& renderer, const MapViewport& viewport,
                         const ReplayVideoOptions& options, FrameSink& sink,
                         const std::function<bool(int done, int total)>& progress = {});

} // namespace wake::ui
