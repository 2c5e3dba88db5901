#pragma once

#include <QIcon>
#include <QString>

namespace wake::ui {

// The flag of an ISO alpha-2 code from the built-in SVGs ("xx" when unknown).
QIcon flagIcon(const QString& alpha2);
// Path of a flag SVG resource for HTML (<img src=...>).
QString flagResourcePath(const QString& alpha2);

} // namespace wake::ui
