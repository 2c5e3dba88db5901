#pragma once

// Light and dark palettes for the whole application (Fusion style), or the
// system's own. The map keeps its chart colours in every theme: it is a
// chart, and land and sea must read the same.

#include <QString>

namespace wake::ui {

// "system", "light" or "dark"; anything else is "system".
void applyTheme(const QString& theme);

} // namespace wake::ui
