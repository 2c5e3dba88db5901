#pragma once

// Wake's icon (resources/packaging/icons), compiled in for its windows.

#include <QIcon>

namespace wake::ui {

QIcon appIcon();

} // namespace wake::ui
