#pragma once

// Light and dark palettes for the whole application (Fusion style), or the
// system's own. The map follows with a night chart's colours (dark water,
// darker land, light labels), and the timeline and the speed chart with the
// palette's own.

#include <QString>

namespace wake::ui {

// "system", "light" or "dark"; anything else is "system".
void applyTheme(const QString& theme);
// Whether the application now looks dark (the dark theme, or a system
// palette with a dark window): the map and the charts follow it.
bool looksDark();
// The application's text at `scale` times the size it started with (View →
// Text size); the map's labels, the timeline and the charts follow.
void applyTextScale(double scale);

} // namespace wake::ui
