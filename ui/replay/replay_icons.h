#pragma once

// The replay bar's icons, drawn in the palette's text colour: the style's
// standard media icons are dark glyphs, invisible on the dark theme.

#include <QColor>
#include <QIcon>

namespace wake::ui {

enum class ReplayIcon
{
    Play,
    Pause,
    PreviousEvent,
    NextEvent,
};

QIcon replayIcon(ReplayIcon kind, const QColor& color);

} // namespace wake::ui
